import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'data/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
addFormats.default(ajv);

/** Validates a log against the official SARIF 2.1.0 schema (test/report/data). */
export const validateSarif = ajv.compile(schema);

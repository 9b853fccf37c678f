import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSpec } from '../../src/io/spec-source.js';
import { parseSpec } from '../../src/parse/index.js';
import { printSpec } from '../../src/parse/print.js';
import { CORPUS_DIR, corpusSpecs, HAVE_CORPUS } from '../helpers/corpus.js';
import { KNOWN_CORPUS_DIAGNOSTICS } from './corpus-known-diagnostics.js';

describe.skipIf(!HAVE_CORPUS)('the real-spec corpus (../shared/corpus)', () => {
  const specs = corpusSpecs();
  const results = specs.map((path) => {
    const { text } = decodeSpec(readFileSync(join(CORPUS_DIR, path)));
    try {
      const { file, diagnostics } = parseSpec(text, { filename: path });
      return { path, roundTrips: printSpec(file) === text, codes: diagnostics.map((d) => `${d.code}@${d.start.line}`), crash: null };
    } catch (error) {
      return { path, roundTrips: false, codes: [], crash: String(error) };
    }
  });

  it('holds all 3,445 specs', () => {
    expect(specs.length).toBe(3445);
  });

  it('parses every spec without a crash, and prints each back byte for byte', () => {
    expect(results.filter((r) => r.crash !== null || !r.roundTrips).map((r) => r.path)).toEqual([]);
  });

  it('reports diagnostics only on the files whose defects are listed and explained', () => {
    const withDiagnostics = Object.fromEntries(results.filter((r) => r.codes.length > 0).map((r) => [r.path, r.codes]));
    console.log(`[corpus] ${Object.keys(withDiagnostics).length} of ${specs.length} specs have parse diagnostics:\n` +
      Object.entries(withDiagnostics).map(([path, codes]) => `  ${path}: ${codes.join(' ')}`).join('\n'));
    const expected = Object.fromEntries(Object.entries(KNOWN_CORPUS_DIAGNOSTICS).map(([path, known]) => [path, known.diagnostics]));
    expect(withDiagnostics).toEqual(expected);
  });
});

import { SUPPRESSION_DIAGNOSTICS } from '../engine/suppression-diagnostics.js';
import { PARSE_DIAGNOSTICS } from '../parse/diagnostics.js';
import { RULES } from './index.js';
import type { Severity } from './types.js';

/** Something speclint can report, whoever reports it. */
export interface CodeInfo {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  readonly kind: 'rule' | 'parse' | 'suppression';
}

/** Every code speclint reports, in the order `speclint rules` lists them: rules, parse diagnostics, suppression diagnostics. */
export const ALL_CODES: readonly CodeInfo[] = Object.freeze([
  ...RULES.map(({ meta }): CodeInfo => ({ id: meta.id, name: meta.name, severity: meta.severity, kind: 'rule' })),
  ...Object.entries(PARSE_DIAGNOSTICS).map(([id, meta]): CodeInfo => ({ id, name: meta.name, severity: meta.severity, kind: 'parse' })),
  ...Object.entries(SUPPRESSION_DIAGNOSTICS).map(([id, meta]): CodeInfo => ({ id, name: meta.name, severity: meta.severity, kind: 'suppression' })),
]);

const BY_ID_OR_NAME: ReadonlyMap<string, string> = new Map(ALL_CODES.flatMap((c): [string, string][] => [[c.id, c.id], [c.name, c.id]]));

/** The code of a rule or diagnostic given by id (any case) or name; undefined when unknown. */
export function codeOf(idOrName: string): string | undefined {
  return BY_ID_OR_NAME.get(idOrName) ?? BY_ID_OR_NAME.get(idOrName.toUpperCase());
}

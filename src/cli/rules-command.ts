import type { ChalkInstance } from 'chalk';
import { SUPPRESSION_DIAGNOSTICS } from '../engine/suppression-diagnostics.js';
import { UsageError } from '../errors.js';
import { codeOf } from '../rules/codes.js';
import { PARSE_DIAGNOSTICS } from '../parse/diagnostics.js';
import { RULES } from '../rules/index.js';
import type { FixAvailability, Severity } from '../rules/types.js';
import type { CliIo } from './io.js';

/** What `rules` and `explain` print about a rule or a suppression diagnostic. */
interface Documented {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  readonly fixable: FixAvailability;
  readonly summary: string;
  /** Parse diagnostics have only their summary. */
  readonly explanation?: string;
  readonly fixSafety?: string;
  readonly bad?: string;
  readonly good?: string;
  readonly target?: string;
  readonly url?: string;
}

const DOCUMENTED: readonly Documented[] = [
  ...RULES.map(({ meta }): Documented => ({ id: meta.id, name: meta.name, severity: meta.severity, fixable: meta.fixable, ...meta.docs, url: meta.url })),
  ...Object.entries(PARSE_DIAGNOSTICS).map(([id, meta]): Documented => ({ id, ...meta, fixable: 'never' })),
  ...Object.entries(SUPPRESSION_DIAGNOSTICS).map(([id, meta]): Documented => ({ id, ...meta })),
];

/** `speclint rules`: one line per rule, then the parse and suppression diagnostics. */
export function runRules(io: CliIo, chalk: ChalkInstance): number {
  const width = Math.max(...DOCUMENTED.map((d) => d.name.length));
  for (const doc of DOCUMENTED) {
    const fix = doc.fixable === 'never' ? '   ' : 'fix';
    io.stdout(`${chalk.bold(doc.id)}  ${doc.name.padEnd(width)}  ${doc.severity.padEnd(7)}  ${fix}  ${doc.summary}\n`);
  }
  return 0;
}

/** `speclint explain ID|NAME`: a rule's documentation, with its bad and good examples. */
export function runExplain(which: string, io: CliIo, chalk: ChalkInstance): number {
  const code = codeOf(which);
  const doc = DOCUMENTED.find((d) => d.id === code);
  if (doc === undefined) throw new UsageError(`unknown rule ${which} (speclint rules lists them)`);
  const indent = (text: string): string => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
  io.stdout([
    chalk.bold(`${doc.id} ${doc.name}`),
    '',
    doc.summary,
    `Severity: ${doc.severity}. Fix: ${doc.fixable}.${doc.target === undefined ? '' : ` Examples are for ${doc.target}.`}`,
    ...(doc.explanation === undefined ? [] : ['', doc.explanation]),
    ...(doc.fixSafety === undefined ? [] : ['', doc.fixSafety]),
    ...(doc.bad === undefined ? [] : ['', chalk.bold('Bad:'), indent(doc.bad)]),
    ...(doc.good === undefined ? [] : ['', chalk.bold('Good:'), indent(doc.good)]),
    ...(doc.url === undefined ? [] : ['', `See ${doc.url}`]),
    '',
  ].join('\n'));
  return 0;
}

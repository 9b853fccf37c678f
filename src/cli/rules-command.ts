import type { ChalkInstance } from 'chalk';
import { UsageError } from '../errors.js';
import { RULES } from '../rules/index.js';
import type { CliIo } from './io.js';
import { codeOf } from './rule-selection.js';

/** `speclint rules`: one line per rule. */
export function runRules(io: CliIo, chalk: ChalkInstance): number {
  const width = Math.max(...RULES.map((r) => r.meta.name.length));
  for (const { meta } of RULES) {
    const fix = meta.fixable === 'never' ? '   ' : 'fix';
    io.stdout(`${chalk.bold(meta.id)}  ${meta.name.padEnd(width)}  ${meta.severity.padEnd(7)}  ${fix}  ${meta.docs.summary}\n`);
  }
  return 0;
}

/** `speclint explain ID|NAME`: a rule's documentation, with its bad and good examples. */
export function runExplain(which: string, io: CliIo, chalk: ChalkInstance): number {
  const code = codeOf(which);
  const rule = RULES.find((r) => r.meta.id === code);
  if (rule === undefined) throw new UsageError(`unknown rule ${which} (speclint rules lists them)`);
  const { meta } = rule;
  const indent = (text: string): string => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
  io.stdout([
    chalk.bold(`${meta.id} ${meta.name}`),
    '',
    meta.docs.summary,
    `Severity: ${meta.severity}. Fix: ${meta.fixable}.${meta.docs.target === undefined ? '' : ` Examples are for ${meta.docs.target}.`}`,
    '',
    meta.docs.explanation,
    ...(meta.docs.fixSafety === undefined ? [] : ['', meta.docs.fixSafety]),
    '',
    chalk.bold('Bad:'),
    indent(meta.docs.bad),
    '',
    chalk.bold('Good:'),
    indent(meta.docs.good),
    '',
    `See ${meta.url}`,
    '',
  ].join('\n'));
  return 0;
}

import { relative, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { fixText } from '../engine/fix-text.js';
import { unifiedDiff } from '../fix/unified-diff.js';
import { encodeSpec, readSpecFile } from '../io/spec-source.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { findSpecs } from '../io/find-specs.js';
import { IoError } from '../errors.js';
import { lintText } from '../engine/lint.js';
import { formatJson } from '../report/json.js';
import type { FileProblems } from '../report/problem.js';
import { formatText } from '../report/text.js';
import type { Severity } from '../rules/types.js';
import type { CliIo } from './io.js';
import { failsAt, RuleSelection } from './rule-selection.js';

export interface LintOptions {
  readonly format: 'text' | 'json';
  readonly target: string;
  readonly exitZero?: boolean;
  /** Write the fixes into the files, then report what is left. */
  readonly fix?: boolean;
  /** Print the fixes as a unified diff instead of the findings; write nothing. */
  readonly diff?: boolean;
  /** With --fix or --diff, apply unsafe fixes too. */
  readonly unsafeFixes?: boolean;
  /** Only these rules (ids or names); empty: all. */
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  /** The lowest severity that makes the exit code 1. */
  readonly failOn?: Severity;
  /** Findings only: no summary. */
  readonly quiet?: boolean;
  readonly chalk: ChalkInstance;
}

/**
 * Lints files and directories: parse diagnostics and rule findings. An unreadable path, or a rule
 * that crashes on a file, is reported and the other files are still linted; either makes the exit
 * code 2.
 */
export async function runLint(paths: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const selection = new RuleSelection(options.select ?? [], options.ignore ?? []);
  const lintOptions = (path: string) => ({ filename: path, target: options.target, rules: selection.rules() });
  const found = await findSpecs(paths);
  const ioErrors: IoError[] = [...found.errors];
  const internalErrors: string[] = [];
  const results: FileProblems[] = [];
  const level = options.unsafeFixes === true ? 'unsafe' : 'safe';
  const diffs: string[] = [];
  const unfixed: string[] = [];
  let fixedProblems = 0;
  let fixedFiles = 0;
  for (const path of found.files) {
    try {
      const source = await readSpecFile(path);
      let text = source.text;
      if (options.fix === true || options.diff === true) {
        const fixed = fixText(text, lintOptions(path), level);
        // Fixes that undo each other or break the parse are not applied; the findings still show.
        if (fixed.problem !== null) unfixed.push(`${path}: fixes not applied: ${fixed.problem}`);
        const output = fixed.problem === null ? fixed.output : text;
        if (options.diff === true) {
          diffs.push(unifiedDiff(text, output, diffName(path)));
          continue;
        }
        if (output !== text) {
          await writeFileAtomic(path, encodeSpec(output, source.encoding));
          fixedProblems += fixed.applied.length;
          fixedFiles++;
          text = output;
        }
      }
      const result = lintText(text, lintOptions(path));
      internalErrors.push(...result.internalErrors);
      results.push(problemsOf(path, text, result.findings.filter((f) => selection.includes(f.ruleId))));
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      ioErrors.push(error);
    }
  }
  if (options.diff === true) {
    io.stdout(diffs.join(''));
    for (const message of unfixed) io.stderr(`speclint: ${message}\n`);
    for (const error of ioErrors) io.stderr(`speclint: ${error.message}\n`);
    for (const error of internalErrors) io.stderr(`speclint: internal error: ${error}\n`);
    if (ioErrors.length > 0 || internalErrors.length > 0) return 2;
    return diffs.some((d) => d !== '') && options.exitZero !== true ? 1 : 0;
  }
  io.stdout(options.format === 'json' ? formatJson(results) : formatText(results, options.chalk, { summary: options.quiet !== true }));
  if (options.fix === true && options.format !== 'json' && options.quiet !== true) {
    io.stdout(`Fixed ${fixedProblems} ${fixedProblems === 1 ? 'problem' : 'problems'} in ${fixedFiles} ${fixedFiles === 1 ? 'file' : 'files'}.\n`);
  }
  for (const message of unfixed) io.stderr(`speclint: ${message}\n`);
  for (const error of ioErrors) io.stderr(`speclint: ${error.message}\n`);
  for (const error of internalErrors) io.stderr(`speclint: internal error: ${error}\n`);
  if (ioErrors.length > 0 || internalErrors.length > 0) return 2;
  const failing = results.some((r) => r.problems.some((p) => failsAt(p.severity, options.failOn ?? 'info')));
  return failing && options.exitZero !== true ? 1 : 0;
}

function problemsOf(path: string, text: string, findings: ReturnType<typeof lintText>['findings']): FileProblems {
  return { filename: path, source: text, problems: findings.map((f) => ({ ...f, code: f.ruleId, name: f.ruleName })) };
}

/** The path as `git apply` and `patch -p1` expect it below `a/` and `b/`: relative, with slashes. */
function diffName(path: string): string {
  const name = relative(process.cwd(), path);
  return (name.startsWith('..') ? path.replace(/^\/+/, '') : name).split(sep).join('/');
}

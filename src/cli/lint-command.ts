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
import { formatText, plural } from '../report/text.js';
import type { Finding, Severity } from '../rules/types.js';
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
 * code 2. With `--fix` the fixed text is written and what is left reported; with `--diff` the fixes
 * are printed as a patch instead of the findings.
 */
export async function runLint(paths: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const selection = new RuleSelection(options.select ?? [], options.ignore ?? []);
  const rules = selection.rules();
  const fixing = options.fix === true || options.diff === true;
  const level = options.unsafeFixes === true ? 'unsafe' : 'safe';
  const found = await findSpecs(paths);
  const ioErrors: IoError[] = [...found.errors];
  const internalErrors: string[] = [];
  const notes: string[] = [];
  const results: FileProblems[] = [];
  const diffs: string[] = [];
  const fixed = { problems: 0, files: 0 };
  for (const path of found.files) {
    try {
      const source = await readSpecFile(path);
      const lintOptions = { filename: path, target: options.target, rules };
      let text = source.text;
      let result;
      if (fixing) {
        const run = fixText(text, lintOptions, level);
        // Fixes that undo each other or break the parse stop the loop; what was fixed before stays.
        if (run.problem !== null) notes.push(`${path}: ${run.problem}`);
        if (options.diff === true) {
          diffs.push(unifiedDiff(text, run.output, diffName(path)));
        } else if (run.output !== text) {
          await writeFileAtomic(path, encodeSpec(run.output, source.encoding));
          fixed.problems += run.applied.length;
          fixed.files++;
        }
        text = run.output;
        result = run.lint;
      } else {
        result = lintText(text, lintOptions);
      }
      internalErrors.push(...result.internalErrors);
      // Rule findings come only from the selected rules already; this leaves out parse diagnostics.
      results.push(problemsOf(path, text, result.findings.filter((f) => selection.includes(f.ruleId))));
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      ioErrors.push(error);
    }
  }
  if (options.diff === true) {
    io.stdout(diffs.join(''));
  } else {
    io.stdout(options.format === 'json' ? formatJson(results) : formatText(results, options.chalk, { summary: options.quiet !== true }));
    if (options.fix === true && options.format !== 'json' && options.quiet !== true) {
      io.stdout(`Fixed ${plural(fixed.problems, 'problem')} in ${plural(fixed.files, 'file')}.\n`);
    }
  }
  for (const note of notes) io.stderr(`speclint: ${note}\n`);
  for (const error of ioErrors) io.stderr(`speclint: ${error.message}\n`);
  for (const error of internalErrors) io.stderr(`speclint: internal error: ${error}\n`);
  if (ioErrors.length > 0 || internalErrors.length > 0) return 2;
  if (options.exitZero === true) return 0;
  if (options.diff === true) return diffs.some((d) => d !== '') ? 1 : 0;
  return results.some((r) => r.problems.some((p) => failsAt(p.severity, options.failOn ?? 'info'))) ? 1 : 0;
}

function problemsOf(path: string, text: string, findings: readonly Finding[]): FileProblems {
  return { filename: path, source: text, problems: findings.map((f) => ({ ...f, code: f.ruleId, name: f.ruleName })) };
}

/** The path as `git apply` and `patch -p1` expect it below `a/` and `b/`: relative, with slashes. */
function diffName(path: string): string {
  const name = relative(process.cwd(), path);
  return (name.startsWith('..') ? path.replace(/^\/+/, '') : name).split(sep).join('/');
}

import type { ChalkInstance } from 'chalk';
import { readSpecFile } from '../io/spec-source.js';
import { findSpecs } from '../io/find-specs.js';
import { IoError } from '../errors.js';
import { lintText } from '../engine/lint.js';
import { formatJson } from '../report/json.js';
import type { FileProblems } from '../report/problem.js';
import { formatText } from '../report/text.js';
import type { CliIo } from './io.js';

export interface LintOptions {
  readonly format: 'text' | 'json';
  readonly target: string;
  readonly exitZero?: boolean;
  readonly chalk: ChalkInstance;
}

/**
 * Lints files and directories: parse diagnostics and rule findings. An unreadable path, or a rule
 * that crashes on a file, is reported and the other files are still linted; either makes the exit
 * code 2.
 */
export async function runLint(paths: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const found = await findSpecs(paths);
  const ioErrors: IoError[] = [...found.errors];
  const internalErrors: string[] = [];
  const results: FileProblems[] = [];
  for (const path of found.files) {
    try {
      const source = await readSpecFile(path);
      const result = lintText(source.text, { filename: path, target: options.target });
      internalErrors.push(...result.internalErrors);
      results.push({
        filename: path,
        source: source.text,
        problems: result.findings.map((f) => ({ ...f, code: f.ruleId, name: f.ruleName })),
      });
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      ioErrors.push(error);
    }
  }
  io.stdout(options.format === 'json' ? formatJson(results) : formatText(results, options.chalk));
  for (const error of ioErrors) io.stderr(`speclint: ${error.message}\n`);
  for (const error of internalErrors) io.stderr(`speclint: internal error: ${error}\n`);
  if (ioErrors.length > 0 || internalErrors.length > 0) return 2;
  const problems = results.reduce((n, r) => n + r.problems.length, 0);
  return problems > 0 && options.exitZero !== true ? 1 : 0;
}

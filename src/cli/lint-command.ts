import { relative, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { UsageError } from '../errors.js';
import { findSpecs } from '../io/find-specs.js';
import { formatReport, type Format } from '../report/format.js';
import { plural } from '../report/text.js';
import type { Severity } from '../rules/types.js';
import type { FileJob, FileOutcome } from './file-job.js';
import type { CliIo } from './io.js';
import { progressLine } from './progress.js';
import { failsAt } from './fail-level.js';
import { SettingsResolver } from '../config/settings.js';
import { defaultWorkers, runFileJobs } from './run-file-jobs.js';

export const STDIN_PATH = '-';

export interface LintOptions {
  readonly format: Format;
  /** speclint's version, for the SARIF report. */
  readonly toolVersion: string;
  /** Absent: the config file's, or the default. */
  readonly target?: string;
  /** A config file for every spec, instead of the nearest one above each. */
  readonly config?: string;
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
  /** The name standard input is reported under (and, with a config file, matched as). */
  readonly stdinFilename?: string;
  /** Worker threads; by default one per core when there are many files. */
  readonly jobs?: number;
  readonly chalk: ChalkInstance;
}

/**
 * Lints files, directories and standard input: parse diagnostics and rule findings. An unreadable
 * path, or a rule that crashes on a file, is reported and the other files are still linted; either
 * makes the exit code 2. With `--fix` the fixed text is written and what is left reported (for
 * standard input the fixed spec goes to standard output and the report to standard error); with
 * `--diff` the fixes are printed as a patch instead of the findings.
 */
export async function runLint(paths: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const readsStdin = checkStdinUse(paths, options);
  // Unknown rules or targets, and config mistakes, are usage errors before any file is linted.
  const settings = new SettingsResolver({
    ...(options.config === undefined ? {} : { configPath: options.config }),
    cli: { target: options.target, select: options.select, ignore: options.ignore, failOn: options.failOn },
  });
  const mode = options.diff === true ? 'diff' : options.fix === true ? 'fix' : 'lint';
  const jobOf = (path: string, displayName: string): FileJob => {
    const { target, codes, severity, failOn } = settings.settingsFor(path);
    return { path, displayName, target, codes, severity, failOn, mode, level: options.unsafeFixes === true ? 'unsafe' : 'safe', diffName: diffName(displayName) };
  };
  // Standard input is reported where `-` stands among the paths.
  const dash = readsStdin ? paths.indexOf(STDIN_PATH) : paths.length;
  const before = findSpecs(paths.slice(0, dash));
  const after = findSpecs(paths.slice(dash + 1));
  const jobs = [...before.files.map((path) => jobOf(path, path))];
  if (readsStdin) {
    const name = options.stdinFilename ?? 'stdin.spec';
    jobs.push({ ...jobOf(name, name), stdin: await io.readStdin() });
  }
  jobs.push(...after.files.map((path) => jobOf(path, path)));
  const unreadable = [...before.errors, ...after.errors].map((e) => e.message);

  const progress = progressLine(jobs.length, io.stderr, { isTTY: io.stderrIsTTY, env: io.env });
  // --jobs 1 keeps the run in this thread; only the default may choose a single worker (on one core).
  const workers = options.jobs === undefined ? defaultWorkers(jobs.length) : options.jobs === 1 ? 0 : options.jobs;
  const outcomes = await runFileJobs(jobs, workers, { onDone: progress.tick });
  progress.done();

  const results = outcomes.flatMap((o) => (o.problems === null ? [] : [o.problems]));
  // With --fix on standard input, standard output carries the fixed spec (nothing, if its lint
  // crashed), so the report moves aside.
  const fixingStdin = readsStdin && mode === 'fix';
  const report = fixingStdin ? io.stderr : io.stdout;
  for (const outcome of outcomes) if (outcome.fixedStdin !== null) io.stdoutBytes(outcome.fixedStdin);
  if (mode === 'diff') {
    // Each patch is in its file's own encoding, so that a latin-1 context line still matches.
    for (const outcome of outcomes) if (outcome.diff.length > 0) io.stdoutBytes(outcome.diff);
  } else {
    report(await formatReport(options.format, results, { chalk: options.chalk, quiet: options.quiet === true, toolVersion: options.toolVersion, cwd: process.cwd() }));
    // Only the human report has room for a sentence; the others are read by programs.
    if (mode === 'fix' && !fixingStdin && options.format === 'text' && options.quiet !== true) {
      const written = outcomes.filter((o) => o.fixesWritten > 0);
      report(`Fixed ${plural(written.reduce((n, o) => n + o.fixesWritten, 0), 'problem')} in ${plural(written.length, 'file')}.\n`);
    }
  }
  return reportErrorsAndExit(unreadable, jobs, outcomes, options, io);
}

/** The exit code; each file fails at its own settings' `fail-on`. */
function reportErrorsAndExit(unreadable: readonly string[], jobs: readonly FileJob[], outcomes: readonly FileOutcome[], options: LintOptions, io: CliIo): number {
  const ioErrors = [...unreadable, ...outcomes.flatMap((o) => (o.ioError === null ? [] : [o.ioError]))];
  const internalErrors = outcomes.flatMap((o) => o.internalErrors);
  for (const note of outcomes.flatMap((o) => o.notes)) io.stderr(`speclint: ${note}\n`);
  for (const error of ioErrors) io.stderr(`speclint: ${error}\n`);
  for (const error of internalErrors) io.stderr(`speclint: internal error: ${error}\n`);
  if (ioErrors.length > 0 || internalErrors.length > 0) return 2;
  if (options.exitZero === true) return 0;
  if (options.diff === true) return outcomes.some((o) => o.diff.length > 0) ? 1 : 0;
  return outcomes.some((o, i) => o.problems?.problems.some((p) => failsAt(p.severity, jobs[i]!.failOn)) === true) ? 1 : 0;
}

/** Whether standard input is linted; throws UsageError for combinations that cannot work. */
function checkStdinUse(paths: readonly string[], options: LintOptions): boolean {
  const dashes = paths.filter((p) => p === STDIN_PATH).length;
  if (dashes > 1) throw new UsageError('standard input (-) can be given only once');
  if (paths.length === 0) throw new UsageError('no spec files given: name files or directories, or - for standard input');
  if (options.stdinFilename !== undefined && dashes === 0) throw new UsageError('--stdin-filename names standard input: add - to the paths');
  if (dashes === 1 && options.fix === true && paths.length > 1) {
    throw new UsageError('--fix with standard input prints the fixed spec to standard output, so it takes no other paths');
  }
  return dashes === 1;
}

/** The path as `git apply` and `patch -p1` expect it below `a/` and `b/`: relative, with slashes. */
function diffName(path: string): string {
  const name = relative(process.cwd(), path);
  return (name.startsWith('..') ? path.replace(/^\/+/, '') : name).split(sep).join('/');
}

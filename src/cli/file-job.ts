import { lintText, type LintResult } from '../engine/lint.js';
import { IoError } from '../errors.js';
import type { Applicability } from '../fix/edit.js';
import { decodeSpec, encodeSpec, readSpecFileSync, type SpecSource } from '../io/spec-source.js';
import type { FileProblems } from '../report/problem.js';
import type { Finding, Severity } from '../rules/types.js';

/**
 * One file's work, in a form a worker thread can receive: plain data only, so the rules are named
 * by code and chosen again on the other side.
 */
export interface FileJob {
  readonly path: string;
  /** The name reports use: the path, or --stdin-filename for standard input. */
  readonly displayName: string;
  /** The bytes of standard input; absent for a file on disk. */
  readonly stdin?: Uint8Array;
  readonly target: string;
  /** The codes to report (the settings' selection); a Set survives the copy into a worker. */
  readonly codes: ReadonlySet<string>;
  readonly severity: ReadonlyMap<string, Severity>;
  /** The lowest severity that makes the run fail, for this file. */
  readonly failOn: Severity;
  /** `lint` reports; `fix` writes the fixed file (or returns it, for standard input); `diff` returns a patch. */
  readonly mode: 'lint' | 'fix' | 'diff';
  readonly level: Applicability;
  /** The name the patch gives the file below `a/` and `b/`. */
  readonly diffName: string;
}

export interface FileOutcome {
  /** What is left to report: everything found, or what the fixes left. */
  readonly problems: FileProblems | null;
  /** --diff: the patch in the file's encoding, empty when there is nothing to fix. */
  readonly diff: Uint8Array;
  /** --fix on standard input: the fixed bytes, to print instead of writing a file. */
  readonly fixedStdin: Uint8Array | null;
  /** How many fixes were written to this file. */
  readonly fixesWritten: number;
  /** Fixes that were refused (undo each other, break the parse). */
  readonly notes: readonly string[];
  readonly ioError: string | null;
  readonly internalErrors: readonly string[];
}

const NO_BYTES: Uint8Array = new Uint8Array(0);

export async function runFileJob(job: FileJob): Promise<FileOutcome> {
  const outcome = { problems: null, diff: NO_BYTES, fixedStdin: null, fixesWritten: 0, notes: [] as string[], ioError: null, internalErrors: [] as string[] };
  let source: SpecSource;
  try {
    source = job.stdin === undefined ? readSpecFileSync(job.path) : { path: job.path, ...decodeSpec(job.stdin) };
  } catch (error) {
    if (error instanceof IoError) return { ...outcome, ioError: error.message };
    throw error;
  }
  const options = { filename: job.displayName, target: job.target, codes: job.codes, severity: job.severity };
  let text = source.text;
  let result: LintResult;
  const notes: string[] = [];
  let fixesWritten = 0;
  let diff: Uint8Array = NO_BYTES;
  let fixedStdin: Uint8Array | null = null;
  if (job.mode === 'lint') {
    result = lintText(text, options);
  } else {
    // Loaded here, each where it is used, so that a plain lint (a pre-commit hook's) loads no fix
    // machinery and --diff no atomic writes.
    const { fixText } = await import('../engine/fix-text.js');
    const run = fixText(text, options, job.level);
    // Fixes that undo each other or break the parse stop the loop; what was fixed before stays.
    if (run.problem !== null) notes.push(`${job.displayName}: ${run.problem}`);
    if (job.mode === 'diff') {
      const { unifiedDiff } = await import('../fix/unified-diff.js');
      diff = encodeSpec(unifiedDiff(text, run.output, job.diffName), source.encoding);
    } else if (job.stdin !== undefined) {
      fixedStdin = encodeSpec(run.output, source.encoding);
    } else if (run.output !== text) {
      const { writeFileAtomic } = await import('../io/write-atomic.js');
      try {
        await writeFileAtomic(job.path, encodeSpec(run.output, source.encoding));
      } catch (error) {
        if (error instanceof IoError) return { ...outcome, notes, ioError: error.message };
        throw error;
      }
      fixesWritten = run.applied.length;
    }
    text = run.output;
    result = run.lint;
  }
  return {
    problems: problemsOf(job.displayName, text, result.findings),
    diff, fixedStdin, fixesWritten, notes, ioError: null, internalErrors: [...result.internalErrors],
  };
}

function problemsOf(filename: string, text: string, findings: readonly Finding[]): FileProblems {
  // The source is kept only where a reporter may quote it, so a run over thousands of clean
  // files does not hold all their text.
  return { filename, source: findings.length === 0 ? '' : text, problems: findings.map((f) => ({ ...f, code: f.ruleId, name: f.ruleName })) };
}

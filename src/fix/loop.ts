import { applyFixes, type FixCandidate } from './apply.js';
import type { Applicability } from './edit.js';

export interface FixPassLint {
  readonly candidates: readonly FixCandidate[];
  /** Parse diagnostics of the text: a pass that adds some is thrown away. */
  readonly parseProblems: number;
}

export interface FixLoopResult<R extends FixPassLint = FixPassLint> {
  readonly output: string;
  readonly passes: number;
  readonly applied: readonly FixCandidate[];
  /** Set when fixes undo each other or break the parse; names the rules involved. */
  readonly problem: string | null;
  /** The lint of `output`, so callers need not lint it again. */
  readonly report: R;
}

export const MAX_FIX_PASSES = 10;

/**
 * Applies fixes, re-lints and repeats until nothing more applies (at most 10 passes, ESLint's
 * cap). A pass that makes the text parse worse is discarded and reported; text that comes back to
 * what it was two passes ago means fixes undo each other, and the loop stops.
 */
export function fixUntilStable<R extends FixPassLint>(text: string, lint: (text: string) => R, level: Applicability): FixLoopResult<R> {
  const applied: FixCandidate[] = [];
  const history = [text];
  let current = text;
  let report = lint(current);
  const baseline = report.parseProblems;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const result = applyFixes(current, report.candidates, level);
    if (result.applied.length === 0 || result.output === current) return { output: current, passes: pass - 1, applied, problem: null, report };
    const next = lint(result.output);
    if (next.parseProblems > baseline) {
      return { output: current, passes: pass - 1, applied, problem: `fixes from ${rulesOf(result.applied)} would break the spec's syntax; they were not applied`, report };
    }
    if (history.length >= 2 && history[history.length - 2] === result.output) {
      return { output: result.output, passes: pass, applied, problem: `circular fixes from ${rulesOf(result.applied)}`, report: next };
    }
    applied.push(...result.applied);
    history.push(result.output);
    current = result.output;
    report = next;
  }
  return { output: current, passes: MAX_FIX_PASSES, applied, problem: `fixes did not settle after ${MAX_FIX_PASSES} passes`, report };
}

function rulesOf(candidates: readonly FixCandidate[]): string {
  return [...new Set(candidates.map((c) => c.ruleId))].join(', ');
}

import { applyFixes, type FixCandidate } from './apply.js';
import type { Applicability } from './edit.js';

export interface FixPassLint {
  readonly candidates: readonly FixCandidate[];
  /** Parse diagnostics of the text: a pass that adds some is thrown away. */
  readonly parseProblems: number;
  readonly ruleNames: (candidate: FixCandidate) => string;
}

export interface FixLoopResult {
  readonly output: string;
  readonly passes: number;
  readonly applied: readonly FixCandidate[];
  /** Set when fixes undo each other or break the parse; names the rules involved. */
  readonly problem: string | null;
}

export const MAX_FIX_PASSES = 10;

/**
 * Applies fixes, re-lints and repeats until nothing more applies (at most 10 passes, ESLint's
 * cap). A pass that makes the text parse worse is discarded and reported; text that comes back to
 * what it was two passes ago means fixes undo each other, and the loop stops.
 */
export function fixUntilStable(text: string, lint: (text: string) => FixPassLint, level: Applicability): FixLoopResult {
  const applied: FixCandidate[] = [];
  const history = [text];
  let current = text;
  let report = lint(current);
  const baseline = report.parseProblems;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const result = applyFixes(current, report.candidates, level);
    if (result.applied.length === 0 || result.output === current) return { output: current, passes: pass - 1, applied, problem: null };
    const next = lint(result.output);
    if (next.parseProblems > baseline) {
      const rules = [...new Set(result.applied.map(report.ruleNames))].join(', ');
      return { output: current, passes: pass - 1, applied, problem: `fixes from ${rules} would break the spec's syntax; they were not applied` };
    }
    if (history.length >= 2 && history[history.length - 2] === result.output) {
      const rules = [...new Set(result.applied.map(report.ruleNames))].join(', ');
      return { output: result.output, passes: pass, applied, problem: `circular fixes from ${rules}` };
    }
    applied.push(...result.applied);
    history.push(result.output);
    current = result.output;
    report = next;
  }
  return { output: current, passes: MAX_FIX_PASSES, applied, problem: `fixes did not settle after ${MAX_FIX_PASSES} passes` };
}

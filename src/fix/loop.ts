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
 * what it was two passes ago means fixes undo each other, and the loop stops. A fix whose finding
 * is still there after it was applied, offering the same fix again, is taken back and reported
 * rather than applied once more on every pass.
 */
export function fixUntilStable<R extends FixPassLint>(text: string, lint: (text: string) => R, level: Applicability): FixLoopResult<R> {
  const applied: FixCandidate[] = [];
  const history = [text];
  let current = text;
  let report = lint(current);
  const baseline = report.parseProblems;
  // An insertion the rule cannot see (inside a conditional that never closes, say) would
  // otherwise be made again on every pass: such fixes are remembered and left out.
  const ineffective = new Set<string>();
  const problem = (other: string | null): string | null => {
    const refusedRules = new Set([...ineffective].map(ruleOfKey));
    const parts = [
      ...(refusedRules.size === 0 ? [] : [`fixes from ${[...refusedRules].join(', ')} leave their problem in place; they were not applied`]),
      ...(other === null ? [] : [other]),
    ];
    return parts.length === 0 ? null : parts.join('; ');
  };
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const candidates = report.candidates.filter((c) => !ineffective.has(fixKey(c)));
    const result = applyFixes(current, candidates, level);
    if (result.applied.length === 0 || result.output === current) return { output: current, passes: history.length - 1, applied, problem: problem(null), report };
    const next = lint(result.output);
    if (next.parseProblems > baseline) {
      return { output: current, passes: history.length - 1, applied, problem: problem(`fixes from ${rulesOf(result.applied)} would break the spec's syntax; they were not applied`), report };
    }
    const before = countByKey(candidates);
    const after = countByKey(next.candidates);
    const suspects = new Set(result.applied.map(fixKey).filter((key) => (after.get(key) ?? 0) >= (before.get(key) ?? 0)));
    // Another fix in the pass may have made a new finding of the same kind (splitting a line in
    // two, say): only fixes that leave their problem in place when applied alone are taken back.
    const back = [...suspects].filter((key) => {
      const alone = applyFixes(current, result.applied.filter((c) => fixKey(c) === key), level);
      return (countByKey(lint(alone.output).candidates).get(key) ?? 0) >= (before.get(key) ?? 0);
    });
    if (back.length > 0) {
      for (const key of back) ineffective.add(key);
      continue;
    }
    if (history.length >= 2 && history[history.length - 2] === result.output) {
      return { output: result.output, passes: history.length, applied, problem: problem(`circular fixes from ${rulesOf(result.applied)}`), report: next };
    }
    applied.push(...result.applied);
    history.push(result.output);
    current = result.output;
    report = next;
  }
  return { output: current, passes: history.length - 1, applied, problem: problem(`fixes did not settle after ${MAX_FIX_PASSES} passes`), report };
}

/** The finding a fix is for, by rule and message: its edits may move or change shape once applied. */
function fixKey(candidate: FixCandidate): string {
  return `${candidate.ruleId}\0${candidate.message}`;
}

function ruleOfKey(key: string): string {
  return key.slice(0, key.indexOf('\0'));
}

function countByKey(candidates: readonly FixCandidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(fixKey(c), (counts.get(fixKey(c)) ?? 0) + 1);
  return counts;
}

function rulesOf(candidates: readonly FixCandidate[]): string {
  return [...new Set(candidates.map((c) => c.ruleId))].join(', ');
}

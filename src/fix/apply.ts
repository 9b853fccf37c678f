import { APPLICABILITY_ORDER, type Applicability, type Edit, type Fix } from './edit.js';

export interface FixCandidate {
  readonly fix: Fix;
  /** The rule that offers it, named when its fixes misbehave. */
  readonly ruleId: string;
  /** Tie-breakers after the first edit's offset: the rule's place in the registry, then the message. */
  readonly ruleOrder: number;
  readonly message: string;
}

export interface AppliedFixes {
  readonly output: string;
  readonly applied: readonly FixCandidate[];
  readonly skipped: readonly FixCandidate[];
}

/**
 * Applies fixes in one sorted sweep (DESIGN.md §3.3): fixes below `level` are left out; a fix
 * whose edits start at or before the end of an edit already applied waits for the next pass, as
 * does one whose isolation key was used; an edit identical to one already applied is dropped (two
 * rules proposing the same line apply it once). A fix applies all its edits or none.
 */
export function applyFixes(text: string, candidates: readonly FixCandidate[], level: Applicability): AppliedFixes {
  const eligible = candidates
    .filter((c) => c.fix.edits.length > 0 && APPLICABILITY_ORDER[c.fix.applicability] >= APPLICABILITY_ORDER[level] && c.fix.applicability !== 'display-only')
    .sort((a, b) => a.fix.edits[0]!.start - b.fix.edits[0]!.start || a.ruleOrder - b.ruleOrder || a.message.localeCompare(b.message));
  const done: Edit[] = [];
  const applied: FixCandidate[] = [];
  const skipped: FixCandidate[] = [];
  const isolation = new Set<string>();
  let lastEnd = -1;
  for (const candidate of eligible) {
    const fresh = candidate.fix.edits.filter((e) => !done.some((d) => d.start === e.start && d.end === e.end && d.text === e.text));
    if (fresh.length === 0) {
      applied.push(candidate);
      continue;
    }
    const key = candidate.fix.isolation;
    if ((key !== undefined && isolation.has(key)) || fresh[0]!.start <= lastEnd) {
      skipped.push(candidate);
      continue;
    }
    done.push(...fresh);
    lastEnd = fresh[fresh.length - 1]!.end;
    if (key !== undefined) isolation.add(key);
    applied.push(candidate);
  }
  let output = '';
  let at = 0;
  for (const e of done) {
    output += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { output: output + text.slice(at), applied, skipped };
}

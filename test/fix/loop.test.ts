import { describe, expect, it } from 'vitest';
import type { FixCandidate } from '../../src/fix/apply.js';
import { fixUntilStable } from '../../src/fix/loop.js';

/** A fix from `ruleId` that inserts `text` at offset 0. */
function insertion(ruleId: string, text: string): FixCandidate {
  return { ruleId, ruleOrder: 0, message: `${ruleId} always`, fix: { title: 'add a line', applicability: 'safe', edits: [{ start: 0, end: 0, text }] } };
}

describe('the fix loop takes back a fix that leaves its finding in place', () => {
  it('applies it once, sees the finding again, and returns the text as it was, naming the rule', () => {
    // A rule whose insertion never satisfies it: the finding and its fix come back on every pass.
    const result = fixUntilStable('body\n', () => ({ parseProblems: 0, candidates: [insertion('XX001', 'x\n')] }), 'safe');
    expect(result.output).toBe('body\n');
    expect(result.applied).toEqual([]);
    expect(result.problem).toBe('fixes from XX001 leave their problem in place; they were not applied');
  });

  it('names every rule it took a fix back from, over all the passes', () => {
    // XX001 never helps; XX003 works, and once it has, XX002 comes up and never helps either.
    const lint = (text: string) => ({
      parseProblems: 0,
      candidates: [insertion('XX001', 'x\n'), text.includes('fixed\n') ? insertion('XX002', 'z\n') : insertion('XX003', 'fixed\n')],
    });
    const result = fixUntilStable('body\n', lint, 'safe');
    expect(result.output).toBe('fixed\nbody\n');
    expect(result.applied.map((c) => c.ruleId)).toEqual(['XX003']);
    expect(result.problem).toBe('fixes from XX001, XX002 leave their problem in place; they were not applied');
  });
});

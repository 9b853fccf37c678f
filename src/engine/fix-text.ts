import type { Applicability } from '../fix/edit.js';
import { fixUntilStable, type FixLoopResult } from '../fix/loop.js';
import { RULES } from '../rules/index.js';
import { lintText, type LintOptions } from './lint.js';

/** Lints, applies the fixes at `level` or safer, and repeats until the text settles. */
export function fixText(text: string, options: LintOptions = {}, level: Applicability = 'safe'): FixLoopResult {
  const rules = options.rules ?? RULES;
  const order = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  return fixUntilStable(text, (current) => {
    const result = lintText(current, options);
    const candidates = result.findings.flatMap((f) => (f.fix === undefined ? [] : [{ fix: f.fix, ruleOrder: order.get(f.ruleId) ?? rules.length, message: `${f.ruleId} ${f.message}` }]));
    return {
      candidates,
      parseProblems: result.parse.diagnostics.length,
      ruleNames: (candidate) => candidate.message.split(' ')[0]!,
    };
  }, level);
}

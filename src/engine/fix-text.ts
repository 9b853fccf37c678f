import type { Applicability } from '../fix/edit.js';
import { fixUntilStable, type FixLoopResult } from '../fix/loop.js';
import { RULES } from '../rules/index.js';
import { lintText, type LintOptions, type LintResult } from './lint.js';

export interface FixTextResult extends Omit<FixLoopResult, 'report'> {
  /** The lint of `output`. */
  readonly lint: LintResult;
}

/** Lints, applies the fixes at `level` or safer, and repeats until the text settles. */
export function fixText(text: string, options: LintOptions = {}, level: Applicability = 'safe'): FixTextResult {
  const rules = options.rules ?? RULES;
  const order = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const { report, ...loop } = fixUntilStable(text, (current) => {
    const result = lintText(current, options);
    const candidates = result.findings.flatMap((f) => (f.fix === undefined ? [] : [{ fix: f.fix, ruleId: f.ruleId, ruleOrder: order.get(f.ruleId) ?? rules.length, message: f.message }]));
    return { candidates, parseProblems: result.parse.diagnostics.length, result };
  }, level);
  return { ...loop, lint: report.result };
}

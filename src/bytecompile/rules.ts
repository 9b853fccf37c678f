import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';

/**
 * The rules whose findings and fixes make up a byte-compilation plan: every byte-compilation and
 * reproducibility rule, and PY003, because `%py_byte_compile` comes from python-rpm-macros, which
 * python3-devel pulls in together with the interpreter that does the compiling (facts b, a.2).
 * Derived from the rules' tags so that a new byte-compilation rule joins the plan by itself.
 */
export const BYTECOMPILE_RULES: readonly Rule[] = RULES.filter((rule) =>
  rule.meta.tags.includes('byte-compilation') || rule.meta.tags.includes('reproducibility') || rule.meta.id === 'PY003');

/** The registry position of a rule, which orders fixes at one offset as `speclint --fix` does. */
export function ruleOrder(ruleId: string): number {
  const index = RULES.findIndex((rule) => rule.meta.id === ruleId);
  return index < 0 ? RULES.length : index;
}

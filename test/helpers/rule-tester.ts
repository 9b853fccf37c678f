import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';
import { lintText } from '../../src/engine/lint.js';
import type { Rule } from '../../src/rules/types.js';

export interface InvalidCase {
  readonly code: string;
  readonly target?: string;
  readonly errors: readonly { readonly messageId: string; readonly line: number; readonly column: number; readonly severity?: string }[];
  /** The text after safe and unsafe fixes; null when no fix may be offered. */
  readonly output: string | null;
  /** Message ids of this rule's findings the fixed text may still have (default none). */
  readonly remaining?: readonly string[];
  readonly name?: string;
}

export interface ValidCase {
  readonly code: string;
  readonly target?: string;
  readonly name?: string;
}

/**
 * typescript-eslint's RuleTester shape on vitest. Checks every case for the exact findings of
 * this rule, that fixes agree with `meta.fixable`, that the fixed text parses as well as the
 * original and has no finding of the rule left (but those a case lists as remaining), that the
 * rule neither throws nor writes `undefined` into a message, and that the rule's own docs
 * examples behave (bad triggers, good does not).
 */
export function runRuleTests(rule: Rule, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  const findingsOf = (code: string, target = 'fedora') => {
    const result = lintText(code, { target, rules: [rule] });
    // A rule that throws reports nothing: that must fail here, not pass as "no findings".
    expect(result.internalErrors).toEqual([]);
    const findings = result.findings.filter((f) => f.ruleId === rule.meta.id);
    for (const f of findings) expect(f.message).toMatch(/^(?!.*(undefined|NaN|\[object )).+$/);
    return findings;
  };
  const seen = new Set<string>();
  const unique = (code: string, target = 'fedora'): void => {
    const key = `${target}\n${code}`;
    if (seen.has(key)) throw new Error(`duplicate test case for ${rule.meta.name}`);
    seen.add(key);
  };

  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    it('flags its own docs.bad example and not its docs.good one', () => {
      expect(findingsOf(rule.meta.docs.bad, rule.meta.docs.target).length).toBeGreaterThan(0);
      expect(findingsOf(rule.meta.docs.good, rule.meta.docs.target)).toEqual([]);
    });

    if (rule.meta.fixable === 'sometimes') {
      it('shows, for fixable: sometimes, a finding with a fix and one without', () => {
        expect(cases.invalid.some((c) => c.output !== null)).toBe(true);
        expect(cases.invalid.some((c) => c.output === null)).toBe(true);
      });
    }

    for (const [i, entry] of cases.valid.entries()) {
      const valid = typeof entry === 'string' ? { code: entry } : entry;
      unique(valid.code, valid.target);
      it(`valid: ${valid.name ?? `case ${i + 1}`}${valid.target === undefined ? '' : ` (${valid.target})`}`, () => {
        expect(findingsOf(valid.code, valid.target).map((f) => `${f.start.line}:${f.start.column} ${f.message}`)).toEqual([]);
      });
    }

    for (const [i, invalid] of cases.invalid.entries()) {
      unique(invalid.code, invalid.target);
      it(`invalid: ${invalid.name ?? `case ${i + 1}`}${invalid.target === undefined ? '' : ` (${invalid.target})`}`, () => {
        const findings = findingsOf(invalid.code, invalid.target);
        expect(findings.map((f) => ({ messageId: f.messageId, line: f.start.line, column: f.start.column, ...(invalid.errors.some((e) => e.severity !== undefined) ? { severity: f.severity } : {}) })))
          .toEqual(invalid.errors.map((e) => ({ ...e })));
        if (rule.meta.fixable === 'always') expect(findings.every((f) => f.fix !== undefined)).toBe(true);
        if (rule.meta.fixable === 'never') expect(findings.some((f) => f.fix !== undefined)).toBe(false);

        const options = { target: invalid.target ?? 'fedora', rules: [rule] };
        const fixed = fixText(invalid.code, options, 'unsafe');
        expect(fixed.problem).toBeNull();
        if (invalid.output === null) {
          expect(findings.some((f) => f.fix !== undefined)).toBe(false);
          return;
        }
        expect(fixed.output).toBe(invalid.output);
        const after = lintText(fixed.output, options);
        expect(after.parse.diagnostics.length).toBeLessThanOrEqual(lintText(invalid.code, options).parse.diagnostics.length);
        expect(after.internalErrors).toEqual([]);
        expect(after.findings.filter((f) => f.ruleId === rule.meta.id && f.fix !== undefined)).toEqual([]);
        expect(after.findings.filter((f) => f.ruleId === rule.meta.id).map((f) => f.messageId)).toEqual(invalid.remaining ?? []);
      });
    }
  });
}

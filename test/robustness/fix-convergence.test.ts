import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';

/**
 * Inputs the fuzzer found (fuzz.test.ts, shrunk by hand) where a fix landed where its own rule
 * could not see it, so the same finding came back after every pass: --fix once wrote the same
 * line ten times into the file. The fix loop then learnt to take such a fix back; each rule has
 * since learnt not to offer it.
 */
describe('a fix that could not take effect is not offered', () => {
  it.each([
    // The tag's value spans lines, and its expansion opens a conditional rpm never closes.
    { name: 'PY003 and a tag whose open %[ swallows an %ifarch', text: 'c:%[\n%ifarch\n%pyproject_]', target: 'el9', rule: 'PY003' },
    { name: 'PY003 and a tag whose open %{ swallows an %if', text: 'L:%{pyproject_\n%if v"}">v""', target: 'el7', rule: 'PY003' },
    // A `%py_byte_compile` added after the spec undefined it would call nothing.
    { name: 'PY001 when the spec has undefined %py_byte_compile', text: '%install\n}%undefine\tpy_byte_compile\n%files\n%{_datadir}.py', target: 'fedora', rule: 'PY001' },
    // A line added after a backslash would join the command above it.
    { name: 'PY001 after a backslash that ends %install', text: 'Name:f 1\n%install\n\\\n%files\n/x.py', target: 'fedora', rule: 'PY001' },
  ])('$name', ({ text, target, rule }) => {
    for (const level of ['safe', 'unsafe'] as const) {
      const fixed = fixText(text, { target }, level);
      expect(fixed.output).toBe(text);
      expect(fixed.problem).toBeNull();
      expect(fixed.lint.findings.filter((f) => f.ruleId === rule).map((f) => f.fix)).toEqual([undefined]);
    }
  });
});

describe('the fix loop and fixes that make findings like themselves', () => {
  it('keeps a fix when another fix in the same pass made a finding like it (PY015 splitting a PY004 line)', () => {
    const text = 's:\n\n%py_byte_compile/usr/bin/python2\n%install\n%py_byte_compile/usr/bin/python2 o E';
    const fixed = fixText(text, { target: 'el9' }, 'unsafe');
    expect(fixed.problem).toBeNull();
    // The split line's two calls both got PY004's interpreter fix (their relative paths, PY013's
    // finding, have no fix).
    expect(fixed.output).toContain('\n%py_byte_compile %{python3} o\n%py_byte_compile %{python3} E\n');
    expect(fixText(fixed.output, { target: 'el9' }, 'unsafe').output).toBe(fixed.output);
  });
});

import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';

/**
 * Inputs the fuzzer found (fuzz.test.ts, shrunk by hand) where a fix lands where its own rule
 * cannot see it, so the same finding comes back after every pass. Before the fix loop checked
 * for that, --fix wrote the same line ten times into the file. Now the fix is taken back and
 * named, and fixing again changes nothing.
 */
describe('a fix that leaves its finding in place is not applied again and again', () => {
  it.each([
    {
      name: 'PY003 after a tag whose open %[ swallows an %ifarch that never closes',
      text: 'c:%[\n%ifarch\n%pyproject_]', target: 'el9', rule: 'PY003',
    },
    {
      name: 'PY003 after a tag whose open %{ swallows an %if',
      text: 'L:%{pyproject_\n%if v"}">v""', target: 'el7', rule: 'PY003',
    },
    {
      name: 'PY001 when the spec has undefined %py_byte_compile',
      text: '%install\n}%undefine\tpy_byte_compile\n%files\n%{_datadir}.py', target: 'fedora', rule: 'PY001',
    },
    {
      name: 'PY001 inserted after a backslash that joins it to the line above',
      text: 'Name:f 1\n%install\n\\\n%files\n/x.py', target: 'fedora', rule: 'PY001',
    },
  ])('$name', ({ text, target, rule }) => {
    for (const level of ['safe', 'unsafe'] as const) {
      const fixed = fixText(text, { target }, level);
      expect(fixed.output).toBe(text);
      expect(fixed.problem).toBe(`fixes from ${rule} leave their problem in place; they were not applied`);
      expect(fixed.lint.findings.map((f) => f.ruleId)).toContain(rule);
    }
  });

  it('a fix is not taken back when another fix in the same pass made a finding like it (PY015 splitting a PY004 line)', () => {
    const text = 's:\n\n%py_byte_compile/usr/bin/python2\n%install\n%py_byte_compile/usr/bin/python2 o E';
    const fixed = fixText(text, { target: 'el9' }, 'unsafe');
    expect(fixed.problem).toBeNull();
    // The split line's two calls both got PY004's interpreter fix.
    expect(fixed.output).toContain('\n%py_byte_compile %{python3} %{buildroot}o\n%py_byte_compile %{python3} %{buildroot}E\n');
    expect(fixText(fixed.output, { target: 'el9' }, 'unsafe').output).toBe(fixed.output);
  });
});

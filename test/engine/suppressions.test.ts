import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';
import { fixUntilStable } from '../../src/fix/loop.js';
import { lintText, type LintOptions } from '../../src/engine/lint.js';
import { scanPragmas } from '../../src/engine/pragmas.js';
import { SUPPRESSION_DIAGNOSTICS } from '../../src/engine/suppression-diagnostics.js';
import { parseSpec } from '../../src/parse/index.js';
import { codeOf } from '../../src/rules/codes.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { RULES } from '../../src/rules/index.js';
import { spec } from '../helpers/spec.js';

/** `CODE@line` for every finding, in report order. */
function found(text: string, options: LintOptions = {}): string[] {
  return lintText(text, options).findings.map((f) => `${f.ruleId}@${f.start.line}`);
}

/** The text after SL001's fixes alone, applied as --unsafe-fixes would (other rules' fixes left out). */
function removeUnused(text: string, options: LintOptions = {}): ReturnType<typeof fixUntilStable> {
  return fixUntilStable(text, (current) => {
    const result = lintText(current, options);
    const candidates = result.findings.filter((f) => f.ruleId === 'SL001' && f.fix !== undefined)
      .map((f) => ({ fix: f.fix!, ruleId: f.ruleId, ruleOrder: 0, message: f.message }));
    return { candidates, parseProblems: result.parse.diagnostics.length };
  }, 'unsafe');
}

function messages(text: string, code: string, options: LintOptions = {}): string[] {
  return lintText(text, options).findings.filter((f) => f.ruleId === code).map((f) => f.message);
}

// Lines 3 and 4 each get a PY002 finding (a hard-coded Python 3.9 on a Fedora target).
const TWO_LINES = spec`
  Name: quokka
  %files
  /usr/lib/python3.9/site-packages/quokka/
  /usr/lib/python3.9/site-packages/wombat/
`;

function withPragma(pragma: string, before = '/usr/lib/python3.9/site-packages/quokka/'): string {
  return TWO_LINES.replace(before, `${pragma}\n${before}`);
}

describe('next-line suppressions', () => {
  it('lint the unsuppressed fixture as the tests below assume', () => {
    expect(found(TWO_LINES)).toEqual(['PY002@3', 'PY002@4']);
  });

  it('cover the next line only, not the line after it', () => {
    expect(found(withPragma('# speclint: disable=PY002'))).toEqual(['PY002@5']);
  });

  it('skip blank and comment lines to reach the next line that holds something', () => {
    const text = withPragma('# speclint: disable=PY002\n\n# the next two lines are legacy paths\n%dnl kept for EL\n');
    expect(text.split('\n')[7]).toBe('/usr/lib/python3.9/site-packages/quokka/');
    expect(found(text)).toEqual(['PY002@9']);
  });

  it('accept rule names as well as ids, in any case for ids', () => {
    expect(found(withPragma('# speclint: disable=hardcoded-python-version'))).toEqual(['PY002@5']);
    expect(found(withPragma('# speclint: disable=py002'))).toEqual(['PY002@5']);
  });

  it('take several rules, with or without spaces after the commas', () => {
    const text = spec`
      Name: quokka
      %install
      # speclint: disable=PY003, hardcoded-python-version -- vendored layout
      cp a.py %{buildroot}/usr/lib/python3.9/site-packages/
    `;
    expect(found(text.replace(/^# speclint.*\n/m, ''))).toEqual(['PY003@3', 'PY002@3']);
    expect(found(text)).toEqual([]);
  });

  it('cover a shell command continued with a backslash, to its last line', () => {
    const text = spec`
      Name: quokka
      %install
      # speclint: disable=PY002
      install -m644 hook.py \\
          %{buildroot}/usr/lib/python3.9/site-packages/
      cp b.py %{buildroot}/usr/lib/python3.9/site-packages/
    `;
    expect(found(text.replace('# speclint: disable=PY002\n', ''))).toEqual(['PY002@4', 'PY003@5', 'PY002@5']);
    expect(found(text)).toEqual(['PY003@6', 'PY002@6']);
  });

  it('cover a line that rpm reads as one, continuation lines included', () => {
    const text = spec`
      Name: quokka
      Version: 1
      # speclint: disable=PY002
      %global sitedir \\
          /usr/lib/python3.9/site-packages
      %files
      %{sitedir}/quokka/
    `;
    expect(found(text.replace('# speclint: disable=PY002\n', ''))).toEqual(['PY002@4']);
    expect(found(text)).toEqual([]);
  });

  it('suppress parse diagnostics too', () => {
    const text = 'Name: quokka\n# speclint: disable=unknown-tag\nBuildRequries: python3-devel\nSummery: typo\n';
    expect(found(text)).toEqual(['SP007@4']);
    // Left out of the codes, SP007 is not reported, and its pragma is not called unused.
    expect(found(text, { codes: new Set(['PY001', 'SL001']) })).toEqual([]);
  });

  it('work in a CRLF file', () => {
    const text = withPragma('# speclint: disable=PY002 -- legacy').replace(/\n/g, '\r\n');
    expect(found(text)).toEqual(['PY002@5']);
    const unused = withPragma('# speclint: disable=PY001', '/usr/lib/python3.9/site-packages/wombat/').replace(/\n/g, '\r\n');
    expect(removeUnused(unused).output).toBe(TWO_LINES.replace(/\n/g, '\r\n'));
  });

  it('suppress a real finding in specs-examples', () => {
    const example = readFileSync(join(import.meta.dirname, '../../specs-examples/10-private-module-not-compiled.spec'), 'utf8');
    expect(found(example)).toEqual(['PY001@22']);
    const suppressed = example.replace('# speclint-expect: private-module-not-byte-compiled', '# speclint: disable=PY001 -- the plugins are compiled on first run by the app');
    expect(found(suppressed)).toEqual([]);
  });
});

describe('file suppressions', () => {
  it('cover every line of the file, wherever the pragma stands', () => {
    expect(found(`${TWO_LINES}# speclint: disable-file=PY002\n`)).toEqual([]);
    expect(found(`# speclint: disable-file=PY002 -- legacy layout\n${TWO_LINES}`)).toEqual([]);
  });

  it('leave other rules alone', () => {
    const text = spec`
      # speclint: disable-file=PY002
      Name: quokka
      %install
      cp a.py %{buildroot}/usr/lib/python3.9/site-packages/
    `;
    expect(found(text)).toEqual(['PY003@4']);
  });
});

describe('fixes of suppressed findings', () => {
  it('are not applied by fixText', () => {
    const text = spec`
      # speclint: disable-file=PY003 -- python3-devel comes from a macro package
      Name: quokka
      %install
      cp a.py %{buildroot}%{python3_sitelib}/
    `;
    expect(fixText(text.replace(/^# speclint.*\n/, '')).output).toContain('BuildRequires:');
    const run = fixText(text);
    expect(run.output).toBe(text);
    expect(run.lint.findings).toEqual([]);
  });
});

describe('unused suppressions (SL001)', () => {
  it('are reported where nothing was suppressed, with a fix that removes the pragma line', () => {
    const text = withPragma('# speclint: disable=PY001 -- nothing here', '/usr/lib/python3.9/site-packages/wombat/');
    const result = lintText(text);
    const unused = result.findings.filter((f) => f.ruleId === 'SL001');
    expect(unused.map((f) => [f.message, f.severity, f.start.line, f.start.column])).toEqual([['unused suppression: no PY001 finding on line 5 for fedora', 'warning', 4, 1]]);
    expect(unused[0]!.fix?.applicability).toBe('unsafe');
    // --fix alone keeps it: the pragma may be for another target.
    expect(fixText(text).output).toContain('# speclint: disable=PY001 -- nothing here\n');
    const run = removeUnused(text);
    expect(run.output).toBe(TWO_LINES);
    expect(found(run.output)).toEqual(['PY002@3', 'PY002@4']);
  });

  it('point at the unused entry and remove only it when others were used', () => {
    const text = withPragma('# speclint: disable=PY001,PY002, PY003 -- two too many');
    expect(lintText(text).findings.filter((f) => f.ruleId === 'SL001').map((f) => [f.message, f.start.column])).toEqual([
      ['unused suppression: no PY001 finding on line 4 for fedora', 21],
      ['unused suppression: no PY003 finding on line 4 for fedora', 34],
    ]);
    const run = removeUnused(text);
    expect(run.problem).toBeNull();
    expect(run.output).toBe(withPragma('# speclint: disable=PY002 -- two too many'));
    expect(found(run.output)).toEqual(['PY002@5']);
  });

  it('name the rule as the pragma wrote it, and say so for a whole file', () => {
    expect(messages(`# speclint: disable-file=private-module-not-byte-compiled\n${TWO_LINES}`, 'SL001'))
      .toEqual(['unused suppression: no private-module-not-byte-compiled finding in this file for fedora']);
  });

  it('are reported for a pragma with no line after it', () => {
    expect(messages(`${TWO_LINES}# speclint: disable=PY002\n`, 'SL001')).toEqual(['unused suppression: no line follows it']);
  });

  it('include a second pragma for a finding that the first already suppresses', () => {
    const text = withPragma('# speclint: disable=PY002\n# speclint: disable=PY002');
    expect(found(text)).toEqual(['SL001@4', 'PY002@6']);
  });

  it('include a disable-file made redundant by a next-line pragma', () => {
    const text = `# speclint: disable-file=PY002\n${withPragma('# speclint: disable=PY002')}`.replace('/usr/lib/python3.9/site-packages/wombat/\n', '');
    expect(found(text)).toEqual(['SL001@1']);
  });

  it('are not reported for rules that did not run', () => {
    const text = withPragma('# speclint: disable=PY001', '/usr/lib/python3.9/site-packages/wombat/');
    const onlyPy002 = { rules: RULES.filter((r) => r.meta.id === 'PY002') };
    expect(found(text, onlyPy002)).toEqual(['PY002@3', 'PY002@5']);
    expect(found(text, { codes: new Set(['PY002', 'SL001', 'SL002']) })).toEqual(['PY002@3', 'PY002@5']);
  });

  it('are not reported for a rule that crashed, which proves nothing', () => {
    // It takes the id of the rule the pragma names, so that only the crash can keep SL001 away.
    const crashing = defineRule({
      id: 'PY002', name: 'always-crashes', severity: 'error', fixable: 'never', tags: [], messages: {},
      docs: { summary: 's', explanation: 'e', bad: '', good: '', link: 'https://example.org' },
      *check() { throw new Error('boom'); },
    });
    const result = lintText(withPragma('# speclint: disable=PY002'), { rules: [crashing] });
    expect(result.internalErrors).toHaveLength(1);
    expect(result.findings).toEqual([]);
  });

  it('keep the entries of a rule that did not run when removing the unused ones', () => {
    const text = withPragma('# speclint: disable=PY001,PY003');
    const run = removeUnused(text, { codes: new Set(['PY001', 'PY002', 'SL001']) });
    expect(run.output).toBe(withPragma('# speclint: disable=PY003'));
  });

  it('are left out, fixes included, when SL001 is not among the codes to report', () => {
    const text = withPragma('# speclint: disable=PY001');
    const codes = new Set(['PY001', 'PY002']);
    expect(found(text, { codes })).toEqual(['PY002@4', 'PY002@5']);
    expect(fixText(text, { codes }).output).toBe(text);
  });
});

describe('invalid suppressions (SL002)', () => {
  it('refuse any %, since rpm expands macros in comments, and suppress nothing', () => {
    const text = withPragma('# speclint: disable=PY002 -- see %{_datadir}');
    const result = lintText(text);
    expect(result.findings.map((f) => `${f.ruleId}@${f.start.line}:${f.start.column}`)).toEqual(['SL002@3:34', 'PY002@4:1', 'PY002@5:1']);
    expect(result.findings[0]!.message).toBe('a suppression must not contain "%": rpm expands macros even in comments, so this one is ignored');
    expect(result.findings[0]!.fix).toBeUndefined();
  });

  it('report an unknown rule, and still apply the known ones', () => {
    const text = withPragma('# speclint: disable=PY002,PY0002');
    const result = lintText(text);
    expect(result.findings.map((f) => `${f.ruleId}@${f.start.line}:${f.start.column}`)).toEqual(['SL002@3:27', 'PY002@5:1']);
    expect(result.findings[0]!.message).toBe('unknown rule "PY0002" in suppression (speclint rules lists them)');
  });

  it.each([
    ['# speclint: disable PY002', 'malformed suppression: "=" and a list of rules must follow disable'],
    ['# speclint: enable=PY002', 'unknown suppression "enable": expected "# speclint: disable=ID[,ID…]" or "# speclint: disable-file=ID[,ID…]", optionally followed by " -- reason"'],
    ['# speclint:', 'malformed suppression: expected "# speclint: disable=ID[,ID…]" or "# speclint: disable-file=ID[,ID…]", optionally followed by " -- reason"'],
    ['# speclint: disable=', 'malformed suppression: it lists no rule'],
    ['# speclint: disable= -- because', 'malformed suppression: it lists no rule'],
    ['# speclint: disable=PY002,,PY003', 'malformed suppression: an entry of its list is empty'],
    ['# speclint: disable=PY002 PY003', 'malformed suppression: "PY002 PY003" is not one rule; separate rules with commas'],
    ['# speclint: disable=SL001', 'SL001 cannot be suppressed by a pragma; use --ignore or the config file'],
  ])('report %j and suppress nothing', (pragma, message) => {
    const result = lintText(withPragma(pragma));
    expect(result.findings.map((f) => `${f.ruleId}@${f.start.line}`)).toEqual(['SL002@3', 'PY002@4', 'PY002@5']);
    expect(result.findings[0]!.message).toBe(message);
  });

  it('leave comments that only mention speclint alone', () => {
    expect(found(withPragma('# speclint-expect: hardcoded-python-version\n# see speclint: disable=PY002'))).toEqual(['PY002@5', 'PY002@6']);
  });
});

describe('scanPragmas', () => {
  it('keeps the reason, the scope and the covered line', () => {
    const text = 'Name: q\n  # speclint: disable=PY001,bogus --  plugins are compiled upstream \n\nBuildArch: noarch\n#speclint:disable-file=PY002\n';
    const { pragmas, problems } = scanPragmas(parseSpec(text).file);
    expect(pragmas.map((p) => ({ scope: p.scope, reason: p.reason, codes: p.entries.map((e) => e.code), target: p.target && text.slice(p.target.start, p.target.end) }))).toEqual([
      { scope: 'next-line', reason: 'plugins are compiled upstream', codes: ['PY001', undefined], target: 'BuildArch: noarch\n' },
      { scope: 'file', reason: undefined, codes: ['PY002'], target: null },
    ]);
    expect(text.slice(pragmas[0]!.span.start, pragmas[0]!.span.end)).toBe('# speclint: disable=PY001,bogus --  plugins are compiled upstream');
    expect(problems.map((p) => text.slice(p.span.start, p.span.end))).toEqual(['bogus']);
  });
});

describe('severity overrides', () => {
  it('change the severity of every finding of a code, pragma findings included', () => {
    const severity = new Map([['PY002', 'info'], ['SL001', 'error']] as const);
    const result = lintText(withPragma('# speclint: disable=PY001', '/usr/lib/python3.9/site-packages/wombat/'), { severity });
    expect(result.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['PY002:info', 'SL001:error', 'PY002:info']);
  });
});

describe('SL001 and SL002 metadata', () => {
  it('is found by id and name like the rules', () => {
    expect(codeOf('unused-suppression')).toBe('SL001');
    expect(codeOf('sl002')).toBe('SL002');
  });

  it.each(Object.entries(SUPPRESSION_DIAGNOSTICS))('%s: the bad example gets the finding and the good one does not', (code, meta) => {
    expect(found(meta.bad).filter((c) => c.startsWith(code))).toHaveLength(1);
    expect(found(meta.good)).toEqual([]);
  });
});

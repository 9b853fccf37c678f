import { describe, expect, it } from 'vitest';
import { edit, type Edit, type Fix, makeFix } from '../../src/fix/edit.js';
import type { FileProblems, Problem } from '../../src/report/problem.js';
import { formatSnippets } from '../../src/report/snippets.js';
import { spec } from '../helpers/spec.js';
import { EXAMPLE_NAMES, exampleText } from '../helpers/examples.js';
import { lintExample, lintProblems, toCrlf } from './lint-examples.js';

interface Snippet {
  readonly header: string;
  readonly fixLine: string;
  /** Each change: its instruction line and the fenced lines under it. */
  readonly changes: readonly { readonly instruction: string; readonly lines: readonly string[] }[];
}

/** Splits the report into one snippet per fix, reading fences by their opening marker. */
function parseSnippets(output: string): Snippet[] {
  const lines = output.replace(/\n$/, '').split('\n');
  const snippets: { header: string; fixLine: string; changes: { instruction: string; lines: string[] }[] }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S.*:\d+:\d+ {2}\S+ \S+$/.test(line)) {
      snippets.push({ header: line, fixLine: lines[++i]!, changes: [] });
    } else if (/^(insert|replace|delete) /.test(line)) {
      const marker = lines[++i]!;
      expect(marker).toMatch(/^`{3,}$/);
      const body: string[] = [];
      while (lines[++i] !== marker) body.push(lines[i]!);
      snippets[snippets.length - 1]!.changes.push({ instruction: line, lines: body });
    }
  }
  return snippets;
}

/**
 * Does what a packager would: works through the changes in the order given, pasting each fenced
 * block where its instruction says, as whole lines in the file's own line ending.
 */
function pasteSnippet(source: string, snippet: Snippet): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  let finalNewline = source.endsWith('\n');
  const lines = source === '' ? [] : source.replace(/\r?\n$/, '').split(/\r?\n/);
  for (const { instruction, lines: pasted } of snippet.changes) {
    const [, verb, first, last] = /^(insert after line|insert before line|replace lines?|delete lines?) (\d+)(?:-(\d+))?,/.exec(instruction)!;
    const from = Number(first);
    const to = last === undefined ? from : Number(last);
    if (verb === 'insert after line') lines.splice(from, 0, ...pasted);
    else if (verb === 'insert before line') lines.splice(from - 1, 0, ...pasted);
    else if (verb!.startsWith('replace')) lines.splice(from - 1, to - from + 1, ...pasted);
    else {
      expect(pasted).toEqual(lines.slice(from - 1, to));
      lines.splice(from - 1, to - from + 1);
    }
    if (instruction.includes('(the file then ends with a newline)')) finalNewline = true;
    if (instruction.includes('(with no newline at the end of the file)')) finalNewline = false;
  }
  return lines.join(eol) + (finalNewline && lines.length > 0 ? eol : '');
}

/** A fix's edits in order over the original text (an insertion before a replacement at the same offset). */
function applyFix(source: string, fix: Fix): string {
  let out = '';
  let at = 0;
  for (const e of fix.edits) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

function withFix(source: string, fix: Fix, at = fix.edits[0]!.start): FileProblems {
  const problem: Problem = {
    code: 'PY001', name: 'private-module-not-byte-compiled', severity: 'error', message: 'a message',
    span: { start: at, end: at }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, fix,
  };
  return { filename: 'a.spec', source, problems: [problem] };
}

/** Pasting each snippet of a report gives what applying its fix gives, for every fix in `files`. */
function expectPastingToMatchFixes(files: readonly FileProblems[]): number {
  const snippets = parseSnippets(formatSnippets(files));
  const fixed = files.flatMap((file) => file.problems.filter((p) => p.fix !== undefined).map((p) => ({ file, fix: p.fix! })));
  expect(snippets.length).toBe(fixed.length);
  fixed.forEach(({ file, fix }, i) => {
    expect(snippets[i]!.fixLine).toBe(`fix (${fix.applicability}): ${fix.title}`);
    expect(pasteSnippet(file.source, snippets[i]!)).toBe(applyFix(file.source, fix));
  });
  return fixed.length;
}

describe('formatSnippets: pasting where it says gives the fixed file', () => {
  const examples = EXAMPLE_NAMES.map((name) => lintExample(name));

  it('for every fix of every example', () => {
    expect(expectPastingToMatchFixes(examples)).toBeGreaterThanOrEqual(10);
  });

  it('for the same fixes in CRLF files', () => {
    const crlf = examples.map((e) => lintExample(e.filename.replace('specs-examples/', ''), toCrlf(e.source)));
    expect(expectPastingToMatchFixes(crlf)).toBeGreaterThanOrEqual(10);
  });

  it('for edits inside a line, across lines, at both ends of a file and without a final newline', () => {
    const source = 'Name: x\nVersion: 1\nRelease: 1\nLicense: MIT';
    const fixes: Edit[][] = [
      [edit.replace({ start: 6, end: 7 }, 'y')],
      [edit.replace({ start: 6, end: 14 }, 'y\nEpoch: 1\nVer')],
      [edit.delete({ start: 8, end: 19 })],
      [edit.replace({ start: 7, end: 8 }, ' ')],
      [edit.insert(0, '# top\n')],
      [edit.insert(source.length, '\nURL: x')],
      [edit.insert(source.length, '\n')],
      [edit.delete({ start: source.indexOf('License'), end: source.length })],
      [edit.insert(8, '%global a 1\n'), edit.replace({ start: 8, end: 15 }, 'Version:'), edit.insert(source.indexOf('Release'), '# here\n')],
      [edit.replace({ start: 0, end: 4 }, 'N'), edit.replace({ start: 5, end: 7 }, '`x`')],
    ];
    for (const edits of fixes) expectPastingToMatchFixes([withFix(source, makeFix('Change it', 'safe', edits))]);
    expectPastingToMatchFixes([withFix(`${source}\n`, makeFix('Delete the last line', 'safe', [edit.delete({ start: source.indexOf('License'), end: source.length + 1 })]))]);
    expectPastingToMatchFixes([withFix('', makeFix('Start a file', 'safe', [edit.insert(0, 'Name: x\n')]))]);
  });
});

describe('formatSnippets: the report', () => {
  it('heads each fix with the finding, its rule, the fix title and its applicability', () => {
    const output = formatSnippets([lintExample('10-private-module-not-compiled.spec')]);
    expect(output).toBe([
      'Line numbers are those of the files as they are now: after pasting one fix, lines below it move.',
      '',
      'specs-examples/10-private-module-not-compiled.spec:22:28  PY001 private-module-not-byte-compiled',
      'fix (safe): Add %py_byte_compile for /usr/share/wombat-cli/plugins to %install',
      '',
      'insert after line 22, in %install:',
      '```',
      '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/plugins',
      '```',
      '',
    ].join('\n'));
  });

  it('says which section a change is in, by its header as written', () => {
    const output = formatSnippets([lintExample('90-realistic-messy.spec')]);
    expect(output).toContain('insert after line 20, in the preamble:\n');
    expect(output).toContain('replace line 75, in %files -n python3-%{srcname}, with:\n```\n%{python3_sitelib}/platypus_hook.py\n```');
    expect(output).toContain('fix (unsafe): Define it as %{python3_version}\n\nreplace line 3, in the preamble, with:');
  });

  it('lists a fix of several changes from the bottom up, and says so', () => {
    const output = formatSnippets([lintExample('62-py-byte-compile-in-check.spec')]);
    expect(output).toContain([
      'fix (unsafe): Move it to the end of %install',
      '(make these changes in order, from the bottom of the file up)',
      '',
      'delete line 26, in %check, which reads:',
      '```',
      '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}',
      '```',
      '',
      'insert after line 21, in %install:',
    ].join('\n'));
  });

  it('says when a change goes inside an %if branch, and where that branch starts', () => {
    const source = spec`
      Name: x
      %install
      %if %{with docs}
      make docs
      %else
      true
      %endif
      %files
    `;
    const inThen = formatSnippets([withFix(source, makeFix('Add', 'safe', [edit.insert(source.indexOf('%else'), 'echo a\n')]))]);
    expect(inThen).toContain('insert after line 4, in %install, inside %if %{with docs} (line 3):');
    const inElse = formatSnippets([withFix(source, makeFix('Add', 'safe', [edit.replace({ start: source.indexOf('true'), end: source.indexOf('true') + 4 }, 'false')]))]);
    expect(inElse).toContain('replace line 6, in %install, inside %else (line 5), with:');
    const after = formatSnippets([withFix(source, makeFix('Add', 'safe', [edit.insert(source.indexOf('%files'), 'echo b\n')]))]);
    expect(after).toContain('insert after line 7, in %install:');
    const before = formatSnippets([withFix(source, makeFix('Add', 'safe', [edit.insert(source.indexOf('%if'), 'echo c\n')]))]);
    expect(before).toContain('insert after line 2, in %install:');
  });

  it('keeps pasted text byte for byte, %, tabs, non-ASCII and backticks included, in a fence longer than any backtick run', () => {
    const source = 'Name: x\n%install\n';
    const text = '\tsed -i "s|%{__python3}|é 𝄞|" ```x``` %%\n';
    const output = formatSnippets([withFix(source, makeFix('Add', 'display-only', [edit.insert(source.length, text)]))]);
    expect(output).toContain(`fix (display-only): Add\n\ninsert after line 2, in %install:\n\`\`\`\`\n${text}\`\`\`\`\n`);
  });

  it('says in one line that nothing can be fixed', () => {
    expect(formatSnippets([lintExample('70-automatic-bytecompile-disabled.spec'), lintExample('01-python-quokka-clean.spec')]))
      .toBe('The one finding has no fix.\n');
    const noFixes = lintExample('02-parse-problems.spec');
    expect(formatSnippets([noFixes])).toBe(`None of the ${noFixes.problems.length} findings has a fix.\n`);
    expect(formatSnippets([lintProblems('a.spec', exampleText('01-python-quokka-clean.spec'))])).toBe('No problems found, so nothing to fix.\n');
  });
});

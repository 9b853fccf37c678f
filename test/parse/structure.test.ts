import { describe, expect, it } from 'vitest';
import type { ConditionalBlock, ConditionalLine, Expr } from '../../src/parse/cst.js';
import { parseSpec } from '../../src/parse/index.js';
import { linesOf } from '../../src/parse/print.js';
import { spec } from '../helpers/spec.js';

function codes(text: string): string[] {
  return parseSpec(text).diagnostics.map((d) => `${d.code}@${d.start.line}:${d.start.column}`);
}

/** Prefix notation of a condition, operands as written. */
function prefix(text: string, expr: Expr): string {
  const src = (e: Expr): string => text.slice(e.span.start, e.span.end);
  switch (expr.kind) {
    case 'binary': return `(${expr.op} ${prefix(text, expr.left)} ${prefix(text, expr.right)})`;
    case 'unary': return `(${expr.op} ${prefix(text, expr.operand)})`;
    case 'ternary': return `(? ${prefix(text, expr.test)} ${prefix(text, expr.then)} ${prefix(text, expr.else)})`;
    case 'group': return prefix(text, expr.expr);
    case 'call': return `(call ${src(expr)})`;
    case 'string': return expr.version ? `v${text.slice(expr.value.span.start, expr.value.span.end)}` : src(expr);
    case 'operand': return src(expr);
  }
}

function condition(line: string): string {
  const text = `${line}\n%endif\n`;
  const first = [...linesOf(parseSpec(text).file)][0] as ConditionalLine;
  expect(first.kind).toBe('conditional');
  return first.expr === null ? 'null' : prefix(text, first.expr);
}

describe('sections', () => {
  it('folds lines into the preamble and sections', () => {
    const text = spec`
      Name: quokka
      %description
      Text.
      %package -n python3-quokka
      Summary: s
      %files
      /usr/bin/quokka
    `;
    const { file } = parseSpec(text);
    expect(file.sections.map((s) => [s.name, s.lines.length])).toEqual([
      ['preamble', 1], ['description', 1], ['package', 1], ['files', 1],
    ]);
    expect(file.sections.map((s) => s.span.start)).toEqual(['', '%description', '%package', '%files'].map((h) => (h === '' ? 0 : text.indexOf(h))));
    expect(file.sections[3]!.span.end).toBe(text.length);
  });
});

describe('conditional blocks', () => {
  it('builds a tree of %if/%elif/%else/%endif with branch spans', () => {
    const text = spec`
      %if 0%{?fedora}
      Requires: a
      %elif 0%{?rhel} >= 9
      %ifarch x86_64
      Requires: b
      %endif
      %else
      Requires: c
      %endif
    `;
    const { file, diagnostics } = parseSpec(text);
    expect(diagnostics).toEqual([]);
    const [block] = file.conditionals as ConditionalBlock[];
    expect(block!.branches.map((b) => b.directive.directive)).toEqual(['if', 'elif', 'else']);
    expect(block!.branches[1]!.children.map((c) => c.branches[0]!.directive.directive)).toEqual(['ifarch']);
    expect(block!.span).toEqual({ start: 0, end: text.length });
    expect(block!.branches[0]!.span).toEqual({ start: 0, end: text.indexOf('%elif') });
    expect(block!.end?.directive).toBe('endif');
  });

  it('lets a conditional span sections, as rpm allows', () => {
    const text = spec`
      %if %{with python2}
      %package -n python2-quokka
      Summary: s
      %files -n python2-quokka
      /usr/lib/python2.7/site-packages/quokka
      %endif
    `;
    const { file, diagnostics } = parseSpec(text);
    expect(diagnostics).toEqual([]);
    expect(file.conditionals).toHaveLength(1);
    expect(file.sections.map((s) => s.name)).toEqual(['preamble', 'package', 'files']);
  });

  it('reports a stray %endif and %else and goes on', () => {
    const text = 'Name: a\n%endif\n%else\nVersion: 1\n';
    expect(codes(text)).toEqual(['SP002@2:1', 'SP002@3:1']);
    expect([...linesOf(parseSpec(text).file)].map((l) => l.kind)).toEqual(['tag', 'conditional', 'conditional', 'tag']);
  });

  it('reports a missing %endif at its %if, closes it at the end and keeps parsing', () => {
    const text = 'Name: a\n%if 1\nVersion: 1\n%build\nmake\n';
    const { file, diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => [d.code, d.start.line, d.related.length])).toEqual([['SP003', 2, 1]]);
    expect(file.conditionals[0]!.end).toBeNull();
    expect(file.sections.map((s) => s.name)).toEqual(['preamble', 'build']);
  });

  it('reports %else after %else', () => {
    expect(codes('%if 1\n%else\n%else\n%endif\n')).toEqual(['SP004@3:1']);
  });

  it('accepts rpm spellings: %endif followed by a comment or by %, openSUSE %ifpython2', () => {
    expect(codes('%if 1\n%endif # done\n%if 1\n%endif%\n%ifpython2\nRequires: x\n%endif\n')).toEqual([]);
  });
});

describe('conditions', () => {
  it.each([
    ['%if 0%{?fedora} >= 30 || 0%{?rhel} > 8', '(|| (>= 0%{?fedora} 30) (> 0%{?rhel} 8))'],
    ['%if %{with docs} && !%{with bootstrap}', '(&& %{with docs} (! %{with bootstrap}))'],
    ['%if (1 + 2) * 3 == 9', '(== (* (+ 1 2) 3) 9)'],
    ['%if "%{name}" != "quokka"', '(!= "%{name}" "quokka")'],
    ['%if v"%{version}" >= v"1.2"', '(>= v%{version} v1.2)'],
    ['%if %{defined fedora} ? 1 : 0', '(? %{defined fedora} 1 0)'],
    ['%if %with python3', '(call %with python3)'],
    ['%if -1 < 0', '(< (- 1) 0)'],
    ['%if 0%{?rhel} == 6 # RHEL 6', '(== 0%{?rhel} 6)'],
  ])('%s', (line, expected) => {
    expect(condition(line)).toBe(expected);
  });

  it('keeps %elif conditions as trees too', () => {
    const text = '%if 0\n%elif 0%{?rhel} && 1\n%endif\n';
    const elif = [...linesOf(parseSpec(text).file)][1] as ConditionalLine;
    expect(prefix(text, elif.expr!)).toBe('(&& 0%{?rhel} 1)');
  });

  it('keeps arch lists as text', () => {
    const text = '%ifarch x86_64 %{ix86}\n%endif\n';
    const line = [...linesOf(parseSpec(text).file)][0] as ConditionalLine;
    expect([line.directive, line.expr, text.slice(line.text!.span.start, line.text!.span.end)]).toEqual(['ifarch', null, 'x86_64 %{ix86}']);
  });

  it('reports a condition rpm cannot read, and one that is missing', () => {
    expect(codes('%if 1 ==\n%endif\n%if\n%endif\n')).toEqual(['SP005@1:5', 'SP005@3:1']);
  });

  it('does not report a condition that only expansion can tell', () => {
    expect(codes('%if %{?rhel} %{?!rhel:7} > 6\n%endif\n')).toEqual([]);
  });
});

describe('line diagnostics', () => {
  it('reports an unclosed %{ once, at the %, and parses the following lines', () => {
    const text = 'Name: %{name\nVersion: 1\n';
    const { file, diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([['SP001', { line: 1, column: 7 }, { line: 1, column: 9 }]]);
    expect(file.sections[0]!.lines.map((l) => l.kind)).toEqual(['tag', 'tag']);
  });

  it('reports a misspelt section and suggests the right one', () => {
    const { diagnostics } = parseSpec('Name: a\n%instal\nmake install\n');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['SP006', 'unknown section %instal; did you mean %install?']]);
  });

  it('does not take the packager\'s own macros for misspelt sections', () => {
    expect(codes('%global _description text\n%description\n%_description\n%build\n%cmake_build\n')).toEqual([]);
  });

  it('reports unknown tags, text in the preamble and empty macro bodies', () => {
    expect(codes('Nmae: quokka\nthis is not a tag\n%global empty\n')).toEqual(['SP007@1:1', 'SP008@2:1', 'SP009@3:9']);
  });

  it('does not check lines in an %if 0 branch, which rpm never reads', () => {
    expect(codes('%if 0\nanything goes here\n%else\nName: a\n%endif\n')).toEqual([]);
    expect(codes('%if 1\nName: a\n%else\nanything goes here\n%endif\n')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { MacroRef, MacroText, TextPart } from '../../src/parse/cst.js';
import { MAX_MACRO_NESTING, parseMacroText, parseSpec } from '../../src/parse/index.js';

/** A compact picture of macro text: literals as strings, references as [kind, …]. */
function shape(text: string, node: MacroText | null): unknown {
  if (node === null) return null;
  return node.parts.map((part) => shapePart(text, part));
}

function shapePart(text: string, part: TextPart): unknown {
  const src = text.slice(part.span.start, part.span.end);
  switch (part.kind) {
    case 'literal': return src;
    case 'escape': return ['%%'];
    case 'lua': return ['lua', part.code.text];
    case 'opaque': return ['opaque', src];
    case 'shell': return ['shell', shape(text, part.body)];
    case 'expr': return ['expr', shape(text, part.body)];
    case 'macro': return macroShape(text, part);
  }
}

function macroShape(text: string, ref: MacroRef): unknown {
  const out: unknown[] = [ref.braced ? '{}' : '%', ref.flags + (ref.name?.text ?? '')];
  if (ref.body !== null) out.push(':', shape(text, ref.body));
  if (ref.args !== null) out.push('args', shape(text, ref.args));
  return out;
}

const parsed = (text: string): unknown => shape(text, parseMacroText(text));

describe('macro references', () => {
  it.each([
    ['%name', [['%', 'name']]],
    ['%{name}', [['{}', 'name']]],
    ['%?name', [['%', '?name']]],
    ['%{?name}', [['{}', '?name']]],
    ['%{!?name:alt}', [['{}', '!?name', ':', ['alt']]]],
    ['%{?name:alt}', [['{}', '?name', ':', ['alt']]]],
    ['%{?!name:alt}', [['{}', '?!name', ':', ['alt']]]],
    ['%{name arg1 arg2}', [['{}', 'name', 'args', ['arg1 arg2']]]],
    ['%{expand:%%{x}}', [['{}', 'expand', ':', [['%%'], '{x}']]]],
    ['%(echo %{version})', [['shell', ['echo ', ['{}', 'version']]]]],
    ['%[%{x} + 1]', [['expr', [['{}', 'x'], ' + 1']]]],
    ['100%%', ['100', ['%%']]],
    ['%1 %* %** %# %-f %-f*', [['%', '1'], ' ', ['%', '*'], ' ', ['%', '**'], ' ', ['%', '#'], ' ', ['%', '-f'], ' ', ['%', '-f*']]],
    ['%{-f:x} %{-f*} %{1}', [['{}', '-f', ':', ['x']], ' ', ['{}', '-f*'], ' ', ['{}', '1']]],
    ['%{load:%{_sourcedir}/m.macros}', [['{}', 'load', ':', [['{}', '_sourcedir'], '/m.macros']]]],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('nests to any depth with exact spans', () => {
    const text = '%{?a:%{!?b:%{c %{d}}}}';
    expect(parsed(text)).toEqual([['{}', '?a', ':', [['{}', '!?b', ':', [['{}', 'c', 'args', [['{}', 'd']]]]]]]]);
    const outer = parseMacroText(text).parts[0] as MacroRef;
    const middle = outer.body!.parts[0] as MacroRef;
    expect(middle.span).toEqual({ start: 5, end: 21 });
    expect(middle.name!.span).toEqual({ start: 9, end: 10 });
  });

  it('counts bare braces inside a reference, as rpm does', () => {
    expect(parsed('%{expand:a{b}c}d')).toEqual([['{}', 'expand', ':', ['a{b}c']], 'd']);
  });

  it('leaves an unclosed %{ as literal text and goes on', () => {
    expect(parsed('%{name %{version}')).toEqual(['%{name ', ['{}', 'version']]);
  });

  it('leaves a lone % and %<space> as literal text', () => {
    expect(parsed('50 % of %')).toEqual(['50 % of %']);
  });

  it('does not let a %( inside braces close outside them', () => {
    expect(parsed('%{a:%(b}c)')).toEqual([['{}', 'a', ':', ['%(b']], 'c)']);
  });

  it('keeps references nested past the limit as opaque text, with a diagnostic', () => {
    const depth = MAX_MACRO_NESTING + 5;
    const text = `Name: ${'%{?a:'.repeat(depth)}x${'}'.repeat(depth)}\n`;
    const { diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['SP010']);
  });
});

import { MacroExpander } from '../../macros/expand.js';
import { matchClose } from '../../macros/match-close.js';
import type { ExpandedLine, SpecExpansion } from '../../macros/spec-expander.js';
import type { Span } from '../../parse/cst.js';

export interface WrittenArgument {
  readonly text: string;
  readonly span: Span;
  /** The argument expanded for the target. */
  readonly value: string;
}

export interface WrittenByteCompile {
  readonly line: ExpandedLine;
  /** `%py_byte_compile` itself. */
  readonly macro: Span;
  /** The arguments as written, each expanded alone. */
  readonly args: readonly WrittenArgument[];
}

/**
 * Each `%py_byte_compile` line of the spec (where the line starts with the call), with its
 * arguments as the author wrote them: rules point at them and fixes keep their spelling.
 */
export function byteCompileCalls(expansion: SpecExpansion, source: string): readonly WrittenByteCompile[] {
  // Four rules ask for the same spec's calls: read them once.
  let calls = cache.get(expansion);
  if (calls === undefined) cache.set(expansion, calls = readCalls(expansion, source));
  return calls;
}

const cache = new WeakMap<SpecExpansion, readonly WrittenByteCompile[]>();

function readCalls(expansion: SpecExpansion, source: string): WrittenByteCompile[] {
  const expander = new MacroExpander(expansion.scope);
  const calls: WrittenByteCompile[] = [];
  for (const line of expansion.lines) {
    if (line.line.kind !== 'text') continue;
    const first = line.line.text.parts[0];
    if (first?.kind !== 'macro' || first.name?.text !== 'py_byte_compile' || first.braced || first.flags !== '') continue;
    const lineEnd = line.line.span.end - line.line.eol.length;
    const rest = source.slice(first.span.end, lineEnd);
    const args: WrittenArgument[] = [];
    for (const word of writtenWords(rest)) {
      const start = first.span.end + word.start;
      args.push({ text: word.text, span: { start, end: start + word.text.length }, value: expander.expand(word.text) });
    }
    calls.push({ line, macro: first.span, args });
  }
  return calls;
}

const BRACKETS: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']' };

/**
 * The blank-separated words of a call as written, where a macro in brackets (`%{…}`, `%(…)`,
 * `%[…]`) or a quoted string is one piece even when it holds blanks, as rpm reads it.
 */
function writtenWords(text: string): { text: string; start: number }[] {
  const words: { text: string; start: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i]!)) {
      const close = text[i] === '%' ? BRACKETS[text[i + 1] ?? ''] : undefined;
      if (close !== undefined) {
        const end = matchClose(text, i + 1, text[i + 1]!, close);
        i = end < 0 ? text.length : end + 1;
      } else if (text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        i = end < 0 ? text.length : end + 1;
      } else {
        i++;
      }
    }
    words.push({ text: text.slice(start, i), start });
  }
  return words;
}

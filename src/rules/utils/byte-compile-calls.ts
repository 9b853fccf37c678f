import { MacroExpander } from '../../macros/expand.js';
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
    for (const match of rest.matchAll(/(?:%\{[^}]*\}|"[^"]*"|[^\s"%]+|%)+/g)) {
      const start = first.span.end + match.index;
      args.push({ text: match[0], span: { start, end: start + match[0].length }, value: expander.expand(match[0]) });
    }
    calls.push({ line, macro: first.span, args });
  }
  return calls;
}

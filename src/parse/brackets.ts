/**
 * Finds, in one linear pass, where each `%{`, `%(` and `%[` closes.
 *
 * rpm decides the extent of a macro body by counting brackets of the same kind and skipping any
 * character after a backslash (macro.c `matchchar`); its spec reader joins physical lines while
 * such a bracket is open. Computing every match up front lets the grammar commit to a macro
 * reference only when it closes, so an unclosed `%{` costs a lookup instead of a scan to the end
 * of the file, and parsing stays linear on any input. The expander's matchClose (macros/match-close.ts)
 * counts the same way for its own texts: a change to the rule belongs in both.
 */

export type OpenerKind = '{' | '(' | '[';

export interface UnclosedOpener {
  /** Offset of the `%`. */
  readonly offset: number;
  readonly kind: OpenerKind;
}

export interface BracketIndex {
  /** Offset of the closing bracket for the macro opener whose bracket is at `open`, or -1. */
  closeOf(open: number): number;
  readonly unclosed: readonly UnclosedOpener[];
}

const KINDS: readonly OpenerKind[] = ['{', '(', '['];

export function indexBrackets(text: string): BracketIndex {
  const matches = new Map<number, number>();
  // One stack per bracket kind. A macro opener is stored as ~offset (negative) so bare brackets,
  // which only keep the count right, need no second array.
  const braces: number[] = [];
  const parens: number[] = [];
  const squares: number[] = [];
  const close = (stack: number[], at: number): void => {
    const top = stack.pop();
    if (top !== undefined && top < 0) matches.set(~top, at);
  };
  // Most characters are none of these: a sticky regex skips each run of them natively (test()
  // rather than exec(), which would allocate a match per bracket).
  const plain = /[^\\%{}()[\]]*/y;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    plain.lastIndex = i;
    plain.test(text);
    i = plain.lastIndex;
    if (i >= length) break;
    switch (text.charCodeAt(i)) {
      case 0x5c: // backslash: rpm skips the next character
        i++;
        break;
      case 0x25: // %
        switch (text.charCodeAt(i + 1)) {
          case 0x25: i++; break;
          case 0x7b: braces.push(~(i + 1)); i++; break;
          case 0x28: parens.push(~(i + 1)); i++; break;
          case 0x5b: squares.push(~(i + 1)); i++; break;
        }
        break;
      case 0x7b: braces.push(i); break;
      case 0x28: parens.push(i); break;
      case 0x5b: squares.push(i); break;
      case 0x7d: close(braces, i); break;
      case 0x29: close(parens, i); break;
      case 0x5d: close(squares, i); break;
    }
  }
  const unclosed: UnclosedOpener[] = [];
  [braces, parens, squares].forEach((stack, slot) => {
    for (const entry of stack) {
      if (entry < 0) unclosed.push({ offset: ~entry - 1, kind: KINDS[slot]! });
    }
  });
  unclosed.sort((a, b) => a.offset - b.offset);
  return {
    closeOf: (open) => matches.get(open) ?? -1,
    unclosed,
  };
}

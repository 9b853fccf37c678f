/**
 * Finds, in one linear pass, where each `%{`, `%(` and `%[` closes.
 *
 * rpm decides the extent of a macro body by counting brackets of the same kind and skipping any
 * character after a backslash (macro.c `matchchar`); its spec reader joins physical lines while
 * such a bracket is open. Computing every match up front lets the grammar commit to a macro
 * reference only when it closes, so an unclosed `%{` costs a lookup instead of a scan to the end
 * of the file, and parsing stays linear on any input.
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

const BACKSLASH = 0x5c;
const PERCENT = 0x25;
const PAIRS: Readonly<Record<number, { close: number; slot: 0 | 1 | 2 }>> = {
  0x7b: { close: 0x7d, slot: 0 }, // { }
  0x28: { close: 0x29, slot: 1 }, // ( )
  0x5b: { close: 0x5d, slot: 2 }, // [ ]
};
const CLOSERS: Readonly<Record<number, 0 | 1 | 2>> = { 0x7d: 0, 0x29: 1, 0x5d: 2 };
const KINDS: readonly OpenerKind[] = ['{', '(', '['];

export function indexBrackets(text: string): BracketIndex {
  const matches = new Map<number, number>();
  // One stack per bracket kind; a macro opener is stored as -(offset + 1) so bare brackets,
  // which only keep the count right, need no second array.
  const stacks: [number[], number[], number[]] = [[], [], []];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (c === PERCENT) {
      const next = text.charCodeAt(i + 1);
      if (next === PERCENT) {
        i++;
        continue;
      }
      const pair = PAIRS[next];
      if (pair !== undefined) {
        stacks[pair.slot].push(-(i + 1 + 1));
        i++;
      }
      continue;
    }
    const open = PAIRS[c];
    if (open !== undefined) {
      stacks[open.slot].push(i);
      continue;
    }
    const slot = CLOSERS[c];
    if (slot !== undefined) {
      const top = stacks[slot].pop();
      if (top !== undefined && top < 0) matches.set(-top - 1, i);
    }
  }
  const unclosed: UnclosedOpener[] = [];
  stacks.forEach((stack, slot) => {
    for (const entry of stack) {
      if (entry < 0) unclosed.push({ offset: -entry - 2, kind: KINDS[slot]! });
    }
  });
  unclosed.sort((a, b) => a.offset - b.offset);
  return {
    closeOf: (open) => matches.get(open) ?? -1,
    unclosed,
  };
}

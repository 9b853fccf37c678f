import type { Span } from '../parse/cst.js';

/** How sure a fix is: `safe` is applied by --fix, `unsafe` only with --unsafe-fixes, `display-only` never. */
export type Applicability = 'safe' | 'unsafe' | 'display-only';

export const APPLICABILITY_ORDER: Readonly<Record<Applicability, number>> = { 'display-only': 0, unsafe: 1, safe: 2 };

/** Replace `[start, end)` of the original text with `text`; an insertion has start === end. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  /** Imperative: "Add %py_byte_compile to %install". */
  readonly title: string;
  readonly applicability: Applicability;
  /** Sorted by start, non-overlapping. */
  readonly edits: readonly Edit[];
  /** Fixes sharing a key never apply in the same pass. */
  readonly isolation?: string;
}

export const edit = {
  insert: (at: number, text: string): Edit => ({ start: at, end: at, text }),
  delete: (span: Span): Edit => ({ start: span.start, end: span.end, text: '' }),
  replace: (span: Span, text: string): Edit => ({ start: span.start, end: span.end, text }),
};

/** Whether two edits touch the same text; touching ends and empty spans do not overlap. */
export function overlaps(a: Edit, b: Edit): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A fix with its edits sorted; throws when two of them overlap (a rule bug, not an input problem). */
export function makeFix(title: string, applicability: Applicability, edits: readonly Edit[], isolation?: string): Fix {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    // Two insertions at one offset have no defined order, so they count as overlapping too.
    const sameInsertionPoint = a.start === b.start && a.start === a.end && b.start === b.end;
    if (overlaps(a, b) || sameInsertionPoint) throw new Error(`fix "${title}" has overlapping edits`);
  }
  return isolation === undefined ? { title, applicability, edits: sorted } : { title, applicability, edits: sorted, isolation };
}

import type { Edit } from '../fix/edit.js';

/** Whole lines `[start, end)` of the original text and what replaces them; `start === end` inserts. */
export interface LineHunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Widens a fix's edits to whole lines, so each change can be given as "replace these lines with
 * these" or "insert these lines after that one": an edit inside a line takes in the rest of its
 * line, edits sharing a line are merged, and a replacement that would leave a line unterminated
 * takes in the next line too. Applying the hunks gives exactly what applying the edits gives.
 */
export function lineHunks(source: string, edits: readonly Edit[]): LineHunk[] {
  const ranges = edits
    .map((edit) => ({ ...widen(source, edit), edits: [edit] }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const hunks: LineHunk[] = [];
  let i = 0;
  while (i < ranges.length) {
    let { start, end } = ranges[i]!;
    const merged: Edit[] = [...ranges[i]!.edits];
    i++;
    let text: string;
    for (;;) {
      while (i < ranges.length && ranges[i]!.start < end) {
        end = Math.max(end, ranges[i]!.end);
        merged.push(...ranges[i]!.edits);
        i++;
      }
      text = applyWithin(source, start, end, merged);
      if (text === '' || text.endsWith('\n') || end === source.length) break;
      end = lineEndAfter(source, end);
    }
    hunks.push({ start, end, text });
  }
  return hunks.filter((h) => h.start !== h.end || h.text !== '');
}

function widen(source: string, edit: Edit): { start: number; end: number } {
  const start = lineStartAt(source, edit.start);
  const insertsWholeLines = edit.start === edit.end && start === edit.start && (edit.text === '' || edit.text.endsWith('\n'));
  if (insertsWholeLines) return { start, end: start };
  // An edit that ends just after a newline touches the line that newline ends, not the next one.
  const last = edit.end > edit.start && lineStartAt(source, edit.end) === edit.end ? edit.end - 1 : edit.end;
  return { start, end: lineEndAfter(source, last) };
}

function lineStartAt(source: string, offset: number): number {
  // lastIndexOf treats a negative position as 0, which would find a newline at offset 0.
  return offset === 0 ? 0 : source.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the newline of the line holding `offset`, or the end of the text. */
function lineEndAfter(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

function applyWithin(source: string, start: number, end: number, edits: readonly Edit[]): string {
  let out = '';
  let at = start;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at, end);
}

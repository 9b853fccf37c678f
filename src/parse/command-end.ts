import type { Line, SpecFile } from './cst.js';

/**
 * The line that ends the shell command `line` (a line of a section's body) belongs to: `line`
 * itself, or the first line after it that a backslash does not continue. A line added after any
 * other would join the command. Null where the command cannot be followed for sure: the section
 * ends inside it, or a line that is not plain shell comes inside it, an rpm line (`%if`,
 * `%global`, …) that rpm takes out before the shell sees the rest, or a comment, which does end
 * the command but leaves no room to insert one that reads well. Only backslashes are followed,
 * not a quote or a here-document left open.
 */
export function commandEnd(file: SpecFile, line: Line): Line | null {
  const section = file.sections.find((s) => s.span.start <= line.span.start && line.span.end <= s.span.end);
  const lines = section?.lines ?? [];
  // Lines are in source order: a rule asking once per group of modules must not scan them.
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]!.span.start < line.span.start) low = middle + 1;
    else high = middle;
  }
  const at = lines[low] === line ? low : lines.length;
  for (let i = at; i < lines.length; i++) {
    const current = lines[i]!;
    if (i > at && current.kind !== 'text' && current.kind !== 'blank') return null;
    if (current.kind !== 'text' || !endsWithContinuation(file.source, current)) return current;
  }
  return null;
}

/** Whether a backslash joins the next line to this one: an odd number of them ends it (two are one escaped). */
export function endsWithContinuation(source: string, line: Line): boolean {
  let end = line.span.end - line.eol.length;
  let backslashes = 0;
  while (end > line.span.start && source[--end] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

import type { Line, SpecFile } from '../../parse/cst.js';

/**
 * The line that ends the shell command `line` belongs to: `line` itself, or the first line after
 * it that a backslash does not continue. A line added after any other would join the command.
 * Null where the command cannot be followed for sure: the section ends inside it, or a line that
 * is not plain shell comes inside it, an rpm line (`%if`, `%global`, …) that rpm takes out before
 * the shell sees the rest, or a comment, which does end the command but leaves no room to insert
 * one that reads well. Only backslashes are followed, not a quote or a here-document left open.
 */
export function commandEnd(file: SpecFile, line: Line): Line | null {
  const section = file.sections.find((s) => s.span.start <= line.span.start && line.span.end <= s.span.end);
  const lines = section?.lines ?? [];
  const at = lines.indexOf(line);
  // A section header is no shell line.
  if (at < 0) return line;
  for (let i = at; i < lines.length; i++) {
    const current = lines[i]!;
    if (i > at && current.kind !== 'text' && current.kind !== 'blank') return null;
    if (!continues(current, file.source)) return current;
  }
  return null;
}

/** A shell line ending in an odd number of backslashes (an even number ends in an escaped one). */
function continues(line: Line, source: string): boolean {
  if (line.kind !== 'text') return false;
  let end = line.span.end - line.eol.length;
  let backslashes = 0;
  while (end > line.span.start && source[--end] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

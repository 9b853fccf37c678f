import type { Line, SpecFile } from '../../parse/cst.js';

/**
 * The line that ends the shell command `line` belongs to: `line` itself, or the first line after
 * it that a backslash does not continue. A line added after any other would join the command.
 * Null when the section ends in mid-command, where no line of its own can follow.
 */
export function commandEnd(file: SpecFile, line: Line): Line | null {
  const section = file.sections.find((s) => s.span.start <= line.span.start && line.span.end <= s.span.end);
  const lines = section?.lines ?? [];
  const at = lines.indexOf(line);
  // A section header is no shell line.
  if (at < 0) return line;
  for (let i = at; i < lines.length; i++) {
    if (!continues(lines[i]!, file.source)) return lines[i]!;
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

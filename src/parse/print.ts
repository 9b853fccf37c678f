import type { Line, SpecFile } from './cst.js';

/** The exact text of a parsed file: the byte-order mark, then every line's source, in order. */
export function printSpec(file: SpecFile): string {
  const pieces: string[] = [];
  if (file.bom !== null) pieces.push(file.bom.text);
  for (const line of linesOf(file)) pieces.push(file.source.slice(line.span.start, line.span.end));
  return pieces.join('');
}

/** Every line of the file in source order, section headers included. */
export function* linesOf(file: SpecFile): Generator<Line> {
  for (const section of file.sections) {
    if (section.header !== null) yield section.header;
    yield* section.lines;
  }
}

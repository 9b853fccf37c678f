import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAt } from '../../src/bytecompile/line-at.js';
import { decodeSpec } from '../../src/io/spec-source.js';
import { expandSpec, type ExpandedLine } from '../../src/macros/spec-expander.js';
import { findTarget } from '../../src/macros/targets.js';
import { parseSpec } from '../../src/parse/index.js';
import { exampleSpecBytes, specLikeText } from '../helpers/spec-arbitraries.js';

/** The scan lineAt replaces: the first line holding the offset. */
const scan = (lines: readonly ExpandedLine[], offset: number): ExpandedLine | undefined =>
  lines.find((l) => l.line.span.start <= offset && offset < Math.max(l.line.span.end, l.line.span.start + 1));

const linesOf = (text: string): readonly ExpandedLine[] => expandSpec(parseSpec(text).file, findTarget('fedora')!).lines;

describe('lineAt', () => {
  it('finds the line a scan finds, at every offset of every example spec and past its end', () => {
    for (const [name, bytes] of exampleSpecBytes()) {
      const text = decodeSpec(bytes).text;
      const lines = linesOf(text);
      for (let offset = 0; offset <= text.length + 1; offset++) expect(lineAt(lines, offset), `${name} at ${offset}`).toBe(scan(lines, offset));
    }
  });

  it('places an offset on an empty line that stands there, before the line that starts there', () => {
    // The parser makes no empty line; one is built here so that its branch is tried.
    const [first, second] = linesOf('Name: a\nVersion: 1\n');
    const empty = { ...second!, line: { ...second!.line, span: { start: second!.line.span.start, end: second!.line.span.start } } } as ExpandedLine;
    const lines = [first!, empty, second!];
    expect(lineAt(lines, empty.line.span.start)).toBe(empty);
    expect(lineAt(lines, empty.line.span.start)).toBe(scan(lines, empty.line.span.start));
    expect(lineAt(lines, empty.line.span.start + 1)).toBe(second);
    expect(lineAt(lines, 100)).toBeUndefined();
  });

  it('finds the line a scan finds in spec-like text', () => {
    fc.assert(fc.property(specLikeText, (text) => {
      const lines = linesOf(text);
      for (let offset = 0; offset <= text.length + 1; offset++) expect(lineAt(lines, offset)).toBe(scan(lines, offset));
    }), { numRuns: 200 });
  });
});

import { expect } from 'vitest';
import type { MacroText, Span, SpecFile, TextPart } from '../../src/parse/cst.js';
import { linesOf, printSpec } from '../../src/parse/print.js';
import { textsOfLine } from '../../src/parse/texts-of-line.js';

/**
 * What every parse must satisfy: printing gives the input back, the lines tile the input after
 * the byte-order mark, and every nested node lies inside its line.
 */
export function expectLosslessTree(file: SpecFile, input: string): void {
  expect(printSpec(file)).toBe(input);
  let at = file.bom?.span.end ?? 0;
  for (const line of linesOf(file)) {
    expect(line.span.start).toBe(at);
    expect(line.span.end).toBeGreaterThan(line.span.start);
    for (const text of textsOfLine(line)) expectInside(text, line.span);
    at = line.span.end;
  }
  expect(at).toBe(input.length);
}

function expectInside(text: MacroText, outer: Span): void {
  if (text.span.start < outer.start || text.span.end > outer.end) {
    throw new Error(`node [${text.span.start}, ${text.span.end}) outside [${outer.start}, ${outer.end})`);
  }
  let at = text.span.start;
  for (const part of text.parts) {
    if (part.span.start < at || part.span.end > text.span.end) {
      throw new Error(`part [${part.span.start}, ${part.span.end}) out of order in [${text.span.start}, ${text.span.end})`);
    }
    at = part.span.end;
    for (const inner of innerTexts(part)) expectInside(inner, part.span);
  }
}

function innerTexts(part: TextPart): MacroText[] {
  switch (part.kind) {
    case 'macro': return [part.body, part.args].filter((t): t is MacroText => t !== null);
    case 'shell': case 'expr': return [part.body];
    default: return [];
  }
}

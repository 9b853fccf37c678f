import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/parse/line-index.js';
import { TextPositions } from '../../src/report/text-region.js';

describe('TextPositions.lineText', () => {
  it('gives each line as split("\\n") does, without its line end, and the empty string past the end', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '%') }), (text) => {
      const positions = new TextPositions(text);
      const lines = text.split('\n');
      // A line's end is `\n` or `\r\n`; a carriage return with no newline after it is text.
      lines.forEach((line, i) => expect(positions.lineText(i + 1)).toBe(i < lines.length - 1 ? line.replace(/\r$/, '') : line));
      expect(positions.lineText(lines.length + 1)).toBe('');
    }));
  });

  it('gives the line a finding is on, as the lint numbers it (the code frame\'s text)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('x', '\n', '\r\n') }), (text) => {
      const positions = new TextPositions(text);
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const { line, column } = index.position(offset);
        expect(column - 1).toBeLessThanOrEqual(positions.lineText(line).length + (text.slice(offset - 1, offset + 1) === '\r\n' ? 1 : 0));
        expect(positions.lineText(line)).toBe((text.split('\n')[line - 1] ?? '').replace(/\r$/, ''));
      }
    }));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/parse/line-index.js';

describe('LineIndex', () => {
  it('places every offset on the line whose text holds it', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('x', '\n', '\r') }), (text) => {
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const { line, column } = index.position(offset);
        expect(text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column - 1).toBe(offset);
        expect(column - 1).toBeLessThanOrEqual(text.split('\n')[line - 1]!.length);
      }
    }));
  });
});

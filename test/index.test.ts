import { describe, expect, it } from 'vitest';
import * as speclint from '../src/index.js';

describe('the package entry point', () => {
  it('exports the parser API', () => {
    const text = '%global x 1\nName: a\n';
    const { file, diagnostics } = speclint.parseSpec(text, { filename: 'a.spec' });
    expect(diagnostics).toEqual([]);
    expect(speclint.printSpec(file)).toBe(text);
    expect([...speclint.linesOf(file)].map((l) => l.kind)).toEqual(['macro-definition', 'tag']);
    expect(speclint.parseMacroText('%{x}').parts[0]!.kind).toBe('macro');
  });
});

import { describe, expect, it } from 'vitest';
import { unknownText } from '../../src/macros/unknown.js';
import { shellWords } from '../../src/model/shell-words.js';

describe('shellWords', () => {
  it('keeps text from %(…) speclint did not run in one word, blanks, pipes and quotes in its source included', () => {
    const region = unknownText('%(echo "a b" | tr a c)');
    const text = `install -m644 ${region} x${region}y /dest/`;
    expect(shellWords(text, true).map((w) => w.text)).toEqual(['install', '-m644', region, `x${region}y`, '/dest/']);
  });
});

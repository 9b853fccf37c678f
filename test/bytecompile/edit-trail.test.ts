import { describe, expect, it } from 'vitest';
import { EditTrail } from '../../src/bytecompile/edit-trail.js';
import { edit } from '../../src/fix/edit.js';

const by = (ruleId: string) => () => ({ ruleId, title: `${ruleId} fix` });

describe('EditTrail', () => {
  const original = 'a\nb\nc\n';

  it('maps edits of a later pass back to the original text', () => {
    const first = EditTrail.of(original).apply([edit.insert(2, 'X\n')], by('PY003'));
    expect(first.text()).toBe('a\nX\nb\nc\n');
    // The second pass sees the first pass's text: offset 6 is the end of "b\n" there, 4 in the original.
    const second = first.apply([edit.insert(6, 'Y\n')], by('PY001'));
    expect(second.text()).toBe('a\nX\nb\nY\nc\n');
    expect(second.changes()).toEqual([
      { origin: { ruleId: 'PY003', title: 'PY003 fix' }, start: 2, end: 2, text: 'X\n', currentStart: 2, currentEnd: 4 },
      { origin: { ruleId: 'PY001', title: 'PY001 fix' }, start: 4, end: 4, text: 'Y\n', currentStart: 6, currentEnd: 8 },
    ]);
  });

  it('keeps an insertion made before an earlier insertion in front of it', () => {
    const trail = EditTrail.of(original).apply([edit.insert(2, 'def\n')], by('--reproducible')).apply([edit.insert(2, 'req\n')], by('PY008'));
    expect(trail.text()).toBe('a\nreq\ndef\nb\nc\n');
    expect(trail.changes().map((c) => [c.origin.ruleId, c.start])).toEqual([['PY008', 2], ['--reproducible', 2]]);
  });

  it('records a replacement with the original text it replaces', () => {
    const trail = EditTrail.of(original).apply([edit.replace({ start: 2, end: 3 }, 'B')], by('PY004'));
    expect(trail.text()).toBe('a\nB\nc\n');
    expect(trail.changes()).toEqual([{ origin: { ruleId: 'PY004', title: 'PY004 fix' }, start: 2, end: 3, text: 'B', currentStart: 2, currentEnd: 3 }]);
  });

  it('maps offsets both ways, new text to where it was inserted', () => {
    const trail = EditTrail.of(original).apply([edit.insert(2, 'X\n')], by('PY003'));
    expect(trail.toOriginal(0)).toBe(0);
    expect(trail.toOriginal(3)).toBe(2);
    expect(trail.toOriginal(4)).toBe(2);
    expect(trail.toOriginal(6)).toBe(4);
    expect(trail.toCurrent(2)).toBe(4);
    expect(trail.toCurrent(5)).toBe(7);
    expect(trail.toCurrent(original.length)).toBe(8);
  });
});

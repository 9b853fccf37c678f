import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectorySet, firstAbove, isBelow, itemsBelow, outermostDirectories, PathSet } from '../../src/model/path-index.js';

/**
 * The path sets answer in one lookup per parent what a scan with isBelow() answers; these hold them
 * to the scan, on paths built from few names so that prefixes, doubled and trailing slashes, the
 * root and relative paths all come up.
 */
const path = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom('a', 'b', 'ab', 'a.py', '', '.'), { maxLength: 5 }), fc.constantFrom('', '', '/', '//'))
  .map(([absolute, names, trailing]) => `${absolute ? '/' : ''}${names.join('/')}${trailing}`);
const paths = fc.array(path, { maxLength: 12 });
const RUNS = { numRuns: 2_000 };

describe('path sets agree with isBelow()', () => {
  it('DirectorySet.holdsAbove', () => {
    fc.assert(fc.property(paths, paths, (dirs, asked) => {
      const set = new DirectorySet(dirs);
      for (const p of asked) expect(set.holdsAbove(p)).toBe(dirs.some((d) => isBelow(p, d)));
    }), RUNS);
  });

  it('PathSet.holdsBelow', () => {
    fc.assert(fc.property(paths, paths, (held, asked) => {
      const set = new PathSet(held);
      for (const dir of asked) expect(set.holdsBelow(dir)).toBe(held.some((p) => isBelow(p, dir)));
    }), RUNS);
  });

  it('firstAbove finds what find() finds, skipping items without a directory', () => {
    const items = fc.array(fc.option(path, { nil: null }), { maxLength: 12 }).map((dirs) => dirs.map((dir, i) => ({ i, dir })));
    fc.assert(fc.property(items, paths, (listed, asked) => {
      const first = firstAbove(listed, (item) => item.dir);
      for (const p of asked) expect(first(p)).toBe(listed.find((item) => item.dir !== null && isBelow(p, item.dir)));
    }), RUNS);
  });

  it('itemsBelow gives what filter() gives, in order', () => {
    fc.assert(fc.property(paths, paths, (dirs, held) => {
      const items = held.map((p, i) => ({ i, p }));
      const below = itemsBelow(dirs, items, (item) => item.p);
      for (const dir of dirs) expect(below(dir)).toEqual(items.filter((item) => isBelow(item.p, dir)));
    }), RUNS);
  });

  it('itemsBelow answers a directory in any spelling, and nothing for one it was not given', () => {
    fc.assert(fc.property(paths, paths, paths, (dirs, held, asked) => {
      const items = held.map((p, i) => ({ i, p }));
      const below = itemsBelow(dirs, items, (item) => item.p);
      for (const dir of asked) {
        // Two spellings of one directory (`/a`, `/a/`) each hold the other; no two others do.
        const given = dirs.some((d) => isBelow(d, dir) && isBelow(dir, d));
        expect(below(dir)).toEqual(given ? items.filter((item) => isBelow(item.p, dir)) : []);
      }
    }), RUNS);
  });

  it('outermostDirectories drops each directory that another one holds, and keeps the first spelling of each', () => {
    // Two spellings of one directory (`/a`, `/a/`) each hold the other; no two others do.
    const same = (a: string, b: string): boolean => isBelow(a, b) && isBelow(b, a);
    fc.assert(fc.property(paths, (listed) => {
      const dirs = [...new Set(listed)];
      expect(outermostDirectories(dirs)).toEqual(dirs.filter((dir, i) =>
        !dirs.slice(0, i).some((earlier) => same(earlier, dir)) && !dirs.some((other) => !same(other, dir) && isBelow(dir, other))));
    }), RUNS);
    expect(outermostDirectories(['/a', '/a/', '/a/b', '/c/'])).toEqual(['/a', '/c/']);
  });
});

describe('path sets on a megabyte-deep path', () => {
  it('answer as isBelow() does', () => {
    const deep = `/usr/share/${'big/'.repeat(262_144)}m.py`;
    const dirs = new DirectorySet(['/usr/share/big/big', '/opt/app']);
    expect(dirs.holdsAbove(deep)).toBe(true);
    expect(dirs.holdsAbove(`/srv${deep}`)).toBe(false);
    expect(new DirectorySet([deep]).holdsAbove(deep)).toBe(true);
    expect(firstAbove(['/opt', '/usr/share/big', '/usr'], (d) => d)(deep)).toBe('/usr/share/big');
  });
});

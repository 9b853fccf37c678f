import { describe, expect, it } from 'vitest';
import { compileGlob, globProblem } from '../../src/config/glob.js';

describe('compileGlob', () => {
  it.each([
    ['python-foo.spec', 'python-foo.spec', true],
    ['python-foo.spec', 'sub/python-foo.spec', false],
    ['python-foo.spec', 'python-foo.spec.orig', false],
    ['*.spec', 'python-foo.spec', true],
    ['*.spec', 'legacy/python-foo.spec', false],
    ['*.spec', '.hidden.spec', true],
    ['python-?.spec', 'python-a.spec', true],
    ['python-?.spec', 'python-ab.spec', false],
    ['python-?.spec', 'python-/.spec', false],
    ['legacy/**/*.spec', 'legacy/a.spec', true],
    ['legacy/**/*.spec', 'legacy/x/y/a.spec', true],
    ['legacy/**/*.spec', 'legacyx/a.spec', false],
    ['legacy/**/*.spec', 'other/legacy/a.spec', false],
    ['legacy/**', 'legacy/x/a.spec', true],
    ['legacy/**', 'legacy', true],
    ['**/python-foo.spec', 'python-foo.spec', true],
    ['**/python-foo.spec', 'a/b/python-foo.spec', true],
    ['**', 'anything/at/all.spec', true],
    ['a/**/b/**/c.spec', 'a/b/c.spec', true],
    ['a/**/b/**/c.spec', 'a/x/b/y/z/c.spec', true],
    ['a/**/b/**/c.spec', 'a/x/y/c.spec', false],
    ['py*-*.spec', 'python3-foo.spec', true],
    ['py*-*.spec', 'python3.spec', false],
    // Regular-expression characters are literal.
    ['foo+(1).spec', 'foo+(1).spec', true],
    ['foo.spec', 'fooXspec', false],
    ['[ab].spec', 'a.spec', false],
    ['[ab].spec', '[ab].spec', true],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  it('stays fast on patterns with many ** segments', () => {
    const pattern = Array.from({ length: 20 }, () => '**').join('/') + '/x.spec';
    const path = Array.from({ length: 40 }, (_, i) => `d${i}`).join('/') + '/y.spec';
    const started = Date.now();
    expect(compileGlob(pattern)(path)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('globProblem', () => {
  it.each([
    ['', 'a path pattern is empty'],
    ['/srv/specs/*.spec', '"/srv/specs/*.spec" is absolute; patterns are relative to the config file\'s directory'],
    ['../other/*.spec', '"../other/*.spec" has a "." or ".." segment; patterns are relative to the config file\'s directory and stay below it'],
    ['./a.spec', '"./a.spec" has a "." or ".." segment; patterns are relative to the config file\'s directory and stay below it'],
    ['legacy/', '"legacy/" has an empty segment; write "dir/**" for everything below a directory'],
    ['a//b.spec', '"a//b.spec" has an empty segment; write "dir/**" for everything below a directory'],
  ])('rejects %j', (pattern, message) => {
    expect(globProblem(pattern)).toBe(message);
  });

  it('accepts relative patterns', () => {
    expect(globProblem('legacy/**/*.spec')).toBeNull();
    expect(globProblem('python-foo.spec')).toBeNull();
  });
});

/**
 * Path globs for `[[overrides]] paths`: `**` as a whole segment matches any number of directories
 * (none included), `*` any run of characters within a segment and `?` one character; every other
 * character is literal. Patterns and paths use `/` and are relative; a pattern matches the whole path.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function compileGlob(pattern: string): PathMatcher {
  const segments = pattern.split('/').map((s) => (s === '**' ? null : segmentRegExp(s)));
  return (relativePath) => matchSegments(segments, relativePath.split('/'));
}

/** Why a pattern can never match a path below the config file's directory; null when it can. */
export function globProblem(pattern: string): string | null {
  if (pattern === '') return 'a path pattern is empty';
  if (pattern.startsWith('/')) return `"${pattern}" is absolute; patterns are relative to the config file's directory`;
  if (pattern.split('/').some((s) => s === '..' || s === '.')) return `"${pattern}" has a "." or ".." segment; patterns are relative to the config file's directory and stay below it`;
  if (pattern.endsWith('/') || pattern.includes('//')) return `"${pattern}" has an empty segment; write "dir/**" for everything below a directory`;
  return null;
}

function segmentRegExp(segment: string): RegExp {
  const body = [...segment].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  // `u` so that `?` is one character even outside the Basic Multilingual Plane; `s` so `.` takes any.
  return new RegExp(`^${body}$`, 'su');
}

/** Segment-wise matching with `**` spanning segments; memoised, so no pattern is exponential. */
function matchSegments(pattern: readonly (RegExp | null)[], path: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const match = (p: number, s: number): boolean => {
    const key = p * (path.length + 1) + s;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (p === pattern.length) result = s === path.length;
    else if (pattern[p] === null) result = match(p + 1, s) || (s < path.length && match(p, s + 1));
    else result = s < path.length && pattern[p]!.test(path[s]!) && match(p + 1, s + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

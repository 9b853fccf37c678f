/**
 * Paths and directories compared by whole path components (isBelow), and sets of them that
 * answer for many paths in one lookup each: a spec of many megabytes installs thousands of
 * paths and byte-compiles as many directories, and a scan of one for each of the other would
 * make it quadratic.
 */

/** Whether `path` is `prefix` or below it, by whole path components. */
export function isBelow(path: string, prefix: string): boolean {
  const base = withoutTrailingSlashes(prefix);
  return path === base || path.startsWith(`${base}/`) || base === '';
}

function withoutTrailingSlashes(path: string): string {
  return path.endsWith('/') ? path.replace(/\/+$/, '') : path;
}

/**
 * The path and each directory above it, as isBelow() compares them: `isBelow(path, prefix)`
 * holds when `prefix` without trailing slashes is one of these, or is empty (the root). Lets a
 * set of paths answer isBelow() for many paths in one lookup each instead of a scan of the set.
 * Those longer than `longest` are left out: no directory of a set is deeper than its deepest one,
 * so a megabyte-long path costs no more than a short one.
 */
function pathAndParents(path: string, longest = Infinity): string[] {
  const found = path.length <= longest ? [path] : [];
  for (let slash = path.indexOf('/'); slash >= 0 && slash <= longest; slash = path.indexOf('/', slash + 1)) found.push(path.slice(0, slash));
  return found;
}

/** Directories, asked whether a path is below any of them (isBelow). */
export class DirectorySet {
  private readonly bases = new Set<string>();
  private readonly root: boolean;
  private readonly longest: number;

  constructor(dirs: Iterable<string>) {
    let root = false;
    let longest = -1;
    for (const dir of dirs) {
      const base = withoutTrailingSlashes(dir);
      if (base === '') root = true;
      else this.bases.add(base);
      longest = Math.max(longest, base.length);
    }
    this.root = root;
    this.longest = longest;
  }

  holdsAbove(path: string): boolean {
    return this.root || pathAndParents(path, this.longest).some((parent) => this.bases.has(parent));
  }
}

/** The first of the items whose directory holds the path (isBelow), as a scan of the items in order finds it. */
export function firstAbove<T>(items: readonly T[], dirOf: (item: T) => string | null): (path: string) => T | undefined {
  const first = new Map<string, number>();
  let root = Infinity;
  let longest = -1;
  items.forEach((item, i) => {
    const dir = dirOf(item);
    if (dir === null) return;
    const base = withoutTrailingSlashes(dir);
    if (base === '') root = Math.min(root, i);
    else if (!first.has(base)) first.set(base, i);
    longest = Math.max(longest, base.length);
  });
  // The lowest index among the path's parents; Infinity, where none holds it, indexes nothing.
  return (path) => items[pathAndParents(path, longest).reduce((at, parent) => Math.min(at, first.get(parent) ?? Infinity), root)];
}

/** For each of the directories, the items whose path is below it (isBelow), in the items' order; none for another directory. */
export function itemsBelow<T>(dirs: Iterable<string>, items: Iterable<T>, pathOf: (item: T) => string): (dir: string) => readonly T[] {
  const below = new Map<string, T[]>();
  let longest = -1;
  for (const dir of dirs) {
    const base = withoutTrailingSlashes(dir);
    below.set(base, []);
    longest = Math.max(longest, base.length);
  }
  // One pass over the items, not one per directory; the root holds every item, whatever its parents.
  const root = below.get('');
  for (const item of items) {
    root?.push(item);
    for (const parent of pathAndParents(pathOf(item), longest)) if (parent !== '') below.get(parent)?.push(item);
  }
  return (dir) => below.get(withoutTrailingSlashes(dir)) ?? [];
}

/**
 * The directories that no other one of them holds (isBelow), in their order. Spellings of one
 * directory (`/a`, `/a/`) hold each other: the first stands for them all.
 */
export function outermostDirectories(dirs: readonly string[]): string[] {
  const bases = new Set(dirs.map(withoutTrailingSlashes));
  const kept = new Set<string>();
  return dirs.filter((dir) => {
    const base = withoutTrailingSlashes(dir);
    if (kept.has(base)) return false;
    kept.add(base);
    // The root holds every other directory, relative ones too (isBelow).
    return base === '' || (!bases.has('') && !pathAndParents(base).some((parent) => parent !== base && bases.has(parent)));
  });
}

/** Paths, asked whether any of them is below a directory (isBelow). */
export class PathSet {
  private readonly parents = new Set<string>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) for (const parent of pathAndParents(path)) this.parents.add(parent);
  }

  holdsBelow(dir: string): boolean {
    const base = withoutTrailingSlashes(dir);
    return base === '' ? this.parents.size > 0 : this.parents.has(base);
  }
}

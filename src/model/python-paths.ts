/**
 * Where Python files count as "in a Python dir" (facts: vocabulary, "Python dirs"), and where a
 * `.py` file is not a module anyone imports (scripts, documentation, configuration).
 */
// `t`: the free-threaded build's own tree (`/usr/lib64/python3.13t`).
const PYTHON_DIR = /^\/(usr|app)\/lib(64)?\/python(\d)\.(\d+)t?(\/|$)/;
// `%files` may name them by glob: `/usr/lib/python3.*/…`, `/usr/lib/python3*/…`, `/usr/lib64/python*/…`.
const PYTHON_DIR_GLOB = /^\/(usr|app)\/lib(64)?\/python(\d(\.(\d+|\*)|\*)|\*)(\/|$)/;
/**
 * Not modules anyone imports: scripts in any `bin/`, documentation, shell completions, configuration (a settings.py
 * in /etc is read, not compiled), state and hooks in /var, debug info, and the scripts gdb
 * sources from its auto-load directory or next to a library (`libfoo.so-gdb.py`).
 */
const NOT_MODULES = new RegExp([
  '/s?bin(/|$)',
  '^/usr/share/(doc|man|licenses|bash-completion|zsh|fish)(/|$)',
  '^/(etc|var)(/|$)',
  '^/usr/lib/debug(/|$)',
  '^/usr/share/gdb/auto-load(/|$)',
  '-gdb\\.py$',
].join('|'));

/** `X.Y` of the Python dir a path is in, or null outside them. */
export function pythonDirVersion(path: string): string | null {
  const match = PYTHON_DIR.exec(path);
  return match === null ? null : `${match[3]}.${match[4]}`;
}

export function isInPythonDir(path: string): boolean {
  return PYTHON_DIR.test(path) || PYTHON_DIR_GLOB.test(path);
}

/** Whether a `.py` file there could be a private module (not a script, not documentation). */
export function mayHoldPrivateModules(path: string): boolean {
  return !isInPythonDir(path) && !NOT_MODULES.test(path);
}

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
 */
function pathAndParents(path: string): string[] {
  const found = [path];
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) found.push(path.slice(0, slash));
  return found;
}

/** Directories, asked whether a path is below any of them (isBelow). */
export class DirectorySet {
  private readonly bases = new Set<string>();
  private readonly root: boolean;

  constructor(dirs: Iterable<string>) {
    let root = false;
    for (const dir of dirs) {
      const base = withoutTrailingSlashes(dir);
      if (base === '') root = true;
      else this.bases.add(base);
    }
    this.root = root;
  }

  holdsAbove(path: string): boolean {
    return this.root || pathAndParents(path).some((parent) => this.bases.has(parent));
  }
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

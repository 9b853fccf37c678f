import { type BuildrootModel, type InstalledPath, isConcretePath, type ShippedPath } from '../../model/buildroot.js';
import { DirectorySet, PathSet } from '../../model/path-index.js';
import { mayHoldPrivateModules } from '../../model/python-paths.js';

/** A Python module outside the Python dirs, as `%install` writes it or `%files` ships it. */
export interface PrivateModule {
  readonly path: string;
  readonly kind: InstalledPath['kind'];
  /** The `%install` destination or the `%files` entry, as written. */
  readonly span: InstalledPath['span'];
  /** The directory holding it (itself for a tree) and how the spec spells that, buildroot included. */
  readonly dir: string;
  readonly writtenDir: string | null;
}

/** `%files` directives whose entries ship no module: documentation, ghosts, exclusions, bare directories. */
export const NOT_CONTENT: ReadonlySet<string> = new Set(['doc', 'license', 'ghost', 'exclude', 'dir', 'readme', 'artifact']);

/**
 * Python modules put outside the Python dirs (facts: "private module"): `.py` files and `*.py`
 * globs that `%install` writes or `%files` ships, and a copied tree when `%files` or `%install`
 * shows Python below it.
 */
export function privateModules(model: BuildrootModel): PrivateModule[] {
  return installedOrShipped(model).filter((m) => m.kind !== 'file' || isImportable(m.path));
}

/**
 * `import` needs a file name that is a Python identifier: `gn-format.py` or `lit.cfg.py` is a
 * script something runs or reads, and a script's code is compiled in memory, never from .pyc.
 */
function isImportable(path: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*\.py$/.test(path.slice(path.lastIndexOf('/') + 1));
}

function installedOrShipped(model: BuildrootModel): PrivateModule[] {
  // Sets, not scans of every path for every path: a spec with thousands of files stays linear.
  let python: PathSet | undefined;
  const confirmedPython = (dir: string): boolean => {
    python ??= pythonEvidence(model.installed, model.shipped);
    return python.holdsBelow(dir);
  };
  const fromInstall = model.installed
    .filter((i) => i.state === 'active' && mayHoldPrivateModules(i.path)
      && (i.python === 'yes' || (i.python === 'maybe' && confirmedPython(i.path))))
    .map((i): PrivateModule => ({ path: i.path, kind: i.kind, span: i.span, dir: i.kind === 'file' ? dirname(i.path) : i.path, writtenDir: i.writtenDir }));
  const installedDirs = new DirectorySet(fromInstall.map((i) => i.path));
  const fromFiles = model.shipped
    .filter((s) => s.state === 'active' && isConcretePath(s.path) && isPythonSource(s.path) && mayHoldPrivateModules(s.path)
      && !s.directives.some((d) => NOT_CONTENT.has(d))
      && !installedDirs.holdsAbove(s.path))
    .map((s): PrivateModule => {
      // `x.py*` is the one source with its old .pyc/.pyo beside it.
      const path = s.path.replace(/\.py\*$/, '.py');
      const glob = path.includes('*');
      return { path: shippedPath(path), kind: glob ? 'dir' : 'file', span: s.span, dir: glob ? shippedPath(path) : dirname(path), writtenDir: s.writtenDir };
    });
  return [...fromInstall, ...fromFiles];
}

/** `x.py`, `*.py`, and `x.py*` (the source with its old `.pyc`/`.pyo` beside it). */
function isPythonSource(path: string): boolean {
  return /\.py\*?$/.test(path);
}

/** A glob such as `/usr/share/app/*.py` stands for its directory. */
function shippedPath(path: string): string {
  return path.includes('*') ? path.replace(/\/[^/]*\*.*$/, '') : path;
}

function dirname(path: string): string {
  return path.replace(/\/[^/]*$/, '') || '/';
}

/** The paths that show Python below a directory: Python sources and caches `%files` ships, Python `%install` writes. */
function pythonEvidence(installed: readonly InstalledPath[], shipped: readonly ShippedPath[]): PathSet {
  return new PathSet([
    ...shipped.filter((s) => isPythonSource(s.path) || s.path.includes('__pycache__')).map((s) => s.path),
    ...installed.filter((i) => i.python === 'yes').map((i) => i.path),
  ]);
}

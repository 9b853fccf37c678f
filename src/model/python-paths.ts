/**
 * Where Python files count as "in a Python dir" (facts: vocabulary, "Python dirs"), and where a
 * `.py` file is not a module anyone imports (scripts, documentation, configuration).
 */
const PYTHON_DIR = /^\/(usr|app)\/lib(64)?\/python(\d)\.(\d+)(\/|$)/;
// Scripts, documentation, and configuration (a settings.py in /etc is read, not compiled).
const NOT_MODULES = /^\/(usr\/)?s?bin(\/|$)|^\/usr\/share\/(doc|man|licenses)(\/|$)|^\/etc(\/|$)/;

/** `X.Y` of the Python dir a path is in, or null outside them. */
export function pythonDirVersion(path: string): string | null {
  const match = PYTHON_DIR.exec(path);
  return match === null ? null : `${match[3]}.${match[4]}`;
}

export function isInPythonDir(path: string): boolean {
  return PYTHON_DIR.test(path);
}

/** Whether a `.py` file there could be a private module (not a script, not documentation). */
export function mayHoldPrivateModules(path: string): boolean {
  return !isInPythonDir(path) && !NOT_MODULES.test(path);
}

/** Whether `path` is `prefix` or below it, by whole path components. */
export function isBelow(path: string, prefix: string): boolean {
  const base = prefix.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`) || base === '';
}

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

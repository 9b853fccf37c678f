import type { SpecExpansion } from '../macros/spec-expander.js';

/**
 * The macros that follow `%__python`. On EL7, PY018's `%global __python %{__python3}` points all
 * of them at Python 3 (facts c: "everything derived from %__python moves to Python 3"), which is
 * why its fix is marked unsafe.
 */
const FOLLOWS_PYTHON = /%\{?[!?]*(__python|python|python_sitelib|python_sitearch|python_version|python_version_nodots|python_platform|python_cache_tag|py_build|py_install|py_shebang_fix|py_check_import)\b/;

/**
 * Whether pointing `%__python` at Python 3 changes nothing else in the spec: no line the target
 * may read names a macro that follows it (a `%global __python` of its own included). Then the
 * override only moves rpm's automatic byte-compilation to Python 3, which a plan may do by itself.
 */
export function pythonOverrideIsSafe(expansion: SpecExpansion, source: string): boolean {
  return !expansion.lines.some((l) => l.state !== 'inactive' && l.line.kind !== 'comment' && l.section.name !== 'changelog'
    && FOLLOWS_PYTHON.test(source.slice(l.line.span.start, l.line.span.end)));
}

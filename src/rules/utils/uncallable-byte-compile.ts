import type { MacroScope } from '../../macros/scope.js';

/**
 * Why a `%py_byte_compile` line speclint adds would not call rpm's macro, or null when it would:
 * the spec undefines it, or defines a %py_byte_compile of its own (`%global py_byte_compile 1`).
 */
export function uncallableByteCompile(scope: MacroScope): string | null {
  const definition = scope.get('py_byte_compile');
  if (definition === undefined) return 'the spec undefines %py_byte_compile';
  return definition.origin.kind === 'spec' ? 'the spec defines %py_byte_compile itself' : null;
}

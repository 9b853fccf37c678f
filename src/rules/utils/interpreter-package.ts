import { MacroExpander } from '../../macros/expand.js';
import type { SpecExpansion } from '../../macros/spec-expander.js';

/**
 * Whether the spec builds a Python interpreter itself (`python3.12`, `python27`, `pypy3.10`):
 * its own versioned paths are right and it needs no python3-devel. `python3-foo` is not one.
 */
export function isInterpreterPackage(expansion: SpecExpansion): boolean {
  return /^(python|pypy)\d+(\.\d+)?$/.test(new MacroExpander(expansion.scope).expand('%{?name}'));
}

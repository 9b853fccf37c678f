import type { SpecExpansion } from '../../macros/spec-expander.js';
import { buildRequires } from './build-requires.js';

/** Whether the spec builds for Python 3: it BuildRequires a Python 3 devel package. */
export function isPython3Package(expansion: SpecExpansion): boolean {
  return buildRequires(expansion).some((br) => /^python3(\.?\d+)?-devel$/.test(br.name));
}

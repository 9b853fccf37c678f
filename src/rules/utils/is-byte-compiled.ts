import type { BuildrootModel } from '../../model/buildroot.js';
import { byteCompilerOf } from './byte-compiler-of.js';

/** Whether an active `%py_byte_compile` covers the path (its directory or a parent of it). */
export function isByteCompiled(model: BuildrootModel, path: string): boolean {
  return byteCompilerOf(model, path) !== undefined;
}

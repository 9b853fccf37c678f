import type { BuildrootModel, ByteCompile } from '../../model/buildroot.js';
import { firstAbove } from '../../model/path-index.js';

// Indexed once per model: rules ask about every installed and shipped path, and a scan of the
// calls for each would make a spec with many of both quadratic.
const indexes = new WeakMap<BuildrootModel, (path: string) => ByteCompile | undefined>();

/** The first active `%py_byte_compile` that covers the path (its directory or a parent of it). */
export function byteCompilerOf(model: BuildrootModel, path: string): ByteCompile | undefined {
  let index = indexes.get(model);
  if (index === undefined) {
    index = firstAbove(model.byteCompiles, (b) => (b.state === 'inactive' ? null : b.installedPath));
    indexes.set(model, index);
  }
  return index(path);
}

import type { BuildrootModel, ByteCompile } from '../model/buildroot.js';
import { itemsBelow, outermostDirectories } from '../model/path-index.js';
import { byteCompilerOf } from '../rules/utils/byte-compiler-of.js';
import { type PrivateModule, privateModules } from '../rules/utils/private-modules.js';

/** A directory of private modules, as PY001 finds them, with the modules in it. */
export interface PrivateDirectory {
  readonly dir: string;
  readonly modules: readonly PrivateModule[];
}

/** The outermost directories holding private modules, in path order. */
export function privateDirectories(model: BuildrootModel): PrivateDirectory[] {
  const modules = privateModules(model);
  const dirs = outermostDirectories([...new Set(modules.map((m) => m.dir))].sort());
  const modulesBelow = itemsBelow(dirs, modules, (m) => m.path);
  return dirs.map((dir) => ({ dir, modules: modulesBelow(dir) }));
}

/** The `%py_byte_compile` calls that compile the directory's modules, when together they compile all of them. */
export function compilersOf(model: BuildrootModel, directory: PrivateDirectory): ByteCompile[] | null {
  const compilers = directory.modules.map((m) => byteCompilerOf(model, m.path));
  if (compilers.some((c) => c === undefined)) return null;
  return [...new Set(compilers as ByteCompile[])];
}

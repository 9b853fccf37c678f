import type { BuildrootModel, ByteCompile } from '../model/buildroot.js';
import { isBelow } from '../model/python-paths.js';
import { type PrivateModule, privateModules } from '../rules/utils/private-modules.js';

/** A directory of private modules, as PY001 finds them, with the modules in it. */
export interface PrivateDirectory {
  readonly dir: string;
  readonly modules: readonly PrivateModule[];
}

/** The outermost directories holding private modules, in path order. */
export function privateDirectories(model: BuildrootModel): PrivateDirectory[] {
  const modules = privateModules(model);
  const dirs = [...new Set(modules.map((m) => m.dir))].sort();
  return dirs
    .filter((dir) => !dirs.some((other) => other !== dir && isBelow(dir, other)))
    .map((dir) => ({ dir, modules: modules.filter((m) => isBelow(m.path, dir)) }));
}

/** The `%py_byte_compile` calls that compile the directory's modules, when together they compile all of them. */
export function compilersOf(model: BuildrootModel, directory: PrivateDirectory): ByteCompile[] | null {
  const calls = model.byteCompiles.filter((b) => b.state !== 'inactive' && b.installedPath !== null);
  const compilers = directory.modules.map((m) => calls.find((b) => isBelow(m.path, b.installedPath!)));
  if (compilers.some((c) => c === undefined)) return null;
  return [...new Set(compilers as ByteCompile[])];
}

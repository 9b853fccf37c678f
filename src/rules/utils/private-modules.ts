import type { BuildrootModel, InstalledPath, ShippedPath } from '../../model/buildroot.js';
import { isBelow, mayHoldPrivateModules } from '../../model/python-paths.js';

/**
 * Python modules `%install` puts outside the Python dirs (facts: "private module"): `.py` files
 * and `*.py` globs for sure, a copied tree when %files or %install shows Python below it.
 */
export function privateModules(model: BuildrootModel): InstalledPath[] {
  return model.installed.filter((i) => i.state === 'active' && mayHoldPrivateModules(i.path)
    && (i.python === 'yes' || (i.python === 'maybe' && confirmedPython(i.path, model.installed, model.shipped))));
}

/** Whether an active `%py_byte_compile` covers the path (its directory or a parent of it). */
export function isByteCompiled(model: BuildrootModel, path: string): boolean {
  return model.byteCompiles.some((b) => b.state !== 'inactive' && b.installedPath !== null && isBelow(path, b.installedPath));
}

function confirmedPython(dir: string, installed: readonly InstalledPath[], shipped: readonly ShippedPath[]): boolean {
  return shipped.some((s) => isBelow(s.path, dir) && /\.py$|\*\.py|__pycache__/.test(s.path))
    || installed.some((i) => i.python === 'yes' && isBelow(i.path, dir));
}

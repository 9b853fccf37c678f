import { type Fix, makeFix } from '../fix/edit.js';
import { MacroExpander } from '../macros/expand.js';
import type { ExpandedLine, SpecExpansion } from '../macros/spec-expander.js';
import type { Target } from '../macros/targets.js';
import type { BuildrootModel } from '../model/buildroot.js';
import { isBelow } from '../model/path-index.js';
import { isInPythonDir } from '../model/python-paths.js';
import type { MacroDefinitionLine } from '../parse/cst.js';
import { insertAfterLine } from '../rules/utils/insert-after-line.js';
import { type ExpandedTag, preambleAnchors } from '../rules/utils/preamble-anchors.js';
import { privateModules } from '../rules/utils/private-modules.js';

/**
 * What defining `%py_reproducible_pyc_path` does on a target, as the facts (d) "Availability"
 * table gives it: Fedora 33–40, EL9 and EL10 run brp-fix-pyc-reproducibility, which fails without
 * /usr/bin/marshalparser ('needed'); from Fedora 41 add-determinism already rewrites every .pyc in
 * the buildroot ('redundant', harmless when kept with its BuildRequires); EL7 and EL8 have no such
 * step ('no-effect'). speclint's Fedora targets start at 33, so no older Fedora needs a row.
 */
export type ReproducibleEffect = 'needed' | 'redundant' | 'no-effect';

export function reproducibleEffect(target: Target): ReproducibleEffect {
  if (target.distribution === 'rhel') return target.release >= 9 ? 'needed' : 'no-effect';
  return target.release >= 41 ? 'redundant' : 'needed';
}

export const REPRODUCIBLE_ORIGIN = '--reproducible';

/** The spec's own definition of `%py_reproducible_pyc_path` in a branch the target may read. */
export function reproducibleDefinition(expansion: SpecExpansion): (ExpandedLine & { readonly line: MacroDefinitionLine }) | null {
  const found = expansion.lines.find((l) => l.state !== 'inactive' && l.line.kind === 'macro-definition'
    && l.line.name.text === 'py_reproducible_pyc_path' && !l.line.keyword.text.endsWith('undefine'));
  return (found as (ExpandedLine & { readonly line: MacroDefinitionLine }) | undefined) ?? null;
}

/**
 * The definition to add, after the last BuildRequires of the main preamble (where PY008 then puts
 * `BuildRequires: /usr/bin/marshalparser` just before it), or null when the target does not need it,
 * the spec defines it already, or the preamble has no tag to follow.
 */
export function reproducibleFix(expansion: SpecExpansion, model: BuildrootModel, eol: string): Fix | null {
  if (reproducibleEffect(expansion.target) !== 'needed' || reproducibleDefinition(expansion) !== null) return null;
  const tags = preambleAnchors(expansion.lines);
  const tagNamed = (pattern: RegExp): ExpandedTag[] => tags.filter((l) => pattern.test(l.line.name.text));
  // %global expands its body at once, and %{buildroot} is made of Name, Version and Release: come after them.
  const anchor = [...tagNamed(/^buildrequires$/i).slice(-1), ...tagNamed(/^(name|version|release)$/i)]
    .reduce<ExpandedTag | null>((a, b) => (a === null || b.line.span.start > a.line.span.start ? b : a), null) ?? tags.at(-1) ?? null;
  if (anchor === null) return null;
  const line = `%global py_reproducible_pyc_path ${reproduciblePath(expansion, model)}`;
  return makeFix('Define %py_reproducible_pyc_path', 'safe', [insertAfterLine(anchor.line, line, eol)]);
}

/**
 * brp-fix-pyc-reproducibility takes one path and fails when it does not exist (facts d), so the
 * conventional `%{buildroot}%{python3_sitelib}` only fits a package whose Python all goes there;
 * private modules, arched packages and file lists speclint cannot see get the whole buildroot,
 * which always exists and holds every .pyc.
 */
function reproduciblePath(expansion: SpecExpansion, model: BuildrootModel): string {
  const expander = new MacroExpander(expansion.scope);
  const paths = [
    ...model.installed.filter((i) => i.state === 'active').map((i) => i.path),
    ...model.shipped.filter((s) => s.state === 'active' && s.path.startsWith('/')).map((s) => s.path),
  ];
  const python = paths.filter(isInPythonDir);
  if (python.length === 0 || privateModules(model).length > 0) return '%{buildroot}';
  for (const macro of ['python3_sitelib', 'python3_sitearch']) {
    const dir = expander.expand(`%{${macro}}`);
    if (python.every((p) => isBelow(p, dir))) return `%{buildroot}%{${macro}}`;
  }
  return '%{buildroot}';
}

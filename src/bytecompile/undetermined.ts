import { MacroExpander } from '../macros/expand.js';
import type { ExpandedLine, SpecExpansion } from '../macros/spec-expander.js';
import { hasUnknown } from '../macros/unknown.js';
import { type BuildrootModel, isConcretePath } from '../model/buildroot.js';
import { DirectorySet, PathSet } from '../model/path-index.js';
import { mayHoldPrivateModules } from '../model/python-paths.js';
import { shellWords } from '../model/shell-words.js';
import type { Line, Span } from '../parse/cst.js';
import { LineIndex } from '../parse/line-index.js';
import { isByteCompiled } from '../rules/utils/is-byte-compiled.js';
import { NOT_CONTENT, privateModules } from '../rules/utils/private-modules.js';

/** A place where the spec may hold private modules that speclint cannot see. */
export interface Undetermined {
  /** The line in question. */
  readonly span: Span;
  readonly reason: string;
  /** What to do if the answer is yes. */
  readonly suggestion: string | null;
}

/** Installers whose files speclint cannot list: make, ninja, meson and cmake installs, and their macros. */
const OPAQUE_INSTALL = /\b(g?make|ninja)\b.*\binstall\b|\bmeson\s+install\b|\bcmake\s+--install\b|%\{?(make_?install|meson_install|cmake_install|ninja_install)\b/;
/** Where an application keeps its own files, and so may keep private modules. */
const APPLICATION_DIR = /^\/(usr\/(share|lib|lib64|libexec)|opt)\/[^/]+/;
/** Directories there that hold data other programs read, never an application's modules. */
const DATA_DIR = /^\/usr\/(share\/(applications|icons|pixmaps|locale|metainfo|appdata|mime|dbus-1|polkit-1|glib-2\.0|gir-1\.0|fonts|sounds|themes|help|info|gtk-doc|pkgconfig|vim|emacs|aclocal|cmake|X11|xsessions|wayland-sessions|systemd)|lib(64)?\/(systemd|udev|tmpfiles\.d|sysusers\.d|modules-load\.d|sysctl\.d|pkgconfig|girepository-1\.0|firmware|modules|rpm|dracut|environment\.d|binfmt\.d|\.build-id))(\/|$)/;
/** A macro reference left in expanded text: the target does not define it. */
const UNEXPANDED = /%\{?[!?]*([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Where speclint cannot tell whether private modules are installed, so that the plan says so
 * instead of reporting nothing: a `%py_byte_compile` path it cannot expand (PY001 then adds no call
 * at all), install destinations and `%files` entries named by macros the target does not define or
 * by shell output, lines under conditions it cannot decide, and directories that `%files` ships
 * but only `make install` and the like fill. `interpreter` is null where rpm's automatic step
 * compiles private modules (EL7), so no call is suggested.
 */
export function undeterminedModules(expansion: SpecExpansion, model: BuildrootModel, interpreter: string | null): Undetermined[] {
  const found: Undetermined[] = [];
  const seen = new Set<Line>();
  const add = (line: Line, reason: string, suggestion: string | null = null): void => {
    if (seen.has(line)) return;
    seen.add(line);
    found.push({ span: line.span, reason, suggestion });
  };
  for (const call of model.byteCompiles) {
    if (call.state !== 'inactive' && call.unresolved) add(call.line, 'speclint cannot expand the path this %py_byte_compile compiles, so it adds no %py_byte_compile anywhere');
  }
  const target = expansion.target.id;
  for (const line of expansion.lines) {
    const paths = writtenPaths(line, expansion, model.buildroot);
    if (paths.length === 0) continue;
    const what = line.section.name === 'install' ? 'installs' : 'ships';
    const names = [...new Set(paths.flatMap((p) => [...p.matchAll(UNEXPANDED)].map((m) => `%{${m[1]!}}`)))];
    if (paths.some(hasUnknown)) add(line.line, `cannot tell what this line ${what}: it uses the output of %(…) or Lua, which speclint does not run`);
    else if (names.length > 0) add(line.line, `cannot tell what this line ${what}: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not defined for ${target}`);
    else if (line.state === 'undecided') add(line.line, `cannot tell whether rpm reads this line for ${target}: its condition depends on output speclint does not run`);
  }
  const installer = expansion.lines.find((l) => l.state === 'active' && l.section.name === 'install' && l.expanded !== null && OPAQUE_INSTALL.test(l.expanded.text));
  if (installer !== undefined) {
    const at = new LineIndex(expansion.file.source).position(installer.line.span.start).line;
    for (const dir of filledByInstaller(model)) {
      add(dir.line, `cannot tell whether ${dir.path} holds Python modules: line ${at} installs files speclint cannot list, and %files shows no .py file there`,
        interpreter === null ? null : `if it does, add at the end of %install: %py_byte_compile ${interpreter} ${dir.writtenDir ?? `%{buildroot}${dir.path}`}`);
    }
  }
  return found;
}

/**
 * The destinations of an %install line and the paths of a %files line that may hold private
 * modules, expanded; for lines rpm surely reads, only those still holding an unknown part.
 */
function writtenPaths(line: ExpandedLine, expansion: SpecExpansion, buildroot: string): string[] {
  if (line.state === 'inactive') return [];
  let paths: string[];
  // The section first: a plain line makes its expansion only when it is asked for.
  if (line.section.name === 'install' && line.expanded !== null) {
    paths = shellWords(line.expanded.text).map((w) => insideBuildroot(w.text, buildroot)).filter((p) => p !== null);
  } else if (line.section.name === 'files' && line.line.kind === 'file-entry') {
    if (line.line.directives.some((d) => NOT_CONTENT.has(d.name))) return [];
    const expander = new MacroExpander(expansion.scope);
    const source = expansion.file.source;
    paths = line.line.paths.map((p) => expander.expand(source.slice(p.span.start, p.span.end)));
  } else {
    return [];
  }
  return paths.filter((p) => mayHoldModules(p) && (line.state === 'undecided' || hasUnknown(p) || /%\{?[!?]*[A-Za-z_]/.test(p)));
}

/** A destination in the buildroot, without the buildroot, or null. */
function insideBuildroot(word: string, buildroot: string): string | null {
  const unquoted = word.replace(/["']/g, '');
  if (buildroot !== '' && unquoted.startsWith(buildroot)) return unquoted.slice(buildroot.length);
  const variable = /^\$\{?RPM_BUILD_ROOT\}?/.exec(unquoted);
  return variable === null ? null : unquoted.slice(variable[0].length);
}

/** A `.py` path, or a path whose directory is unknown or belongs to an application. */
function mayHoldModules(path: string): boolean {
  if (/\.py\b/.test(path)) return true;
  const known = path.split(/%|\uE000/)[0]!;
  if (known !== path) return known === '' || /^\/(usr\/(share|lib|lib64|libexec)|opt)\/?$/.test(known) || (APPLICATION_DIR.test(known) && !DATA_DIR.test(known) && mayHoldPrivateModules(known));
  return APPLICATION_DIR.test(path) && !DATA_DIR.test(path) && mayHoldPrivateModules(path);
}

/** Application directories that %files ships whole, that nothing shows to hold Python or compiles. */
function filledByInstaller(model: BuildrootModel): { path: string; line: Line; writtenDir: string | null }[] {
  // Sets, not a scan of the modules and calls for every entry: linear in the size of the spec.
  const modules = privateModules(model);
  const modulePaths = new PathSet(modules.map((m) => m.path));
  const moduleDirs = new DirectorySet(modules.map((m) => m.dir));
  const compiledPaths = new PathSet(model.byteCompiles.flatMap((b) => (b.installedPath === null ? [] : [b.installedPath])));
  return model.shipped
    .filter((s) => s.state === 'active' && isConcretePath(s.path) && !s.directives.some((d) => NOT_CONTENT.has(d)))
    .map((s) => ({ path: s.path.replace(/\/+$/, ''), line: s.line, writtenDir: s.writtenDir }))
    .filter(({ path }) => APPLICATION_DIR.test(path) && !DATA_DIR.test(path) && mayHoldPrivateModules(path)
      && !/\.[A-Za-z0-9*]+$/.test(path.slice(path.lastIndexOf('/') + 1)) && !path.includes('*')
      && !modulePaths.holdsBelow(path) && !moduleDirs.holdsAbove(path)
      && !isByteCompiled(model, path) && !compiledPaths.holdsBelow(path));
}

import { makeFix } from '../fix/edit.js';
import { MacroExpander } from '../macros/expand.js';
import type { MacroScope } from '../macros/scope.js';
import type { InstalledPath } from '../model/buildroot.js';
import { DirectorySet, isBelow, itemsBelow } from '../model/path-index.js';
import { defineRule } from './define-rule.js';
import { commandEnd } from '../parse/command-end.js';
import { insertAfterLine } from './utils/insert-after-line.js';
import { isByteCompiled } from './utils/is-byte-compiled.js';
import { type PrivateModule, privateModules } from './utils/private-modules.js';
import { python3InterpreterMacro } from './utils/python3-interpreter-macro.js';
import { uncallableByteCompile } from './utils/uncallable-byte-compile.js';

/** A private module tree: everything installed below one application directory. */
interface Group {
  readonly top: string;
  readonly paths: PrivateModule[];
}

export default defineRule({
  id: 'PY001',
  name: 'private-module-not-byte-compiled',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'byte-compilation'],
  messages: {
    package: (d: { dir: string }) => `Python modules in ${d.dir} are installed outside site-packages and nothing byte-compiles them`,
    loose: (d: { path: string }) => `${d.path} is installed outside site-packages and nothing byte-compiles it`,
  },
  docs: {
    summary: 'Python modules installed outside the Python directories are not byte-compiled',
    explanation: [
      'Since Fedora 30 (and on EL8 and later) rpm byte-compiles only files below `/usr/lib*/pythonX.Y/`.',
      'A private module tree, such as plugins in `%{_datadir}/%{name}`, ships without `.pyc` files: the',
      'first import writes them into a root-owned directory (or fails to), and every start is slower.',
      'The Python guidelines ask for an explicit `%py_byte_compile %{python3} %{buildroot}<dir>` in `%install`.',
      'The fix adds that call after the command that last writes into the directory (or at the end of',
      '`%install`, after its header when it has no command). There is none where the spec defines or',
      'undefines `%py_byte_compile` itself, where it has no `%install`, where the last command of',
      '`%install` goes on past lines speclint cannot follow, or where a command under a condition',
      'speclint cannot decide (`%if %(…)`) may run last; a call that does not expand cleanly in the',
      'spec\'s own macros is offered as unsafe.',
    ].join('\n'),
    bad: [
      'Name:           quokka',
      'BuildRequires:  python3-devel',
      '%install',
      'install -d %{buildroot}%{_datadir}/%{name}/engine',
      'install -m644 engine/*.py %{buildroot}%{_datadir}/%{name}/engine/',
      '%files',
      '%{_datadir}/%{name}/',
      '',
    ].join('\n'),
    good: [
      'Name:           quokka',
      'BuildRequires:  python3-devel',
      '%install',
      'install -d %{buildroot}%{_datadir}/%{name}/engine',
      'install -m644 engine/*.py %{buildroot}%{_datadir}/%{name}/engine/',
      '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/engine',
      '%files',
      '%{_datadir}/%{name}/',
      '',
    ].join('\n'),
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#manual-bytecompilation',
  },
  *check(ctx) {
    // On EL7 the automatic step compiles private modules with Python 2: PY018 covers that.
    if (ctx.target.id === 'el7') return;
    const { installed, installEnd } = ctx.buildroot;
    const calls = ctx.buildroot.byteCompiles.filter((b) => b.state !== 'inactive');
    // What a call compiles is unknown when its path holds text we could not expand (shell output
    // in the version, `%{sub …}`): say nothing rather than guess.
    if (calls.some((b) => b.unresolved)) return;
    // A path given as a third argument is meant to be compiled: PY015 reports and fixes that call.
    const meant = new DirectorySet(calls.flatMap((b) => b.ignoredPaths));
    const callable = uncallableByteCompile(ctx.expansion.scope) === null;
    const uncovered = privateModules(ctx.buildroot)
      .filter((m) => !isByteCompiled(ctx.buildroot, m.path) && !meant.holdsAbove(m.path));
    const interpreter = python3InterpreterMacro(ctx.target);
    const groups = groupByApplication(uncovered).map((group) => ({ ...group, dir: commonDirectory(group.paths) }));
    // One pass over %install for all the groups: a spec with many applications stays linear.
    const writersBelow = itemsBelow(groups.map((g) => g.dir), installed.filter((i) => i.state === 'active'), (i) => i.path);
    for (const group of groups) {
      const { dir } = group;
      const writers = writersBelow(dir);
      // Files that only %files shows (meson, make install) are compiled at the end of %install.
      const last = writers.length > 0 ? commandEnd(ctx.file, writers.reduce((a, b) => (b.line.span.end > a.line.span.end ? b : a)).line) : installEnd;
      // A spelling from %files may use a macro defined there, after %install: not at the new line.
      const candidates = [...writers.map(writtenDirOfWriter), ...group.paths]
        .filter((c) => c.writtenDir === null || last === null || definedBy(c.writtenDir, last.span.end, ctx.expansion.scope));
      const spelling = writtenSpelling(dir, candidates);
      const call = `%py_byte_compile ${interpreter} ${spelling}`;
      const fix = last === null || !callable ? undefined : makeFix(
        `Add %py_byte_compile for ${dir} to %install`,
        expandsCleanly(ctx.expansion.scope, call) ? 'safe' : 'unsafe',
        [insertAfterLine(last, call, ctx.eol)],
      );
      const first = group.paths[0]!;
      const isPackage = group.paths.length > 1 || group.paths.some((p) => p.kind !== 'file' || p.path.endsWith('__init__.py'));
      yield isPackage
        ? ctx.report('package', { dir }, first.span, { fix })
        : ctx.report('loose', { path: first.path }, first.span, { fix, severity: 'warning' });
    }
  },
});

/** Whether the line expands without an error in the spec's own macros (some specs redefine `%python`). */
function expandsCleanly(scope: MacroScope, line: string): boolean {
  const expander = new MacroExpander(scope);
  expander.expand(line);
  return !expander.diagnostics.some((d) => d.severity === 'error');
}

/** Groups paths by the application directory they belong to: `/usr/share/<app>`, `/opt/<app>`, … */
function groupByApplication(paths: readonly PrivateModule[]): Group[] {
  const groups = new Map<string, Group>();
  for (const path of paths) {
    const parts = path.path.split('/').filter((p) => p !== '');
    const depth = parts[0] === 'usr' ? 3 : 2;
    const top = `/${parts.slice(0, Math.min(depth, parts.length)).join('/')}`;
    const group = groups.get(top) ?? { top, paths: [] };
    group.paths.push(path);
    groups.set(top, group);
  }
  return [...groups.values()];
}

/** The deepest directory holding every path of the group (a file counts by its directory). */
function commonDirectory(paths: readonly PrivateModule[]): string {
  const dirs = paths.map((p) => p.dir.split('/'));
  const common: string[] = [];
  for (let i = 0; dirs.every((d) => d[i] !== undefined && d[i] === dirs[0]![i]); i++) common.push(dirs[0]![i]!);
  return common.join('/') || '/';
}

/** Whether every macro the text names is defined by the target or by the spec before `offset`. */
function definedBy(text: string, offset: number, scope: MacroScope): boolean {
  return [...text.matchAll(/%\{?[!?]*([A-Za-z_][A-Za-z0-9_]*)/g)].every(([, name]) => {
    const origin = scope.get(name!)?.origin;
    return origin !== undefined && (origin.kind !== 'spec' || origin.span.start < offset);
  });
}

/** A directory and how the spec spells it. */
interface Written {
  readonly dir: string;
  readonly writtenDir: string | null;
}

function writtenDirOfWriter(writer: InstalledPath): Written {
  return { dir: writer.kind === 'file' ? writer.path.replace(/\/[^/]*$/, '') : writer.path, writtenDir: writer.writtenDir };
}

/**
 * The directory as the author spells it, from an install destination or a `%files` entry at that
 * directory or below it (dropping literal trailing components); else the expanded path.
 */
function writtenSpelling(dir: string, candidates: readonly Written[]): string {
  for (const { dir: at, writtenDir } of candidates) {
    if (writtenDir === null || !isBelow(at, dir)) continue;
    const extra = at.slice(dir.length);
    if (extra === '') return writtenDir;
    if (writtenDir.endsWith(extra)) return writtenDir.slice(0, -extra.length);
  }
  return `%{buildroot}${dir}`;
}

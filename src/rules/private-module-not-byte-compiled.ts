import { makeFix } from '../fix/edit.js';
import type { InstalledPath } from '../model/buildroot.js';
import { isBelow } from '../model/python-paths.js';
import { defineRule } from './define-rule.js';
import { insertAfterLine } from './utils/insert-after-line.js';
import { privateModules, isByteCompiled } from './utils/private-modules.js';
import { python3InterpreterMacro } from './utils/python3-interpreter-macro.js';

/** A private module tree: everything installed below one application directory. */
interface Group {
  readonly top: string;
  readonly paths: InstalledPath[];
}

export default defineRule({
  id: 'PY001',
  name: 'private-module-not-byte-compiled',
  severity: 'error',
  fixable: 'always',
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
    const { installed } = ctx.buildroot;
    const uncovered = privateModules(ctx.buildroot).filter((i) => !isByteCompiled(ctx.buildroot, i.path));
    const interpreter = python3InterpreterMacro(ctx.target);
    for (const group of groupByApplication(uncovered)) {
      const dir = commonDirectory(group.paths);
      const writers = installed.filter((i) => i.state === 'active' && isBelow(i.path, dir));
      const last = writers.reduce((a, b) => (b.line.span.end > a.line.span.end ? b : a)).line;
      const fix = makeFix(
        `Add %py_byte_compile for ${dir} to %install`,
        'safe',
        [insertAfterLine(last, `%py_byte_compile ${interpreter} ${writtenSpelling(dir, writers)}`, ctx.eol)],
      );
      const first = group.paths[0]!;
      const isPackage = group.paths.length > 1 || group.paths.some((p) => p.kind !== 'file' || p.path.endsWith('__init__.py'));
      yield isPackage
        ? ctx.report('package', { dir }, first.span, { fix })
        : ctx.report('loose', { path: first.path }, first.span, { fix, severity: 'warning' });
    }
  },
});

/** Groups paths by the application directory they belong to: `/usr/share/<app>`, `/opt/<app>`, … */
function groupByApplication(paths: readonly InstalledPath[]): Group[] {
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
function commonDirectory(paths: readonly InstalledPath[]): string {
  const dirs = paths.map((p) => (p.kind === 'file' ? p.path.replace(/\/[^/]*$/, '') : p.path).split('/'));
  const common: string[] = [];
  for (let i = 0; dirs.every((d) => d[i] !== undefined && d[i] === dirs[0]![i]); i++) common.push(dirs[0]![i]!);
  return common.join('/') || '/';
}

/**
 * The directory as the author spells it, from an install line whose destination is that
 * directory or below it (dropping literal trailing components); else the expanded path.
 */
function writtenSpelling(dir: string, writers: readonly InstalledPath[]): string {
  for (const writer of writers) {
    if (writer.writtenDir === null) continue;
    const installedDir = writer.kind === 'file' ? writer.path.replace(/\/[^/]*$/, '') : writer.path;
    const extra = installedDir.slice(dir.length);
    if (extra === '') return writer.writtenDir;
    if (writer.writtenDir.endsWith(extra)) return writer.writtenDir.slice(0, -extra.length);
  }
  return `%{buildroot}${dir}`;
}


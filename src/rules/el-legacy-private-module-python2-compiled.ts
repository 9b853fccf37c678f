import { makeFix } from '../fix/edit.js';
import { MacroExpander } from '../macros/expand.js';
import { defineRule } from './define-rule.js';
import { automaticBytecompileSwitches } from './utils/automatic-bytecompile.js';
import { insertBeforeLine } from './utils/insert-after-line.js';
import { isByteCompiled } from './utils/is-byte-compiled.js';
import { privateModules } from './utils/private-modules.js';
import { isPython3Package } from './utils/python3-package.js';

export default defineRule({
  id: 'PY018',
  name: 'el-legacy-private-module-python2-compiled',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'byte-compilation', 'epel'],
  messages: {
    python2: (d: { path: string }) => `On EL7, rpm byte-compiles the private Python 3 modules in ${d.path} with Python 2.7`,
  },
  docs: {
    summary: 'EL7 byte-compiles the private modules of a Python 3 package with Python 2',
    explanation: [
      "On EL7 the automatic step runs `brp-python-bytecompile` with `%{__python}`, Python 2.7, over every",
      '`.py` file outside the Python directories: Python-3-only syntax fails the build, otherwise Python 2',
      'byte code lands next to the sources. Define `%global __python %{__python3}` (this also points',
      '`%python_sitelib` at Python 3), or switch the step off and compile with `%py_byte_compile %{__python3}`.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires:  python%{python3_pkgversion}-devel', '%install', 'cp -a lib/*.py %{buildroot}%{_datadir}/%{name}/', ''].join('\n'),
    good: ['%global __python %{__python3}', 'Name: quokka', 'BuildRequires:  python%{python3_pkgversion}-devel', '%install', 'cp -a lib/*.py %{buildroot}%{_datadir}/%{name}/', ''].join('\n'),
    fixSafety: 'Pointing %__python at Python 3 also changes %python_sitelib and %python_version; a spec that uses them for Python 2 needs the explicit recipe instead.',
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#_manual_bytecompilation_for_epel_6_and_7',
    target: 'el7',
  },
  *check(ctx) {
    if (ctx.target.id !== 'el7' || !isPython3Package(ctx.expansion)) return;
    const python = new MacroExpander(ctx.expansion.scope).expand('%{__python}');
    if (/python3/.test(python)) return;
    const modules = privateModules(ctx.buildroot);
    const disabled = automaticBytecompileSwitches(ctx.expansion, ctx.source).some((s) => s.kind !== 'zero');
    const left = modules.filter((m) => !(disabled && isByteCompiled(ctx.buildroot, m.path)));
    const first = left[0];
    if (first === undefined) return;
    const name = ctx.file.sections[0]?.lines.find((l) => l.kind === 'tag' && /^name$/i.test(l.name.text));
    const fix = name === undefined ? undefined : makeFix('Define %__python as %{__python3}', 'unsafe', [insertBeforeLine(name, '%global __python %{__python3}', ctx.eol)]);
    yield ctx.report('python2', { path: first.path }, first.span, fix === undefined ? {} : { fix });
  },
});

import type { BuildrootModel } from '../model/buildroot.js';
import { isInPythonDir } from '../model/python-paths.js';
import { defineRule } from './define-rule.js';
import { automaticBytecompileSwitches } from './utils/automatic-bytecompile.js';
import { isByteCompiled } from './utils/is-byte-compiled.js';
import { privateModules } from './utils/private-modules.js';

export default defineRule({
  id: 'PY017',
  name: 'automatic-bytecompile-disabled',
  severity: 'warning',
  fixable: 'never',
  tags: ['python', 'byte-compilation'],
  messages: {
    disabled: (d: { how: string; what: string }) => `${d.how} switches off automatic byte-compilation, and ${d.what} is left uncompiled`,
    disabledHarmless: (d: { how: string }) => `${d.how} switches off automatic byte-compilation`,
    ineffective: () => '%global py_auto_byte_compile 0 does nothing: the byte-compilation step runs whenever the macro is defined; use %undefine py_auto_byte_compile',
  },
  docs: {
    summary: "Automatic byte-compilation is switched off, leaving Python files uncompiled",
    explanation: [
      'After `%install` rpm byte-compiles the Python directories (`brp-python-bytecompile`). Removing the',
      'step with the `__os_install_post` sed idiom or `%undefine py_auto_byte_compile` ships site-packages',
      'without byte code unless `%py_byte_compile` makes up for it. On Fedora and EL8+ keep the automatic',
      'step and compile private directories explicitly.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires: python3-devel', "%global __os_install_post %(echo '%{__os_install_post}' | sed -e 's!/usr/lib[^[:space:]]*/brp-python-bytecompile[[:space:]].*$!!g')", '%install', 'cp -a quokka %{buildroot}%{python3_sitelib}/', '%files', '%{python3_sitelib}/quokka/', ''].join('\n'),
    good: ['Name: quokka', 'BuildRequires: python3-devel', '%install', 'cp -a quokka %{buildroot}%{python3_sitelib}/', '%files', '%{python3_sitelib}/quokka/', ''].join('\n'),
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#manual-bytecompilation',
  },
  *check(ctx) {
    const switches = automaticBytecompileSwitches(ctx.expansion, ctx.source);
    // Most specs switch nothing off, and only a switch that takes effect needs the buildroot.
    const left = switches.some((s) => s.kind !== 'zero') ? firstUncompiled(ctx.buildroot) : undefined;
    for (const { kind, line } of switches) {
      const span = line.line.name.span;
      if (kind === 'zero') {
        yield ctx.report('ineffective', undefined, span, { severity: 'info' });
        continue;
      }
      const how = kind === 'sed' ? 'The __os_install_post sed idiom' : kind === 'undefine' ? '%undefine py_auto_byte_compile'
        : kind === 'brp-nil' ? 'An empty %__brp_python_bytecompile' : 'An empty %__os_install_post';
      yield left === undefined
        ? ctx.report('disabledHarmless', { how }, span, { severity: 'info' })
        : ctx.report('disabled', { how, what: left }, span);
    }
  },
});

/** A file that no `%py_byte_compile` covers: in the Python dirs first, else a private module. */
function firstUncompiled(model: BuildrootModel): string | undefined {
  const inPythonDir = [...model.installed, ...model.shipped].find((p) => p.state === 'active' && isInPythonDir(p.path) && !isByteCompiled(model, p.path));
  return inPythonDir?.path ?? privateModules(model).find((p) => !isByteCompiled(model, p.path))?.path;
}

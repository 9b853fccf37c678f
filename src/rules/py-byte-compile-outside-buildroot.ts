import { edit, makeFix } from '../fix/edit.js';
import { isUnresolved, stripBuildroot } from '../model/buildroot.js';
import { defineRule } from './define-rule.js';
import { byteCompileCalls } from './utils/byte-compile-calls.js';

export default defineRule({
  id: 'PY013',
  name: 'py-byte-compile-outside-buildroot',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'byte-compilation'],
  messages: {
    outside: (d: { path: string }) => `%py_byte_compile compiles ${d.path}, which is not in the buildroot`,
  },
  docs: {
    summary: '%py_byte_compile is given a path outside the buildroot',
    explanation: [
      "`%py_byte_compile` compiles the files in the buildroot and strips `$RPM_BUILD_ROOT` to record where",
      'they will live. A path without the buildroot compiles the build machine\'s own files (or nothing),',
      'and the package ships no byte code. The fix prefixes an absolute path with `%{buildroot}`; a',
      'relative one is relative to the build directory, and what it meant in the buildroot is a guess.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires: python3-devel', '%global appdir %{_datadir}/%{name}', '%install', 'cp -a src/quokka %{buildroot}%{appdir}/', '%py_byte_compile %{python3} %{appdir}', ''].join('\n'),
    good: ['Name: quokka', 'BuildRequires: python3-devel', '%global appdir %{_datadir}/%{name}', '%install', 'cp -a src/quokka %{buildroot}%{appdir}/', '%py_byte_compile %{python3} %{buildroot}%{appdir}', ''].join('\n'),
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#manual-bytecompilation',
  },
  *check(ctx) {
    const buildroot = ctx.buildroot.buildroot;
    for (const call of byteCompileCalls(ctx.expansion, ctx.source)) {
      const path = call.args[1];
      if (call.line.state !== 'active' || path === undefined || path.value.includes('%') || isUnresolved(path.value, buildroot) || stripBuildroot(path.value, buildroot) !== null) continue;
      // A relative path is relative to the build directory: what it meant in the buildroot is a guess.
      const fix = /^["']?\//.test(path.value) ? makeFix(`Prefix the path with %{buildroot}`, 'safe', [edit.insert(path.span.start, '%{buildroot}')]) : undefined;
      yield ctx.report('outside', { path: path.value }, path.span, { fix });
    }
  },
});

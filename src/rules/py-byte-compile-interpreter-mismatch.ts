import { edit, makeFix } from '../fix/edit.js';
import { MacroExpander } from '../macros/expand.js';
import { stripBuildroot } from '../model/buildroot.js';
import { pythonDirVersion } from '../model/python-paths.js';
import { defineRule } from './define-rule.js';
import { byteCompileCalls } from './utils/byte-compile-calls.js';
import { isPython3Package } from './utils/python3-package.js';
import { python3InterpreterMacro } from './utils/python3-interpreter-macro.js';

const UNVERSIONED = /^(%\{?__python\}?|%\{?python\}?|\/usr\/bin\/python|python)$/;

export default defineRule({
  id: 'PY004',
  name: 'py-byte-compile-interpreter-mismatch',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'byte-compilation', 'interpreter'],
  messages: {
    unversioned: (d: { interpreter: string }) => `%py_byte_compile with the unversioned ${d.interpreter}: name the Python it is for`,
    notInterpreter: (d: { interpreter: string }) => `%py_byte_compile's first argument ${d.interpreter} is not a Python interpreter`,
    directory: (d: { interpreter: string; version: string; dir: string }) => `${d.interpreter} is Python ${d.version}, but it compiles files in a Python ${d.dir} directory`,
    python2: (d: { interpreter: string }) => `${d.interpreter} compiles the private modules of a Python 3 package with Python 2`,
  },
  docs: {
    summary: "%py_byte_compile's interpreter does not match the Python the files are for",
    explanation: [
      'The interpreter decides the magic number and cache tag of the byte code. Files in a `pythonA.B`',
      'directory compiled by another Python are never used; a Python 3 package compiled with Python 2',
      'fails on Python 3 syntax or ships byte code nobody loads; `%{__python}` is an error on Fedora',
      'and EL8 or later. The fix names the target\'s interpreter macro; there is none for files in a',
      'directory of another Python (PY002 reports that directory) or where the spec redefines the macro.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires: python3-devel', '%install', 'cp -a contrib %{buildroot}%{_datadir}/%{name}/', '%py_byte_compile %{__python2} %{buildroot}%{_datadir}/%{name}/contrib', ''].join('\n'),
    good: ['Name: quokka', 'BuildRequires: python3-devel', '%install', 'cp -a contrib %{buildroot}%{_datadir}/%{name}/', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/contrib', ''].join('\n'),
    fixSafety: 'Changing the interpreter changes which byte code is built; it is safe when the files are meant for the target\'s Python 3.',
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#manual-bytecompilation',
  },
  *check(ctx) {
    // Most specs make no call, and need none of what follows.
    const calls = byteCompileCalls(ctx.expansion, ctx.source);
    if (calls.length === 0) return;
    const expander = new MacroExpander(ctx.expansion.scope);
    const python3 = expander.expand('%{python3_version}');
    const legacy = ctx.target.id === 'el7' || ctx.target.id === 'el8';
    const python3Package = isPython3Package(ctx.expansion);
    const python2Macro = '%{__python2}';
    const python3Macro = python3InterpreterMacro(ctx.target);
    // What each fix would name, as the spec's own macros have it.
    const versionOf = new Map([python2Macro, python3Macro].map((macro) => [macro, interpreterVersion(expander.expand(macro), python3)]));
    for (const call of calls) {
      const interpreter = call.args[0];
      if (call.line.state !== 'active' || interpreter === undefined || interpreter.text.startsWith('-')) continue;
      const installed = call.args[1] === undefined ? null : stripBuildroot(call.args[1].value, ctx.buildroot.buildroot);
      const dir = installed === null ? null : pythonDirVersion(installed);
      const replacement = dir === '2.7' && legacy ? python2Macro : python3Macro;
      // The fix must leave an interpreter that matches: not where the files sit in a directory of
      // another Python (a hard-coded python3.9 on a 3.14 target, which PY002 reports), nor where the
      // spec has redefined the macro into something else.
      const fixed = versionOf.get(replacement)!;
      const fix = fixed !== null && (dir === null || dir === fixed)
        ? makeFix(`Compile with ${replacement}`, 'safe', [edit.replace(interpreter.span, replacement)])
        : undefined;
      if (UNVERSIONED.test(interpreter.text) && ctx.target.id !== 'el7') {
        yield ctx.report('unversioned', { interpreter: interpreter.text }, interpreter.span, { fix });
        continue;
      }
      const version = interpreterVersion(interpreter.value, python3);
      if (version === null) {
        yield ctx.report('notInterpreter', { interpreter: interpreter.text }, interpreter.span, { fix });
      } else if (dir !== null && dir !== version) {
        yield ctx.report('directory', { interpreter: interpreter.text, version, dir }, interpreter.span, { fix });
      } else if (dir === null && version.startsWith('2') && python3Package) {
        yield ctx.report('python2', { interpreter: interpreter.text }, interpreter.span, { fix });
      }
    }
  },
});

/** `X.Y` of an interpreter path: versioned, python3 (the target's), python2 or python (2.7 where it exists). */
function interpreterVersion(path: string, python3: string): string | null {
  const exact = /python(\d\.\d+)$/.exec(path);
  if (exact !== null) return exact[1]!;
  if (/python3$/.test(path)) return python3;
  if (/python2?$/.test(path)) return '2.7';
  return null;
}

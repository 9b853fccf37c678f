import { edit, makeFix } from '../fix/edit.js';
import { defineRule } from './define-rule.js';
import { byteCompileCalls } from './utils/byte-compile-calls.js';
import { hasUnknown } from '../macros/unknown.js';

export default defineRule({
  id: 'PY015',
  name: 'py-byte-compile-argument-count',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'byte-compilation'],
  messages: {
    tooFew: () => '%py_byte_compile needs an interpreter and a path',
    option: (d: { option: string }) => `%py_byte_compile takes an interpreter, not the option ${d.option}`,
    tooMany: (d: { extra: number }) => `%py_byte_compile compiles one path; ${d.extra === 1 ? 'the argument after it is' : `the ${d.extra} arguments after it are`} ignored`,
  },
  docs: {
    summary: '%py_byte_compile has the wrong number of arguments',
    explanation: [
      'The macro is `%py_byte_compile <interpreter> <path>`. With one argument it compiles nothing; paths',
      'after the second are silently ignored; an option in the interpreter argument is rejected since',
      'python-rpm-macros 3-46.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires: python3-devel', '%install', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/a %{buildroot}%{_datadir}/%{name}/b', ''].join('\n'),
    good: ['Name: quokka', 'BuildRequires: python3-devel', '%install', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/a', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/b', ''].join('\n'),
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#manual-bytecompilation',
  },
  *check(ctx) {
    for (const call of byteCompileCalls(ctx.expansion, ctx.source)) {
      if (call.line.state !== 'active') continue;
      const [interpreter, ...paths] = call.args;
      if (interpreter?.text.startsWith('-') === true) {
        yield ctx.report('option', { option: interpreter.text }, interpreter.span);
      } else if (interpreter === undefined || paths.length === 0) {
        yield ctx.report('tooFew', undefined, call.macro);
      } else if (paths.length > 1 && !call.args.some((arg) => hasUnknown(arg.value))) {
        // Shell or Lua output may hold any number of words, so only a call without it can be split.
        const lines = paths.map((p) => `%py_byte_compile ${interpreter.text} ${p.text}`).join(ctx.eol);
        const span = { start: call.macro.start, end: paths[paths.length - 1]!.span.end };
        const fix = makeFix('Compile each path with its own %py_byte_compile', 'safe', [edit.replace(span, lines)]);
        yield ctx.report('tooMany', { extra: paths.length - 1 }, paths[1]!.span, { severity: 'warning', fix });
      }
    }
  },
});

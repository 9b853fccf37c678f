import { edit, makeFix, type Fix } from '../fix/edit.js';
import type { Line } from '../parse/cst.js';
import { defineRule } from './define-rule.js';
import { byteCompileCalls } from './utils/byte-compile-calls.js';
import { insertAfterLine } from './utils/insert-after-line.js';

export default defineRule({
  id: 'PY014',
  name: 'py-byte-compile-wrong-section',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'byte-compilation'],
  messages: {
    section: (d: { section: string }) => `%py_byte_compile in %${d.section} does not compile what the package ships; it belongs in %install`,
  },
  docs: {
    summary: '%py_byte_compile is used outside %install',
    explanation: [
      'rpm wipes the buildroot when `%install` starts, so compiling in `%prep` or `%build` is lost; in a',
      'scriptlet it would run on the user\'s machine; in `%check` it runs after the buildroot policy scripts',
      'and is skipped by `--nocheck`. Byte-compile at the end of `%install`. The fix moves the line there;',
      'there is none without `%install`, where its last command goes on past lines speclint cannot follow,',
      'or where a command under a condition speclint cannot decide (`%if %(…)`) may run last.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires: python3-devel', '%install', 'cp -a lib %{buildroot}%{_datadir}/%{name}/', '%check', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}', ''].join('\n'),
    good: ['Name: quokka', 'BuildRequires: python3-devel', '%install', 'cp -a lib %{buildroot}%{_datadir}/%{name}/', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}', '%check', ''].join('\n'),
    fixSafety: 'Moving the line changes when it runs; a spec that compiles in %check on purpose (to test) would lose that, so the fix is unsafe.',
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#manual-bytecompilation',
  },
  *check(ctx) {
    const { installEnd } = ctx.buildroot;
    for (const call of byteCompileCalls(ctx.expansion, ctx.source)) {
      const section = call.line.section.name;
      if (call.line.state !== 'active' || section === 'install') continue;
      yield ctx.report('section', { section }, call.macro, {
        severity: section === 'check' ? 'warning' : 'error',
        ...moveFix(call.line.line, installEnd, ctx.source, ctx.eol),
      });
    }
  },
});

/** Delete the line and add it at the end of %install, when the spec has one. */
function moveFix(line: Line, target: Line | null, source: string, eol: string): { fix?: Fix } {
  if (target === null) return {};
  const text = source.slice(line.span.start, line.span.end - line.eol.length);
  return { fix: makeFix('Move it to the end of %install', 'unsafe', [insertAfterLine(target, text, eol), edit.delete(line.span)]) };
}

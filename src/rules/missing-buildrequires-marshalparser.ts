import { makeFix } from '../fix/edit.js';
import { defineRule } from './define-rule.js';
import { buildRequires } from './utils/build-requires.js';
import { insertBeforeLine } from './utils/insert-after-line.js';

export default defineRule({
  id: 'PY008',
  name: 'missing-buildrequires-marshalparser',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'buildrequires', 'reproducibility'],
  messages: {
    missing: () => '%py_reproducible_pyc_path is set but /usr/bin/marshalparser is not BuildRequired',
  },
  docs: {
    summary: '%py_reproducible_pyc_path is defined without BuildRequires: /usr/bin/marshalparser',
    explanation: [
      'Defining `%py_reproducible_pyc_path` runs `brp-fix-pyc-reproducibility` after `%install`, which',
      'exits with an error when `/usr/bin/marshalparser` is missing from the buildroot.',
    ].join('\n'),
    bad: ['Name: quokka', 'BuildRequires:  python3-devel', '%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}', ''].join('\n'),
    good: ['Name: quokka', 'BuildRequires:  python3-devel', 'BuildRequires:  /usr/bin/marshalparser', '%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}', ''].join('\n'),
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python_Appendix/#_byte_compilation_reproducibility',
  },
  *check(ctx) {
    // EL7 and EL8 have no brp-fix-pyc-reproducibility: PY020 covers the definition there.
    if (ctx.target.id === 'el7' || ctx.target.id === 'el8') return;
    if (buildRequires(ctx.expansion).some((br) => /^(\/usr\/bin\/marshalparser|marshalparser|python3-marshalparser)$/.test(br.name))) return;
    for (const line of ctx.expansion.lines) {
      const definition = line.line;
      if (line.state !== 'active' || definition.kind !== 'macro-definition' || definition.name.text !== 'py_reproducible_pyc_path') continue;
      if (definition.keyword.text.endsWith('undefine')) continue;
      const inPreamble = line.section.name === 'preamble' || line.section.name === 'package';
      const fix = inPreamble ? makeFix('Add BuildRequires: /usr/bin/marshalparser', 'safe', [insertBeforeLine(definition, 'BuildRequires:  /usr/bin/marshalparser', ctx.eol)]) : undefined;
      yield ctx.report('missing', undefined, definition.name.span, fix === undefined ? {} : { fix });
      return;
    }
  },
});

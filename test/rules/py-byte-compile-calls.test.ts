import argumentCount from '../../src/rules/py-byte-compile-argument-count.js';
import interpreterMismatch from '../../src/rules/py-byte-compile-interpreter-mismatch.js';
import outsideBuildroot from '../../src/rules/py-byte-compile-outside-buildroot.js';
import wrongSection from '../../src/rules/py-byte-compile-wrong-section.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const head = 'Name: quokka\nBuildRequires: python3-devel\n';

runRuleTests(interpreterMismatch, {
  valid: [
    `${head}%install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
    `${head}%install\n%py_byte_compile /usr/bin/python3.14 %{buildroot}%{python3_sitelib}/q\n`,
    { name: 'Python 2.7 dirs with Python 2 on EL7', target: 'el7', code: `${head}%install\n%py_byte_compile %{__python2} %{buildroot}%{python2_sitelib}/q\n` },
  ],
  invalid: [
    {
      name: 'unversioned',
      code: `${head}%install\n%py_byte_compile %{__python} %{buildroot}%{_datadir}/%{name}\n`,
      errors: [{ messageId: 'unversioned', line: 4, column: 18 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
    },
    {
      name: 'another Python than the directory',
      code: `${head}%install\n%py_byte_compile /usr/bin/python3.11 %{buildroot}%{python3_sitelib}/q\n`,
      errors: [{ messageId: 'directory', line: 4, column: 18 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}%{python3_sitelib}/q\n`,
    },
    {
      name: 'not an interpreter',
      code: `${head}%install\n%py_byte_compile %{buildroot}%{_datadir} %{buildroot}%{_datadir}/%{name}\n`,
      errors: [{ messageId: 'notInterpreter', line: 4, column: 18 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
    },
    {
      // No interpreter macro is Python 3.9 on Fedora: PY002 reports the directory instead.
      name: 'a hard-coded directory of another Python 3, with no fix',
      code: `${head}%install\n%py_byte_compile %{python3} %{buildroot}/usr/lib/python3.9/site-packages/q\n`,
      errors: [{ messageId: 'directory', line: 4, column: 18 }],
      output: null,
    },
    {
      name: 'a spec that redefines %{python3} into no interpreter, with no fix',
      code: `%global python3 /usr/bin/snake\n${head}%install\n%py_byte_compile /usr/bin/snake %{buildroot}%{_datadir}/%{name}\n`,
      errors: [{ messageId: 'notInterpreter', line: 5, column: 18 }],
      output: null,
    },
    {
      name: 'EL8 uses %{__python3} in the fix',
      target: 'el8',
      code: `${head}%install\n%py_byte_compile %{__python2} %{buildroot}%{_datadir}/%{name}\n`,
      errors: [{ messageId: 'python2', line: 4, column: 18 }],
      output: `${head}%install\n%py_byte_compile %{__python3} %{buildroot}%{_datadir}/%{name}\n`,
    },
  ],
});

runRuleTests(outsideBuildroot, {
  valid: [
    `${head}%install\n%py_byte_compile %{python3} $RPM_BUILD_ROOT%{_datadir}/%{name}\n`,
    `${head}%install\n%py_byte_compile %{python3} "%{buildroot}%{_datadir}/%{name}"\n`,
  ],
  invalid: [
    {
      code: `${head}%install\n%py_byte_compile %{python3} /usr/share/quokka\n`,
      errors: [{ messageId: 'outside', line: 4, column: 29 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}/usr/share/quokka\n`,
    },
    {
      name: 'a quoted path',
      code: `${head}%install\n%py_byte_compile %{python3} "/usr/share/quokka"\n`,
      errors: [{ messageId: 'outside', line: 4, column: 29 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}"/usr/share/quokka"\n`,
    },
    {
      // Relative to the build directory: `%{buildroot}quokka` would name nothing either.
      name: 'a relative path, with no fix',
      code: `${head}%install\n%py_byte_compile %{python3} quokka\n`,
      errors: [{ messageId: 'outside', line: 4, column: 29 }],
      output: null,
    },
  ],
});

runRuleTests(wrongSection, {
  valid: [`${head}%install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n%files\n`],
  invalid: [
    {
      name: 'in %build, an error',
      code: `${head}%build\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n%install\nmake install\n\n%files\n`,
      errors: [{ messageId: 'section', line: 4, column: 1, severity: 'error' }],
      output: `${head}%build\n%install\nmake install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n\n%files\n`,
    },
    {
      // Added after it, the line would be part of make's command.
      name: 'in %check, with %install ending in a backslash',
      code: `${head}%install\nmake install \\\n%check\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
      errors: [{ messageId: 'section', line: 6, column: 1, severity: 'warning' }],
      output: null,
    },
    {
      name: 'in %build, moved after the header of an %install with no command',
      code: `${head}%build\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n%install\n%files\n`,
      errors: [{ messageId: 'section', line: 4, column: 1, severity: 'error' }],
      output: `${head}%build\n%install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n%files\n`,
    },
    {
      // Moved after the header, the call could run before the install it compiles.
      name: 'in %build, with no fix where every command of %install depends on shell output',
      code: `${head}%build\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n%install\n%if %(test -d x && echo 1 || echo 0)\nmake install\n%endif\n`,
      errors: [{ messageId: 'section', line: 4, column: 1, severity: 'error' }],
      output: null,
    },
    {
      name: 'in %check, with no fix where the last command of %install depends on shell output',
      code: `${head}%install\nmkdir -p %{buildroot}%{_datadir}/%{name}\n%if %(test -d x && echo 1 || echo 0)\nmake install\n%endif\n%check\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
      errors: [{ messageId: 'section', line: 9, column: 1, severity: 'warning' }],
      output: null,
    },
    {
      name: 'in a scriptlet, with no %install to move to',
      code: `${head}%post\n%py_byte_compile %{python3} %{_datadir}/%{name}\n`,
      errors: [{ messageId: 'section', line: 4, column: 1, severity: 'error' }],
      output: null,
    },
  ],
});

runRuleTests(argumentCount, {
  valid: [
    `${head}%install\n%py_byte_compile %{python3} %{buildroot}/x\n`,
    // Shell output is one word or many only when the build runs: splitting it would loop.
    `${head}%install\n%py_byte_compile %{python3} %{buildroot}/opt/%(echo a b)\n`,
    `${head}%install\n%py_byte_compile %{python3} %{buildroot}/opt/%(echo a) %{buildroot}/b\n`,
    // A macro in brackets with blanks inside is one argument.
    `${head}%install\n%py_byte_compile %{python3} %{buildroot}%{?with_x:/opt/x}%{!?with_x:/opt/y}\n`,
  ],
  invalid: [
    { name: 'one argument', code: `${head}%install\n%py_byte_compile %{buildroot}/x\n`, errors: [{ messageId: 'tooFew', line: 4, column: 1 }], output: null },
    { name: 'an option', code: `${head}%install\n%py_byte_compile -O %{python3} %{buildroot}/x\n`, errors: [{ messageId: 'option', line: 4, column: 18 }], output: null },
    {
      name: 'three paths',
      code: `${head}%install\n%py_byte_compile %{python3} %{buildroot}/a %{buildroot}/b %{buildroot}/c\n`,
      errors: [{ messageId: 'tooMany', line: 4, column: 44 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}/a\n%py_byte_compile %{python3} %{buildroot}/b\n%py_byte_compile %{python3} %{buildroot}/c\n`,
    },
  ],
});

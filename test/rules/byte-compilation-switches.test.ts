import automaticBytecompileDisabled from '../../src/rules/automatic-bytecompile-disabled.js';
import elLegacy from '../../src/rules/el-legacy-private-module-python2-compiled.js';
import marshalparser from '../../src/rules/missing-buildrequires-marshalparser.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const head = 'Name: quokka\nBuildRequires: python3-devel\n';
const sed = "%global __os_install_post %(echo '%{__os_install_post}' | sed -e 's!/usr/lib[^[:space:]]*/brp-python-bytecompile[[:space:]].*$!!g')\n";

runRuleTests(marshalparser, {
  valid: [
    `${head}BuildRequires: /usr/bin/marshalparser\n%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}\n`,
    { name: 'in a branch the target never takes', code: `${head}%if 0%{?rhel}\n%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}\n%endif\n` },
    { name: 'EL8 has no such step', target: 'el8', code: `${head}%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}\n` },
  ],
  invalid: [{
    code: `${head}%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}\n`,
    errors: [{ messageId: 'missing', line: 3, column: 9 }],
    output: `${head}BuildRequires:  /usr/bin/marshalparser\n%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}\n`,
  }, {
    name: 'defined in %install, where a BuildRequires line cannot go',
    code: `${head}%install\n%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}\n`,
    errors: [{ messageId: 'missing', line: 4, column: 9 }],
    output: null,
  }],
});

runRuleTests(automaticBytecompileDisabled, {
  valid: [`${head}%install\ncp -a q %{buildroot}%{python3_sitelib}/\n%files\n%{python3_sitelib}/q/\n`],
  invalid: [
    {
      name: 'the sed idiom over site-packages',
      code: `${head}${sed}%files\n%{python3_sitelib}/q/\n`,
      errors: [{ messageId: 'disabled', line: 3, column: 9, severity: 'warning' }],
      output: null,
    },
    {
      name: 'switched off, with nothing left uncompiled',
      code: `${head}%undefine py_auto_byte_compile\n%install\n%py_byte_compile %{python3} %{buildroot}%{python3_sitelib}\n%files\n%{python3_sitelib}/q/\n`,
      errors: [{ messageId: 'disabledHarmless', line: 3, column: 11, severity: 'info' }],
      output: null,
    },
    {
      name: 'py_auto_byte_compile 0 does nothing',
      code: `${head}%global py_auto_byte_compile 0\n`,
      errors: [{ messageId: 'ineffective', line: 3, column: 9, severity: 'info' }],
      output: null,
    },
  ],
});

runRuleTests(elLegacy, {
  valid: [
    { name: '%__python points at Python 3', target: 'el7', code: `%global __python %{__python3}\n${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n` },
    { name: 'the explicit recipe', target: 'el7', code: `${sed}${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n%py_byte_compile %{__python3} %{buildroot}%{_datadir}/%{name}\n` },
    { name: 'not EL7', code: `${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n` },
  ],
  invalid: [{
    target: 'el7',
    code: `${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n`,
    errors: [{ messageId: 'python2', line: 4, column: 16 }],
    output: `%global __python %{__python3}\n${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n`,
  }, {
    name: 'no Name: tag to put the definition before',
    target: 'el7',
    code: 'BuildRequires: python3-devel\n%install\ncp -a lib/*.py %{buildroot}%{_datadir}/quokka/\n',
    errors: [{ messageId: 'python2', line: 3, column: 16 }],
    output: null,
  }],
});

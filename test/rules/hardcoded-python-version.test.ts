import rule from '../../src/rules/hardcoded-python-version.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const head = 'Name: quokka\nBuildRequires: python3-devel\n';

runRuleTests(rule, {
  valid: [
    { name: 'the interpreter\'s own package', code: 'Name: python3.12\n%files\n/usr/lib/python3.12/site-packages/\n' },
    { name: 'dist names of an alternative stack', code: '%global python3_pkgversion 38\nName: python38-q\nBuildRequires: python3.8dist(setuptools)\n' },
    { name: 'a %global holding the Python macro, whose stored value is a version', code: `%global pyver %{python3_version}\n${head}%files\n/usr/lib/python%{pyver}/site-packages/q/\n` },
    { name: 'macros only', code: `${head}%install\ninstall -m644 a.py %{buildroot}%{python3_sitelib}/\n%files\n%{python3_sitelib}/a.py\n%{python3_sitearch}/_b.cpython-%{python3_version_nodots}*.so\n` },
    { name: 'a version in the changelog or a comment', code: `${head}%files\n%changelog\n* Mon Jan 01 2024 A <a@b> - 1-1\n- Build for python3.12\n` },
    { name: 'python2.7 paths are PY006\'s on Fedora but not hard-coded versions in %description', code: `${head}%description\nWorks with /usr/lib/python3.9/site-packages too.\n` },
  ],
  invalid: [
    {
      name: 'site-packages of another Python',
      code: `${head}%files\n/usr/lib/python3.9/site-packages/quokka/\n`,
      errors: [{ messageId: 'literal', line: 4, column: 1, severity: 'error' }],
      output: `${head}%files\n%{python3_sitelib}/quokka/\n`,
    },
    {
      name: 'the target\'s own version is a warning, and the fix is safe',
      code: `${head}%install\ncp -a x %{buildroot}%{_libdir}/python3.14/site-packages/\n`,
      errors: [{ messageId: 'literal', line: 4, column: 21, severity: 'warning' }],
      output: `${head}%install\ncp -a x %{buildroot}%{python3_sitearch}/\n`,
    },
    {
      name: 'cache tags and egg-info',
      code: `${head}%files\n%{python3_sitelib}/q-1.0-py3.14.egg-info\n%{python3_sitelib}/__pycache__/q.cpython-314.pyc\n`,
      errors: [
        { messageId: 'literal', line: 4, column: 25, severity: 'warning' },
        { messageId: 'literal', line: 5, column: 34, severity: 'warning' },
      ],
      output: `${head}%files\n%{python3_sitelib}/q-1.0-py%{python3_version}.egg-info\n%{python3_sitelib}/__pycache__/q.%{python3_version_nodots}.pyc\n`.replace('q.%{python3_version_nodots}', 'q.cpython-%{python3_version_nodots}'),
    },
    {
      name: 'a %global used in a path: reported at the use, fixed at the definition',
      code: `%global pyver 3.9\n${head}%files\n/usr/lib/python%{pyver}/site-packages/q/\n`,
      errors: [{ messageId: 'viaMacro', line: 5, column: 16, severity: 'error' }],
      output: `%global pyver %{python3_version}\n${head}%files\n/usr/lib/python%{pyver}/site-packages/q/\n`,
    },
    {
      name: 'a versioned interpreter run as a command',
      code: `${head}%check\npython3.14 -m pytest\n/usr/bin/python3.14 -c 'import q'\n`,
      errors: [
        { messageId: 'literal', line: 4, column: 1, severity: 'warning' },
        { messageId: 'literal', line: 5, column: 1, severity: 'warning' },
      ],
      output: `${head}%check\n%{python3} -m pytest\n%{python3} -c 'import q'\n`,
    },
    {
      name: 'a package named python3-x is not the interpreter',
      code: 'Name: python3-quokka\nBuildRequires: python3-devel python3.10\n',
      errors: [{ messageId: 'literal', line: 2, column: 30, severity: 'error' }],
      output: 'Name: python3-quokka\nBuildRequires: python3-devel %{python3}\n',
    },
    {
      name: 'the interpreter macro itself pinned: reported, with no fix that would define it as itself',
      code: `%global __python3 /usr/bin/python3.8\n${head}%build\n%py3_build\n`,
      errors: [{ messageId: 'literal', line: 1, column: 19, severity: 'warning' }],
      output: null,
    },
    {
      name: 'Python 2.7 on EL7 maps to the python2 macros',
      target: 'el7',
      code: `${head}%files\n/usr/lib/python2.7/site-packages/q/\n`,
      errors: [{ messageId: 'literal', line: 4, column: 1, severity: 'warning' }],
      output: `${head}%files\n%{python2_sitelib}/q/\n`,
    },
  ],
});

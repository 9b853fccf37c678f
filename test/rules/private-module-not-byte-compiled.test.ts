import rule from '../../src/rules/private-module-not-byte-compiled.js';
import { runRuleTests } from '../helpers/rule-tester.js';
import { spec } from '../helpers/spec.js';

const head = spec`
  Name:           quokka
  Version:        1.0
  BuildRequires:  python3-devel
`;

runRuleTests(rule, {
  valid: [
    { name: 'compiled explicitly', code: `${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n` },
    { name: 'compiled through a parent directory', code: `${head}%install\ninstall -m644 a.py %{buildroot}%{_datadir}/%{name}/sub/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}\n` },
    { name: 'modules in site-packages', code: `${head}%install\ninstall -m644 hook.py %{buildroot}%{python3_sitelib}/\n` },
    { name: 'scripts in /usr/bin are not modules', code: `${head}%install\ninstall -Dm755 tool.py %{buildroot}%{_bindir}/tool.py\n` },
    { name: 'documentation', code: `${head}%install\ninstall -Dm644 example.py %{buildroot}%{_docdir}/%{name}/example.py\n` },
    { name: 'a copied tree with no sign of Python', code: `${head}%install\ncp -a data %{buildroot}%{_datadir}/%{name}/\n%files\n%{_datadir}/%{name}/\n` },
    { name: 'a branch the target never takes', code: `${head}%install\n%if 0%{?rhel} == 6\ninstall -m644 a.py %{buildroot}%{_datadir}/%{name}/\n%endif\n` },
    { name: 'EL7 is PY018\'s', target: 'el7', code: `${head}%install\ninstall -m644 a.py %{buildroot}%{_datadir}/%{name}/\n` },
    { name: 'a script whose name is no identifier cannot be imported', code: `${head}%install\ninstall -Dm644 gn-format.py %{buildroot}%{_datadir}/vim/vimfiles/gn-format.py\n%files\n%{_datadir}/clang/clang-format.py*\n` },
    { name: 'scripts gdb sources, debug info, shell completions', code: `${head}%files\n%{_datadir}/gdb/auto-load/%{_libdir}/libquokka.so.1-gdb.py\n/usr/lib/debug/quokka.py\n%{_datadir}/bash-completion/completions/quokka.py\n` },
    { name: 'the free-threaded Python dir and globbed Python dirs', code: `${head}%install\ninstall -m644 a.py %{buildroot}%{_libdir}/python3.14t/site-packages/\n%files\n%{_libdir}/python*/site-packages/b.py\n%ghost %{_prefix}/lib/python3.*/site-packages/c.py\n` },
    { name: 'documentation and ghosts in %files', code: `${head}%files\n%doc examples/demo.py\n%ghost %{_datadir}/%{name}/cache.py\n` },
    { name: 'a directory given as a third argument is PY015\'s', code: `${head}%install\ninstall -m644 a/*.py %{buildroot}%{_datadir}/%{name}/a/\ninstall -m644 b/*.py %{buildroot}%{_datadir}/%{name}/b/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/a %{buildroot}%{_datadir}/%{name}/b\n` },
    { name: 'a compile call whose path holds shell output we never run', code: `Name: quokka\nVersion: %(git describe)\nBuildRequires: python3-devel\n%install\ninstall -m644 *.py %{buildroot}%{_datadir}/%{name}/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n` },
  ],
  invalid: [
    {
      name: 'plugins installed with a glob',
      code: `${head}%install\ninstall -d %{buildroot}%{_datadir}/%{name}/engine\ninstall -m644 engine/*.py %{buildroot}%{_datadir}/%{name}/engine/\n`,
      errors: [{ messageId: 'package', line: 6, column: 27 }],
      output: `${head}%install\ninstall -d %{buildroot}%{_datadir}/%{name}/engine\ninstall -m644 engine/*.py %{buildroot}%{_datadir}/%{name}/engine/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/engine\n`,
    },
    {
      name: 'two directories of one application, fixed once at their common directory',
      code: `${head}%install\ninstall -m644 a/*.py $RPM_BUILD_ROOT%{_datadir}/%{name}/a/\ninstall -m644 b/*.py $RPM_BUILD_ROOT%{_datadir}/%{name}/b/\nmake check\n`,
      errors: [{ messageId: 'package', line: 5, column: 22 }],
      output: `${head}%install\ninstall -m644 a/*.py $RPM_BUILD_ROOT%{_datadir}/%{name}/a/\ninstall -m644 b/*.py $RPM_BUILD_ROOT%{_datadir}/%{name}/b/\n%py_byte_compile %{python3} $RPM_BUILD_ROOT%{_datadir}/%{name}\nmake check\n`,
    },
    {
      name: 'a loose module is a warning',
      code: `${head}%install\ninstall -Dm644 helper.py %{buildroot}%{_libexecdir}/%{name}/helper.py\n`,
      errors: [{ messageId: 'loose', line: 5, column: 26, severity: 'warning' }],
      output: `${head}%install\ninstall -Dm644 helper.py %{buildroot}%{_libexecdir}/%{name}/helper.py\n%py_byte_compile %{python3} %{buildroot}%{_libexecdir}/%{name}\n`,
    },
    {
      name: 'a copied tree that %files shows to hold Python, on EL8 with %{__python3}',
      target: 'el8',
      code: `${head}%install\ncp -a src/quokka %{buildroot}/opt/%{name}\n%files\n/opt/%{name}/*.py\n`,
      errors: [{ messageId: 'package', line: 5, column: 18 }],
      output: `${head}%install\ncp -a src/quokka %{buildroot}/opt/%{name}\n%py_byte_compile %{__python3} %{buildroot}/opt/%{name}\n%files\n/opt/%{name}/*.py\n`,
    },
    {
      name: 'a directory reached through a %global',
      code: `%global appdir %{_datadir}/%{name}\n${head}%install\ninstall -m644 *.py %{buildroot}%{appdir}/\n`,
      errors: [{ messageId: 'package', line: 6, column: 20 }],
      output: `%global appdir %{_datadir}/%{name}\n${head}%install\ninstall -m644 *.py %{buildroot}%{appdir}/\n%py_byte_compile %{python3} %{buildroot}%{appdir}\n`,
    },
    {
      name: 'modules that only %files shows (a meson install), compiled at the end of %install',
      code: `${head}%install\n%meson_install\nrm -f %{buildroot}%{_libdir}/*.la\n\n%files\n%{_libexecdir}/%{name}/helper.py\n`,
      errors: [{ messageId: 'loose', line: 9, column: 1, severity: 'warning' }],
      output: `${head}%install\n%meson_install\nrm -f %{buildroot}%{_libdir}/*.la\n%py_byte_compile %{python3} %{buildroot}%{_libexecdir}/%{name}\n\n%files\n%{_libexecdir}/%{name}/helper.py\n`,
    },
    {
      name: 'a %files spelling whose macro is defined only in %files is not used in %install',
      code: `${head}%install\n%make_install\n%files\n%define filterdir %{_libexecdir}/news/filter\n%{filterdir}/INN.py*\n`,
      errors: [{ messageId: 'loose', line: 8, column: 1, severity: 'warning' }],
      output: `${head}%install\n%make_install\n%py_byte_compile %{python3} %{buildroot}/usr/libexec/news/filter\n%files\n%define filterdir %{_libexecdir}/news/filter\n%{filterdir}/INN.py*\n`,
    },
    {
      name: 'a file copied into a directory made earlier, with quoted paths',
      code: `${head}%install\nmkdir -p "%{buildroot}%{_datadir}/%{name}"\ncp -p main.py "%{buildroot}%{_datadir}/%{name}"\n`,
      errors: [{ messageId: 'loose', line: 6, column: 15, severity: 'warning' }],
      output: `${head}%install\nmkdir -p "%{buildroot}%{_datadir}/%{name}"\ncp -p main.py "%{buildroot}%{_datadir}/%{name}"\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
    },
    {
      name: 'a source renamed to a .py destination',
      code: `${head}Source1:        wrapper.in\n%install\ninstall -Dm644 %{SOURCE1} %{buildroot}%{_datadir}/%{name}/wrapper.py\n`,
      errors: [{ messageId: 'loose', line: 6, column: 27, severity: 'warning' }],
      output: `${head}Source1:        wrapper.in\n%install\ninstall -Dm644 %{SOURCE1} %{buildroot}%{_datadir}/%{name}/wrapper.py\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
    },
    {
      // The destination's last word is a macro holding a whole path: it is no file name to drop.
      name: 'a file installed to a path macro',
      code: `${head}%global mainfile %{_datadir}/%{name}/main.py\n%install\ninstall -Dm644 main.py %{buildroot}%{mainfile}\n`,
      errors: [{ messageId: 'loose', line: 6, column: 24, severity: 'warning' }],
      output: `${head}%global mainfile %{_datadir}/%{name}/main.py\n%install\ninstall -Dm644 main.py %{buildroot}%{mainfile}\n%py_byte_compile %{python3} %{buildroot}/usr/share/quokka\n`,
    },
    {
      // A line added right after the cp would join the command the backslash continues.
      name: 'a command continued by a backslash: the call goes after its last line',
      code: `${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/ && \\\n  touch done\n`,
      errors: [{ messageId: 'package', line: 5, column: 16 }],
      output: `${head}%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/ && \\\n  touch done\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n`,
    },
    {
      name: 'an %install with no command gets the call after its header',
      code: `${head}%install\n\n%files\n%{_datadir}/%{name}/engine/*.py\n`,
      errors: [{ messageId: 'package', line: 7, column: 1 }],
      output: `${head}%install\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/engine\n\n%files\n%{_datadir}/%{name}/engine/*.py\n`,
    },
    {
      // After mkdir, the call would run before the install it compiles.
      name: 'an %install whose last command depends on shell output gets no call',
      code: `${head}%install\nmkdir -p %{buildroot}%{_datadir}/%{name}\n%if %(test -d x && echo 1 || echo 0)\nmeson install\n%endif\n%files\n%{_datadir}/%{name}/engine/*.py\n`,
      errors: [{ messageId: 'package', line: 10, column: 1 }],
      output: null,
    },
    {
      // The call could go before the command that installs the files.
      name: 'an %install whose commands all depend on shell output gets no call',
      code: `${head}%install\n%if %(test -d x && echo 1 || echo 0)\nmeson install\n%endif\n%files\n%{_datadir}/%{name}/engine/*.py\n`,
      errors: [{ messageId: 'package', line: 9, column: 1 }],
      output: null,
    },
    {
      // rpm would find no %py_byte_compile to call after this.
      name: 'a spec that undefines %py_byte_compile gets no call',
      code: `${head}%undefine py_byte_compile\n%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n`,
      errors: [{ messageId: 'package', line: 6, column: 16 }],
      output: null,
    },
    {
      // speclint reads `plugins` as the file cp makes of one match (with more, cp needs an existing
      // directory): compiling the directory it is in covers both, spelled as the command spells it.
      name: 'a file copied to a destination with no extension',
      code: `${head}%install\ncp -p src/*.py $RPM_BUILD_ROOT%{_datadir}/%{name}/plugins\n%files\n%{_datadir}/%{name}/*.py\n`,
      errors: [{ messageId: 'package', line: 7, column: 1 }],
      output: `${head}%install\ncp -p src/*.py $RPM_BUILD_ROOT%{_datadir}/%{name}/plugins\n%py_byte_compile %{python3} $RPM_BUILD_ROOT%{_datadir}/%{name}\n%files\n%{_datadir}/%{name}/*.py\n`,
    },
  ],
});

/**
 * Hand-labelled expectations for PY001, PY002 and PY003 on real corpus specs (target fedora),
 * judged by reading each spec against the rules catalogue, without running speclint.
 */
export interface CorpusLabel {
  /** Path below ../shared/corpus. */
  readonly spec: string;
  /** Rule ids that should report the spec on fedora. Empty: none of the three. */
  readonly expected: readonly ('PY001' | 'PY002' | 'PY003')[];
  /** Why, in one or two short sentences (what you saw, with line numbers). */
  readonly reason: string;
  /**
   * Findings speclint is known to miss here, and why: the evidence lies where the model does not
   * look. The test fails when one is found after all, so the list cannot go stale.
   */
  readonly knownMisses?: readonly { readonly rule: 'PY001' | 'PY002' | 'PY003'; readonly why: string }[];
}

export const CORPUS_LABELS: readonly CorpusLabel[] = [
  // --- %py_byte_compile users -------------------------------------------------------------
  {
    spec: 'fedora-2020/gedit-plugin-editorconfig.spec',
    expected: ['PY001'],
    reason:
      'L51 copies editorconfig_gedit3.py into %{_libdir}/gedit/plugins/ (listed L61), but the %py_byte_compile on L54 only covers the editorconfig_plugin subdirectory. python%{python3_pkgversion}-devel is present.',
  },
  {
    spec: 'fedora-2020/ibus-uniemoji.spec',
    expected: [],
    reason:
      'make install fills %{_datadir}/ibus-uniemoji, and L33 compiles that exact directory. python3-devel is on L19, and no version is hard-coded.',
  },
  {
    spec: 'fedora-rawhide/dialect.spec',
    expected: [],
    reason:
      'meson installs the app under %{_datadir}/dialect, which L72 compiles. L31 BuildRequires python3-devel >= 3.10: that is a version constraint, not a path or command.',
  },
  {
    spec: 'fedora-rawhide/git-cola.spec',
    expected: [],
    reason:
      'There is no python3-devel, but %generate_buildrequires runs %pyproject_buildrequires (L56), so the exception applies. The code goes to python3_sitelib, and the L68 %py_byte_compile has no private modules to cover.',
  },
  {
    spec: 'fedora-2020/sugar-recall.spec',
    expected: [],
    reason:
      'L30 compiles %{buildroot}/%{sugaractivitydir}/Recall.activity/ (note the double slash), which is the same tree that %files L37 ships. python3-devel is on L10.',
  },
  {
    spec: 'fedora-2020/pagure-dist-git.spec',
    expected: [],
    reason:
      'L51 puts scripts/*.py in %{_libexecdir}/pagure-dist-git/, and L55 compiles it in the Fedora branch. The L17 BuildRequires python%{python_pkgversion}-devel expands to python3-devel (L5).',
  },
  {
    spec: 'fedora-rawhide/sigil.spec',
    expected: ['PY003'],
    reason:
      'L125-126 compile both private trees in %{_datadir}/sigil. The spec uses %py_byte_compile and %py3_shebang_fix, but the only Python BuildRequires is pkgconfig(python3) (L36), not python3-devel.',
  },
  {
    spec: 'fedora-2020/transmageddon.spec',
    expected: [],
    reason:
      'L45 compiles %{_datadir}/transmageddon/, which is shipped on L57. In L20, python(abi) = %{python3_version} takes its value from a macro, so it is not hard-coded. python3-devel is on L14.',
  },
  {
    spec: 'fedora-rawhide/libsecret.spec',
    expected: ['PY001'],
    reason:
      'L102 copies mock-service*.py into %{_datadir}/libsecret/ (shipped L135), but L103 compiles only the mock/ subdirectory, so those loose files get no pyc. python3-devel is on L34.',
  },
  {
    spec: 'fedora-2020/mate-menu.spec',
    expected: [],
    reason:
      'L63 compiles the glob %{_usr}/lib/%{name}/*.py, which covers the private files shipped on L80. The L82 egg-info uses a py3.* glob, not a literal version, and python3-devel is on L21.',
  },
  // --- private modules without compilation -------------------------------------------------
  {
    spec: 'fedora-rawhide/sway-systemd.spec',
    expected: [],
    reason:
      'L57 ships %{_libexecdir}/sway-systemd/assign-cgroups.py, a script the sway config runs; its name is no identifier, so nothing imports it and a .pyc would never be read. First labelled PY001, revised on review. Python appears only in runtime Requires (L16-20), so PY003 does not apply.',
  },
  {
    spec: 'fedora-rawhide/anaconda-realmd.spec',
    expected: ['PY001'],
    reason:
      'make install (L28) puts the addon module ks/realm.py under %{_datadir}/anaconda/addons/org_fedora_realm (L33), and there is no %py_byte_compile. python3-devel is on L11.',
  },
  {
    spec: 'fedora-rawhide/inkscape-psd.spec',
    expected: ['PY001'],
    reason:
      'L31-32 copy psd_import_main.py and the psd_import package into %{_datadir}/inkscape/extensions, and nothing compiles them. The only Python dependency is the runtime Requires: python3 (L11), so PY003 does not apply.',
  },
  {
    spec: 'fedora-rawhide/textern.spec',
    expected: ['PY001'],
    reason:
      'L57 ships %_libexecdir/textern/textern.py with no %py_byte_compile (L6 also turns off the BRP). python3-devel is on L25.',
  },
  {
    spec: 'fedora-rawhide/gdb-gef.spec',
    expected: ['PY001', 'PY003'],
    reason:
      'L77 installs gef.py into %{_datadir}/gdb and nothing compiles it. check is on (L1), so the python3-pytest/pylint BuildRequires on L37-45 are active, yet there is no python3-devel.',
  },
  {
    spec: 'fedora-rawhide/cinnamon.spec',
    expected: ['PY001', 'PY003'],
    reason:
      'L299 ships the cinnamon-settings .py tree in %{_datadir}/cinnamon (edited in %prep L199-211), and L312 ships %{_libexecdir}/cinnamon/cinnamon-calendar-server.py, with no compile step. It uses %{python3_sitelib} (L217, L308) but only BuildRequires python3-rpm-macros (L36).',
    knownMisses: [{ rule: 'PY001', why: 'The cinnamon-settings modules reach %{_datadir}/cinnamon through meson and are named only in %prep (L199-211); the model reads %install and %files, which list the directory alone. cinnamon-calendar-server.py is a script, not a module.' }],
  },
  {
    spec: 'fedora-2020/charliecloud.spec',
    expected: ['PY001', 'PY003'],
    reason:
      'build.py, charliecloud.py, misc.py and version.py sit in %{_libdir}/charliecloud (L122-126) and are not compiled. It uses %{python3_sitelib} on L105, but the only BuildRequires are /usr/bin/python3 and sphinx. The sphinx-build-3.6 on L76 is in the el7 branch only.',
  },
  {
    spec: 'wileyj-public-rpm-specs/puppetboard.spec',
    expected: ['PY001', 'PY002'],
    reason:
      'The source tree is rsynced (L85) and wsgi.py/settings.py are installed (L89-90) into /u/docroots/puppetboard, with no compile step. %files on L158 hard-codes /usr/lib/python2.7/site-packages. On Fedora, python-devel is BuildRequired (L7), so PY003 does not apply.',
  },
  {
    spec: 'fedora-rawhide/raysession.spec',
    expected: ['PY001', 'PY002', 'PY003'],
    reason:
      '%install hard-codes %{_prefix}/lib/python3.14/site-packages (L87, L248-250). The .py tree in %{_datadir}/raysession is never compiled (pycache is even deleted, L156-157). It uses %{python3_sitelib} and BuildRequires python3-pyqt6 (L18), but has no python3-devel.',
  },
  // --- hard-coded Python versions -----------------------------------------------------------
  {
    spec: 'terra/ops2deb.spec',
    expected: ['PY002'],
    reason:
      'L30-32 run python3.10 as a command in %install, and L11 BuildRequires python3.10. python3-devel is present on L11.',
  },
  {
    spec: 'fedora-rawhide/python38-pynetbox.spec',
    expected: ['PY002'],
    reason:
      'L2 sets %__python3 to the literal /usr/bin/python3.8, which then drives %py3_build/%py3_install. The L14 python38-devel BuildRequires is an accepted name.',
  },
  {
    spec: 'fedora-rawhide/python38-ntlm-auth-epel.spec',
    expected: [],
    reason:
      'L16-20 BuildRequire python3.8dist(...) names, which is what %{py3_dist} gives with python3_pkgversion 38 (L1); the PY002 triggers are paths, egg-info, cpython tags and commands, not dist names. First labelled PY002, revised on review. python38-devel (L14) satisfies PY003.',
  },
  {
    spec: 'copr-sundry/python-psutil.spec',
    expected: ['PY002'],
    reason:
      '%files hard-codes /usr/lib64/python2.7/site-packages (L87-93) and /usr/lib64/python3.5/site-packages (L101-107). python%{python3_pkgversion}-devel is on L17.',
  },
  {
    spec: 'fedora-2020/iguanaIR.spec',
    expected: ['PY002', 'PY003'],
    reason:
      'L140 removes %{_libdir}/python2.7/site-packages inside the active fedora>30 branch (L139). L135 uses the %{python_version} macro, but nothing Python-devel is BuildRequired. L210 is inactive, and the reflasher data directory holds no .py files.',
  },
  {
    spec: 'magiclinux/fontforge.spec',
    expected: ['PY002'],
    reason:
      '%files L143 lists fontforge-1.0-py2.7.egg-info, a literal -pyX.Y.egg-info. The package is Python 2 only, so python2-devel (L39) is accepted for PY003.',
  },
  {
    spec: 'terra/gtk4-layer-shell.spec',
    expected: ['PY002'],
    reason:
      'L8 BuildRequires the versioned interpreter python3.11. There are no Python macros or python3-* BuildRequires, so PY003 does not apply.',
  },
  {
    spec: 'terra/anki.spec',
    expected: ['PY002'],
    reason:
      'L9 BuildRequires the versioned interpreter python3.9. The site-packages paths use python* globs, and python3-devel is on L7.',
  },
  // --- missing python3-devel ------------------------------------------------------------------
  {
    spec: 'terra/depthcharge-tools.spec',
    expected: ['PY003'],
    reason:
      'The %files paths on L43-44 use %python3_version, a macro value and not a literal. BuildRequires (L9) has python3-setuptools and python3-rpm-macros but not python3-devel.',
  },
  {
    spec: 'terra/mate-tweak.spec',
    expected: ['PY003'],
    reason:
      'It uses %py3_build/%py3_install (L22, L25) with BuildRequires python3dist(setuptools) and rpm_macro(py3_build) (L11), but no python3-devel. %_prefix/lib/mate-tweak holds a .ui file and a helper, not .py, and the python3.* paths are globs.',
  },
  {
    spec: 'fedora-rawhide/partio.spec',
    expected: ['PY003'],
    reason:
      'It uses %py3_shebang_fix (L61), %python3_sitearch (L76) and %pycached (L114), but the python3 subpackage only BuildRequires pkgconfig(python3) (L52).',
  },
  {
    spec: 'fedora-rawhide/apk-tools.spec',
    expected: ['PY003'],
    reason:
      'It ships %{python3_sitearch}/apk*.so (L64) with only pkgconfig(python3) (L26). The L3 luaver 5.5 is a Lua version, not a Python one.',
  },
  {
    spec: 'fedora-2020/pitivi.spec',
    expected: ['PY003'],
    reason:
      'It moves the package into %{python3_sitearch} (L80-81, L100) but only BuildRequires python3 (L15). %{_datadir}/pitivi is not shown to hold .py files.',
  },
  // --- clean modern Python specs and negatives --------------------------------------------------
  {
    spec: 'fedora-rawhide/python-murmurhash.spec',
    expected: [],
    reason:
      'Modern pyproject macros with python3-devel on L13. The python3.12 on L47 is only in a comment.',
  },
  {
    spec: 'fedora-rawhide/python-tables.spec',
    expected: [],
    reason:
      'Uses %pyproject_wheel/%pyproject_install/%pyproject_save_files, with python%{python3_pkgversion}-devel on L52. The python3.14 path on L35 is inside a comment.',
  },
  {
    spec: 'fedora-rawhide/python-google-i18n-address.spec',
    expected: [],
    reason:
      'Uses pyproject macros, with python3-devel on L16. The python3.11 path on L56 is a comment.',
  },
  {
    spec: 'fedora-rawhide/python-ckzg.spec',
    expected: [],
    reason:
      'BuildSystem: pyproject (L15) adds python3-devel by itself, so the missing explicit line is exempt. There are no private modules and no literal versions.',
  },
  {
    spec: 'fedora-rawhide/python-assertpy.spec',
    expected: [],
    reason:
      'BuildSystem: pyproject (L10) makes it exempt from PY003. The files come from %{pyproject_files}.',
  },
  {
    spec: 'fedora-rawhide/pgcli.spec',
    expected: [],
    reason:
      '%generate_buildrequires runs %pyproject_buildrequires (L28), so no explicit python3-devel is needed. The rest is standard pyproject usage.',
  },
  {
    spec: 'pyproject-rpm-macros/python-isort.spec',
    expected: [],
    reason:
      'Every python3.11-3.14 literal (L28-59, L133-159) is inside rhel-only %if blocks. PY003 is exempt through %pyproject_buildrequires (L67-68).',
  },
  {
    spec: 'pyproject-rpm-macros/double-install.spec',
    expected: [],
    reason:
      'python3-devel is on L12 and the spec uses pyproject macros. The L6-7 %globals hold upstream package versions, not Python versions.',
  },
  {
    spec: 'pyp2spec-expected/python3.9-pello.spec',
    expected: [],
    reason:
      'Setting %python3_pkgversion to 3.9 (L1) is the sanctioned way to pick a stack, and it yields python3.9-devel (L16), which is accepted. The generator runs %pyproject_buildrequires.',
  },
  {
    spec: 'fedora-2020/nototools.spec',
    expected: [],
    reason:
      'On F44 only with_python3 is set (L4-9), so python3-devel (L37) is active and the py2.7 egg-info line (L168) is inactive. The L175 py3.? is a glob, and the .py scripts live in /usr/bin.',
  },
  {
    spec: 'fedora-2020/libmodulemd.spec',
    expected: [],
    reason:
      'The only python3.6dist(six) (L72) is inside the rhel<=7 branch (L70). python%{python3_pkgversion}-devel is on L39.',
  },
  {
    spec: 'fedora-2020/python-lfpy.spec',
    expected: [],
    reason:
      '%global py_dist python3.8dist (L13) is never used. pytest-%{python3_version} (L99) takes its version from a macro, and python3-devel is on L40.',
  },
  {
    spec: 'fedora-2020/msoffcrypto-tool.spec',
    expected: [],
    reason:
      'The python3.6dist(coverage) BuildRequires (L21) is inside the rhel>=8 branch. python%{python3_pkgversion}-devel is on L11.',
  },
  {
    spec: 'fedora-2020/python-flexmock.spec',
    expected: [],
    reason:
      'python3-devel is BuildRequired inside the %package -n python3-flexmock section (L25), which counts. It uses only sitelib paths from macros.',
  },
  {
    spec: 'fedora-2020/openscap-daemon.spec',
    expected: [],
    reason:
      'On Fedora the else branch sets pypkg to python3 (L8), so %{pypkg}-devel on L27 expands to python3-devel. The files are in %{python3_sitelib}.',
  },
  {
    spec: 'wileyj-public-rpm-specs/rubygem24-json.spec',
    expected: [],
    reason:
      'This is a Ruby gem. %global ruby_ver 2.4 (L3) goes into /usr/bin/ruby%{ruby_ver} (L72), which is not a Python version or path.',
  },
];

import type { NativeCall, NativeMacro } from '../scope.js';
import type { MacroTable } from './rpm.js';
import { pycached, pypiSource, SETUP_PY_ENV, UNVERSIONED_ERROR } from './python.js';

/**
 * The Python macros of RHEL/CentOS 8 and 7 (python-rpm-macros, python3-rpm-macros,
 * epel-rpm-macros backports, redhat-rpm-config), transcribed from
 * ../shared/reference/macros/python-common.macros overlaid with dist-el8.macros or
 * dist-el7.macros. The reference files' `%_pyref_*` helpers are folded into the macros that
 * use them, and their `%{lua:…}` bodies are written in TypeScript, since speclint never runs Lua.
 */

/** The main Python 3 of both EL7 (7.7+) and EL8. */
const DEFAULT_PYTHON3 = '3.6';

/**
 * `%_pyref_ver`: the `X.Y` of an interpreter path. `unversioned` is what a bare `…/python`
 * means: Python 2.7 on EL7, the main Python 3 on EL8.
 */
function versionOf(interpreter: string, unversioned: string): string {
  if (interpreter.includes('UNVERSIONED')) return 'UNVERSIONED';
  const exact = /python(\d)\.(\d+)$/.exec(interpreter);
  if (exact !== null) return `${exact[1]}.${exact[2]}`;
  if (/python3$/.test(interpreter)) return DEFAULT_PYTHON3;
  if (/python2$/.test(interpreter)) return '2.7';
  if (/python$/.test(interpreter)) return unversioned;
  return DEFAULT_PYTHON3;
}

/** Lua's string.lower only folds ASCII letters; JavaScript's toLowerCase folds all of Unicode. */
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * `%py_dist_name` of each release: EL8 keeps dots (PEP 503's dot rule reached Fedora only in
 * 33), EL7 collapses every run of non-alphanumerics.
 */
const EL8_DIST_NAME = /[^a-z0-9.[\]]+/g;
const EL7_DIST_NAME = /[^a-z0-9]+/g;

function pyDistName(pattern: RegExp): NativeMacro {
  return (call) => asciiLower(call.args[0] ?? '').replace(pattern, '-');
}

/**
 * `%py3_dist`/`%py2_dist` call `%py_dist_name` through the macro, as the Lua does, so a spec
 * that redefines it is honoured.
 */
function distProvides(call: NativeCall, prefix: string): string {
  return call.args.map((arg) => `${prefix}${call.expand(`%{py_dist_name ${arg}}`)})`).join(' ');
}

const py3Dist: NativeMacro = (call) => {
  const prefix = call.expand('%{python3_pkgversion}') === '3' ? 'python3dist(' : `python${call.expand('%{python3_version}')}dist(`;
  return distProvides(call, prefix);
};

/**
 * python-common.macros, plus what dist-el8 and dist-el7 define alike; each release's table then
 * overrides the rest (`%py_dist_name`, the setup.py macros …).
 */
function commonMacros(unversioned: string): Record<string, MacroTable[string]> {
  return {
    python3: '%{__python3}',
    python2: '%{__python2}',
    python3_version: (call) => versionOf(call.expand('%{__python3}'), unversioned),
    python3_version_nodots: (call) => call.expand('%{python3_version}').replaceAll('.', ''),
    python3_sitelib: '%{_prefix}/lib/python%{python3_version}/site-packages',
    python3_sitearch: '%{_prefix}/%{_lib}/python%{python3_version}/site-packages',
    python3_platform: 'linux-%{_arch}',
    py3_dist: { opts: '', body: py3Dist },
    py2_dist: { opts: '', body: (call) => distProvides(call, 'python2dist(') },
    __pypi_url: 'https://files.pythonhosted.org/packages/source/',
    __pypi_default_extension: 'tar.gz',
    pypi_source: { opts: '', body: pypiSource },
    py_setup: 'setup.py',
    py3dir: '%{_builddir}/python3-%{name}-%{version}-%{release}',
    python2_version: '2.7',
    python2_version_nodots: '27',
    python2_sitelib: '%{_prefix}/lib/python2.7/site-packages',
    python2_sitearch: '%{_prefix}/%{_lib}/python2.7/site-packages',
    python: '%{__python}',
    python_version: (call) => versionOf(call.expand('%{__python}'), unversioned),
    python_sitelib: '%{_prefix}/lib/python%{python_version}/site-packages',
    python_sitearch: '%{_prefix}/%{_lib}/python%{python_version}/site-packages',
    python3_pkgversion: '3',
    __python2: '/usr/bin/python2',
    py_shbang_opts: '-s',
    py2_shbang_opts: '-s',
    py3_shbang_opts: '-s',
    _python_bytecompile_errors_terminate_build: '1',
  };
}

const evrOf = (call: NativeCall): string => call.expand('%{?epoch:%{epoch}:}%{version}-%{release}');

// ---------------------------------------------------------------------------------------------
// EL8

/** RHEL 8 already made the unversioned interpreter an error (Fedora followed in 33). */

/** The pythonXY-rpm-macros of the alternative stacks redefine %__python3; `38` and `3.8` both name 3.8. */
const el8Python3: NativeMacro = (call) => {
  const pkgversion = call.expand('%{python3_pkgversion}');
  const minor = /^3\.(\d+)$/.exec(pkgversion)?.[1] ?? /^3(\d+)$/.exec(pkgversion)?.[1];
  return minor === undefined ? '/usr/bin/python3' : `/usr/bin/python3.${minor}`;
};

/** pathfix.py comes from platform-python-devel, or as pathfixX.Y.py from an alternative stack's -devel. */
const el8ShebangFix: NativeMacro = (call) => {
  const flags = call.expand('%{?py3_shebang_flags}');
  const version = call.expand('%{python3_version}');
  const interpreter = call.expand('%{__python3}');
  return `pathfix=/usr/bin/pathfix${version}.py; [ -f "$pathfix" ] || pathfix=/usr/bin/pathfix.py\n`
    + `${interpreter} -B $pathfix -pni ${interpreter} ${flags === '' ? '-k' : `-ka${flags}`}`;
};

/** Python 3.4–3.8 compile with the bundled compileall2 (no --invalidation-mode before 3.7); Python 2 with py_compile. */
const el8ByteCompile: NativeMacro = (call) => {
  // Missing arguments stay as the literal %1/%2, as rpm leaves an undefined positional.
  const interpreter = call.args[0] ?? '%1';
  const path = call.args[1] ?? '%2';
  const [major, minor] = versionOf(interpreter, DEFAULT_PYTHON3).split('.').map(Number);
  if (major === 3 && minor !== undefined && minor >= 4) {
    const invalidation = minor >= 7 ? ' --invalidation-mode=timestamp' : '';
    return `PYTHONHASHSEED=0 PYTHONPATH=${call.expand('%{_rpmconfigdir}')}/redhat ${interpreter} -s -B -m compileall2 -o 0 -o 1 -s $RPM_BUILD_ROOT -p /${invalidation} ${path}`;
  }
  const compile = ` -c 'import py_compile, sys; [py_compile.compile(f, dfile=f.partition("'"$RPM_BUILD_ROOT"'")[2], doraise=True) for f in sys.argv[1:]]'`;
  const find = `find ${path} -type f -a -name '*.py' -print0 | xargs -0 env PYTHONHASHSEED=0 ${interpreter} -s`;
  return `${find}${compile}\n${find} -O${compile}`;
};

/** EL8 predates "python means python3": only python2- names get unversioned provides. */
const el8PythonProvide: NativeMacro = (call) => {
  const name = call.args[0] ?? '';
  const evr = evrOf(call);
  if (name.startsWith('python2-')) {
    const rest = name.slice('python2-'.length);
    return `\nProvides: python-${rest} = ${evr}\nObsoletes: python-${rest} < ${evr}`;
  }
  if (name.startsWith('python-')) return `\nProvides: python2-${name.slice('python-'.length)} = ${evr}`;
  if (name.startsWith('python') || name.startsWith('pypy')) return '';
  return `%python_provide: ERROR: ${name} not recognized.`;
};


/** EPEL 8's pyproject-rpm-macros serve only the alternative stacks; with the default 3.6 they cannot work. */
function el8Pyproject(opts: string, body: string): MacroTable[string] {
  return {
    opts,
    body: (call) => {
      if (call.expand('%{python3_pkgversion}') === '3') {
        call.warn('pyproject macros on EL8 need an alternative Python stack (e.g. %global python3_pkgversion 3.11)');
      }
      return call.expand(body);
    },
  };
}

export function pythonMacrosEl8(): MacroTable {
  return {
    ...commonMacros(DEFAULT_PYTHON3),
    __python3: el8Python3,
    __python: UNVERSIONED_ERROR,
    py_dist_name: { opts: '', body: pyDistName(EL8_DIST_NAME) },
    py3_shbang_opts_nodash: 's',
    py3_shebang_flags: 's',
    py2_shbang_opts_nodash: 's',
    py2_shebang_flags: 's',
    py3_shebang_fix: el8ShebangFix,
    py3_build: { opts: '', body: `${SETUP_PY_ENV} %{__python3} %{py_setup} %{?py_setup_args} build --executable="%{__python3} %{py3_shbang_opts}" %{?*}` },
    py3_install: { opts: '', body: `${SETUP_PY_ENV} %{__python3} %{py_setup} %{?py_setup_args} install -O1 --skip-build --root %{buildroot} %{?*}` },
    py3_build_wheel: { opts: '', body: `${SETUP_PY_ENV} %{__python3} %{py_setup} %{?py_setup_args} bdist_wheel %{?*}` },
    py3_install_wheel: { opts: '', body: 'pip%{python3_version} install -I dist/%{1} --root %{buildroot} --no-deps' },
    py2_build: { opts: '', body: `${SETUP_PY_ENV} %{__python2} %{py_setup} %{?py_setup_args} build --executable="%{__python2} %{py2_shbang_opts}" %{?*}\nsleep 1` },
    py2_install: { opts: '', body: `${SETUP_PY_ENV} %{__python2} %{py_setup} %{?py_setup_args} install -O1 --skip-build --root %{buildroot} %{?*}` },
    py_build: { opts: '', body: `${SETUP_PY_ENV} %{__python} %{py_setup} %{?py_setup_args} build --executable="%{__python} %{py_shbang_opts}" %{?*}` },
    py_install: { opts: '', body: `${SETUP_PY_ENV} %{__python} %{py_setup} %{?py_setup_args} install -O1 --skip-build --root %{buildroot} %{?*}` },
    py_byte_compile: { opts: '', body: el8ByteCompile },
    python_provide: { opts: '', body: el8PythonProvide },
    // Opt-in on EL8; the generator is on by default only from Fedora 30 / EL9.
    python_enable_dependency_generator: { opts: '', body: '\n%global __pythondist_requires %{_rpmconfigdir}/pythondistdeps.py --requires \n%{nil}' },
    python_disable_dependency_generator: { opts: '', body: '\n%undefine __pythondist_requires \n%{nil}' },
    pycached: { opts: '', body: pycached },
    py3_check_import: {
      opts: 'e:tf:',
      body: 'PATH="%{buildroot}%{_bindir}:$PATH" PYTHONPATH="${PYTHONPATH:-%{buildroot}%{python3_sitearch}:%{buildroot}%{python3_sitelib}}" PYTHONDONTWRITEBYTECODE=1 %{__python3} -c "import importlib, sys; [importlib.import_module(m) for m in sys.argv[1:]]" %{?*}',
    },
    py_auto_byte_compile: '1',
    // Inert in practice: EL8 buildroots have no /usr/bin/python to compile other files with.
    _python_bytecompile_extra: '1',
    __brp_python_bytecompile: '/usr/lib/rpm/brp-python-bytecompile "" "%{?_python_bytecompile_errors_terminate_build}" "%{?_python_bytecompile_extra}"',
    __brp_python_hardlink: '/usr/lib/rpm/redhat/brp-python-hardlink',
    __brp_mangle_shebangs: '/usr/lib/rpm/redhat/brp-mangle-shebangs',
    __os_install_post: [
      '',
      '    %{?__brp_compress} ',
      '    %{!?__debug_package:%{?__brp_strip} %{?__brp_strip_comment_note}} ',
      '    %{?__brp_strip_static_archive} ',
      '    %{?py_auto_byte_compile:%{?__brp_python_bytecompile}} ',
      '    %{?__brp_python_hardlink} ',
      '    %{?__brp_mangle_shebangs} ',
      '%{nil}',
    ].join('\n'),
    _pyproject_files_pkgversion: '%[ "%{python3_pkgversion}" == "3" ? "" : "-%{python3_pkgversion}" ]',
    _pyproject_files_prefix: '%{name}-%{version}-%{release}.%{_arch}%{_pyproject_files_pkgversion}',
    _pyproject_wheeldir: '%{_builddir}%{?buildsubdir:/%{buildsubdir}}/pyproject-wheeldir%{_pyproject_files_pkgversion}',
    _pyproject_modules: '%{_builddir}/%{_pyproject_files_prefix}-pyproject-modules',
    pyproject_files: '%{_builddir}/%{_pyproject_files_prefix}-pyproject-files',
    pyproject_buildrequires: el8Pyproject('-', "echo 'python%{python3_pkgversion}-devel'\n%{__python3} -Bs %{_rpmconfigdir}/redhat/pyproject_buildrequires.py --python3_pkgversion %{python3_pkgversion} %{?**}"),
    pyproject_wheel: el8Pyproject('-', '%{__python3} -Bs %{_rpmconfigdir}/redhat/pyproject_wheel.py %{?**} %{_pyproject_wheeldir}'),
    pyproject_install: el8Pyproject('', '%{__python3} -m pip install --root %{buildroot} --no-deps --disable-pip-version-check --ignore-installed --no-index --find-links %{_pyproject_wheeldir} $(ls %{_pyproject_wheeldir}/*.whl)'),
    pyproject_save_files: el8Pyproject('-', '%{__python3} %{_rpmconfigdir}/redhat/pyproject_save_files.py --output-files "%{pyproject_files}" --output-modules "%{_pyproject_modules}" --buildroot "%{buildroot}" --sitelib "%{python3_sitelib}" --sitearch "%{python3_sitearch}" --python-version "%{python3_version}" %{**}'),
    pyproject_check_import: { opts: '-', body: '%{py3_check_import %{?**}}' },
  };
}

// ---------------------------------------------------------------------------------------------
// EL7

/** Old implementation: py_compile per file, levels 0 and 1, errors ignored (`|| :`). */
const el7ByteCompile: NativeMacro = (call) => {
  // Missing arguments stay as the literal %1/%2, as rpm leaves an undefined positional.
  const interpreter = call.args[0] ?? '%1';
  const path = call.args[1] ?? '%2';
  const [major, minor] = versionOf(interpreter, '2.7').split('.').map(Number);
  const dfile = ' dfile=f.partition("$RPM_BUILD_ROOT")[2]';
  const find = `find ${path} -type f -a -name '*.py' -print0 | xargs -0 ${interpreter}`;
  if (major === 3 && minor !== undefined && minor >= 5) {
    return `${find} -O -c 'import py_compile, sys; [py_compile.compile(f,${dfile}, optimize=opt) for opt in range(2) for f in sys.argv[1:]]' || :`;
  }
  const compile = `'import py_compile, sys; [py_compile.compile(f,${dfile}) for f in sys.argv[1:]]' || :`;
  return `${find} -c ${compile}\n${find} -O -c ${compile}`;
};

/** python3- packages provide the EPEL 7 python36- names; arched packages also get %{?_isa} provides. */
const el7PythonProvide: NativeMacro = (call) => {
  const name = call.args[0] ?? '';
  const evr = evrOf(call);
  const arched = call.expand('%{?buildarch}') !== 'noarch';
  const provide = (provided: string): string =>
    (arched ? call.expand(`\nProvides: ${provided}%{?_isa} = ${evr}`) : '') + `\nProvides: ${provided} = ${evr}`;
  const renamed = (prefix: string, to: string): string => {
    const rest = name.slice(prefix.length);
    return `${provide(`${to}${rest}`)}\nObsoletes: ${to}${rest} < ${evr}`;
  };
  if (name.startsWith('python2-')) return renamed('python2-', 'python-');
  if (name.startsWith('python3-')) return renamed('python3-', 'python36-');
  if (name.startsWith('python36-')) return provide(`python3-${name.slice('python36-'.length)}`);
  if (name.startsWith('python-')) return `\nProvides: python2-${name.slice('python-'.length)} = ${evr}`;
  if (name.startsWith('pypy') || name.startsWith('python')) return '';
  return `%python_provide: ERROR: ${name} not recognized.`;
};

export function pythonMacrosEl7(): MacroTable {
  const setupPy = (interpreter: string, command: string, shebang = ''): string =>
    `CFLAGS="%{optflags}" %{${interpreter}} %{py_setup} %{?py_setup_args} ${command}${shebang} %{?*}`;
  return {
    // rpm 4.11 still defines the unversioned family as Python 2.7.
    ...commonMacros('2.7'),
    __python3: '/usr/bin/python3',
    __python: '/usr/bin/python',
    py_dist_name: { opts: '', body: pyDistName(EL7_DIST_NAME) },
    // %py_build runs %__python but writes %__python2 shebangs, as EL7's macro does.
    py_build: { opts: '', body: `${setupPy('__python', 'build', ' --executable="%{__python2} %{py_shbang_opts}"')}\nsleep 1` },
    py_install: { opts: '', body: setupPy('__python', 'install -O1 --skip-build --root %{buildroot}') },
    py2_build: { opts: '', body: `${setupPy('__python2', 'build', ' --executable="%{__python2} %{py2_shbang_opts}"')}\nsleep 1` },
    py2_install: { opts: '', body: setupPy('__python2', 'install -O1 --skip-build --root %{buildroot}') },
    py3_build: { opts: '', body: `${setupPy('__python3', 'build', ' --executable="%{__python3} %{py3_shbang_opts}"')}\nsleep 1` },
    py3_install: { opts: '', body: setupPy('__python3', 'install -O1 --skip-build --root %{buildroot}') },
    py_byte_compile: { opts: '', body: el7ByteCompile },
    python_provide: { opts: '', body: el7PythonProvide },
    // Not a knob on EL7; empty so that a newer host rpm's default of 1 cannot leak in.
    _python_bytecompile_extra: '%{nil}',
    // brp-python-bytecompile compiles every *.py outside pythonX.Y dirs with %__python (2.7).
    __os_install_post: [
      '',
      '    /usr/lib/rpm/redhat/brp-compress ',
      '    %{!?__debug_package:/usr/lib/rpm/redhat/brp-strip %{__strip} /usr/lib/rpm/redhat/brp-strip-comment-note %{__strip} %{__objdump}} ',
      '    /usr/lib/rpm/redhat/brp-strip-static-archive %{__strip} ',
      '    /usr/lib/rpm/brp-python-bytecompile %{__python} %{?_python_bytecompile_errors_terminate_build} ',
      '    /usr/lib/rpm/redhat/brp-python-hardlink ',
      '    %{!?__jar_repack:/usr/lib/rpm/redhat/brp-java-repack-jars} ',
      '%{nil}',
    ].join('\n'),
  };
}

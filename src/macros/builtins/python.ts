import type { NativeCall, NativeMacro } from '../scope.js';
import type { MacroTable } from './rpm.js';

/**
 * The Python macros of python-srpm-macros, python-rpm-macros, python3-rpm-macros and
 * pyproject-rpm-macros, per family of targets (facts: ../shared/reference). Where the real
 * macro runs Lua, it is written here in TypeScript, since speclint never runs a spec's code.
 */
/**
 * What differs between the releases that carry python-rpm-macros from Fedora 33 on (Fedora, EL9,
 * EL10); EL7 and EL8 have their own tables (python-legacy.ts).
 */
export interface PythonFacts {
  /** The main Python 3 of the release, `X.Y`. */
  readonly defaultPython3: string;
  /** Whether %py3_build and friends warn that they are deprecated (Fedora ≥ 43). */
  readonly setupPyDeprecated: boolean;
  /** EL9 prefers the versioned pathfixX.Y.py that pythonX.Y-devel ships. */
  readonly versionedPathfix: boolean;
  /** Fedora ≥ 41 runs add-determinism over the buildroot after %install. */
  readonly addDeterminism: boolean;
}

/** `/usr/bin/python3.11` → `3.11`; `python2` → 2.7; anything else → the release's main Python 3. */
function versionOf(interpreter: string, call: NativeCall): string {
  const exact = /python(\d)\.(\d+)$/.exec(interpreter);
  if (exact !== null) return `${exact[1]}.${exact[2]}`;
  if (/python2$/.test(interpreter)) return '2.7';
  return call.expand('%{__default_python3_version}');
}

/** `%py3_dist` names, normalised as PEP 503 says (extras in brackets kept). */
function distName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9[\]]+/g, '-');
}

const nodots = (version: string): string => version.replaceAll('.', '');

export function pypiSource(call: NativeCall): string {
  const pick = (...candidates: string[]): string => candidates.find((c) => c !== '') ?? '';
  const name = pick(call.args[0] ?? '', call.expand('%{?srcname}'), call.expand('%{?pypi_name}'), call.expand('%{name}'));
  const version = pick(call.args[1] ?? '', call.expand('%{version}').replaceAll('~', ''));
  const extension = pick(call.args[2] ?? '', call.expand('%{__pypi_default_extension}'));
  return `${call.expand('%{__pypi_url}')}${name.slice(0, 1)}/${name}/${name}-${version}.${extension}`;
}

function shebangFix(interpreterMacro: string, flagsMacro: string, versioned: boolean): NativeMacro {
  return (call) => {
    const flags = call.expand(`%{?${flagsMacro}}`);
    const interpreter = call.expand(`%{${interpreterMacro}}`);
    const options = flags === '' ? '-k' : `-ka${flags}`;
    if (!versioned) return `${interpreter} -B ${call.expand('%{_rpmconfigdir}')}/redhat/pathfix.py -pni ${interpreter} ${options}`;
    const version = call.expand('%{python3_version}');
    return `pathfix=/usr/bin/pathfix${version}.py; [ -f "$pathfix" ] || pathfix=/usr/bin/pathfix.py\n${interpreter} -B $pathfix -pni ${interpreter} ${options}`;
  };
}

/** `%pycached PATH.py`: the file and its __pycache__ glob (EPEL 8 has the same backport). */
export const pycached: NativeMacro = (call) => {
  const path = call.args.join(' ');
  if (!path.endsWith('.py')) {
    call.error('%pycached can only be used with paths explicitly ending with .py');
    return '';
  }
  const minor = /\/python3\.(\d+)\//.exec(path)?.[1] ?? '*';
  const parts = /^(.*\/)([^/]+)\.py$/.exec(path);
  if (parts === null) {
    call.error(`%pycached: ${path} has no directory part`);
    return '';
  }
  return `${path}\n${parts[1]}__pycache__/${parts[2]}.cpython-3${minor}{,.opt-?}.pyc`;
};

const pyProvides: NativeMacro = (call) => {
  const name = call.args[0] ?? '';
  if (name === '') {
    call.error('%py_provides requires at least 1 argument, the name to provide');
    return '';
  }
  const evr = call.args[1] ?? call.expand('%{?epoch:%{epoch}:}%{version}-%{release}');
  const main = call.expand('%{__default_python3_pkgversion}');
  const lines = [`Provides: ${name} = ${evr}`];
  if (name.startsWith('python3-')) {
    const rest = name.slice('python3-'.length);
    lines.push(`Provides: python-${rest} = ${evr}`, `Provides: python${main}-${rest} = ${evr}`);
    if (call.expand('%{?rhel}') !== '' && !name.endsWith(')')) lines.push(`Obsoletes: python${main}-${rest} < ${evr}`);
  } else if (name.startsWith(`python${main}-`)) {
    const rest = name.slice(`python${main}-`.length);
    lines.push(`Provides: python-${rest} = ${evr}`, `Provides: python3-${rest} = ${evr}`);
  }
  return `${lines.join('\n')}\n`;
};

const extrasSubpackages: NativeMacro = (call) => {
  const base = call.expand('%{-n*}');
  if (base === '') {
    call.error('%python_extras_subpkg: missing option -n (name of the base package)');
    return '';
  }
  const ghost = call.expand('%{-i*}');
  const list = call.expand('%{-f*}');
  const fileless = call.expand('%{-F}') !== '';
  if (ghost === '' && list === '' && !fileless) {
    call.error('%python_extras_subpkg: missing option -i, -f or -F');
    return '';
  }
  const vr = call.expand('%{?-v*}') || call.expand('%{version}-%{release}');
  const noarch = call.expand('%{-a}') !== '';
  return call.args.flatMap((arg) => arg.split(',')).filter((extra) => extra !== '').map((extra) => {
    const name = `${base}+${extra}`;
    return [
      `%package -n ${name}`,
      `Summary: Metapackage for ${base}: ${extra} extras`,
      `Requires: ${base} = ${call.expand('%{?epoch:%{epoch}:}')}${vr}`,
      ...(noarch ? ['BuildArch: noarch'] : []),
      `%description -n ${name}`,
      `Metapackage pulling in the dependencies of the ${extra} extra of ${base}.`,
      ...(ghost !== '' ? [`%files -n ${name}`, `%ghost %dir ${ghost}`] : list !== '' ? [`%files -n ${name} -f ${list}`] : []),
    ].join('\n') + '\n\n';
  }).join('');
};

/** `%python_provide`: the legacy provides for a python3-/python3.X- package (Fedora ≥ 33 generates them). */
const pythonProvide: NativeMacro = (call) => {
  const name = call.args[0] ?? '';
  const evr = call.expand('%{?epoch:%{epoch}:}%{version}-%{release}');
  const main = call.expand('%{__default_python3_pkgversion}');
  let rest: string;
  let out: string;
  if (name.startsWith('python3-')) {
    rest = name.slice('python3-'.length);
    out = `\nProvides: python${main}-${rest} = ${evr}`;
  } else if (name.startsWith(`python${main}-`)) {
    rest = name.slice(`python${main}-`.length);
    out = `\nProvides: python3-${rest} = ${evr}`;
  } else if (name.startsWith('python') || name.startsWith('pypy')) {
    return '';
  } else {
    return `%python_provide: ERROR: ${name} not recognized.`;
  }
  out += `\nProvides: python-${rest} = ${evr}`;
  if (!name.endsWith(')')) out += `\nObsoletes: python-${rest} < ${evr}`;
  return out;
};

export const UNVERSIONED_ERROR = '%{error:attempt to use unversioned python, define %%__python to %{__python2} or %{__python3} explicitly}';
export const SETUP_PY_ENV = 'CFLAGS="${CFLAGS:-${RPM_OPT_FLAGS}}" LDFLAGS="${LDFLAGS:-${RPM_LD_FLAGS}}"';

export function pythonMacros(facts: PythonFacts): MacroTable {
  const table: Record<string, MacroTable[string]> = {
    python3_pkgversion: '3',
    __python3: '/usr/bin/python%{python3_pkgversion}',
    python3: '%{__python3}',
    __python2: '/usr/bin/python2',
    python2: '%{__python2}',
    python3_version: (call) => versionOf(call.expand('%{__python3}'), call),
    python3_version_nodots: (call) => nodots(call.expand('%{python3_version}')),
    python3_sitelib: '%{_prefix}/lib/python%{python3_version}/site-packages',
    python3_sitearch: '%{_prefix}/%{_lib}/python%{python3_version}/site-packages',
    python3_platform: 'linux-%{_arch}',
    py_dist_name: { opts: '', body: (call) => distName(call.args[0] ?? '') },
    py3_dist: {
      opts: '',
      body: (call) => {
        const prefix = call.expand('%{python3_pkgversion}') === '3' ? 'python3dist(' : `python${call.expand('%{python3_version}')}dist(`;
        return call.args.map((arg) => `${prefix}${distName(arg)})`).join(' ');
      },
    },
    py2_dist: { opts: '', body: (call) => call.args.map((arg) => `python2dist(${distName(arg)})`).join(' ') },
    __pypi_url: 'https://files.pythonhosted.org/packages/source/',
    __pypi_default_extension: 'tar.gz',
    pypi_source: { opts: '', body: pypiSource },
    py_setup: 'setup.py',
    py3dir: '%{_builddir}/python3-%{name}-%{version}-%{release}',
    __python: UNVERSIONED_ERROR,
    python: '%{__python}',
    python_version: (call) => versionOf(call.expand('%{__python}'), call),
    python_version_nodots: (call) => nodots(call.expand('%{python_version}')),
    python_sitelib: '%{_prefix}/lib/python%{python_version}/site-packages',
    python_sitearch: '%{_prefix}/%{_lib}/python%{python_version}/site-packages',
    py3_shbang_opts: '-%{?_py3_shebang_s}%{?_py3_shebang_P}',
    _python_bytecompile_errors_terminate_build: '1',
    py_byte_compile: { opts: '', body: MODERN_BYTE_COMPILE },
    ...modernPythonMacros(facts),
  };
  return table;
}

function modernPythonMacros(facts: PythonFacts): MacroTable {
  const deprecated = (name: string, body: string): MacroTable[string] => ({
    opts: '',
    body: facts.setupPyDeprecated
      ? (call) => {
        if (!call.defined(`_speclint_warned_${name}`)) {
          call.defineGlobal(`_speclint_warned_${name}`, '1');
          call.warn(`The %${name} macro is deprecated; use %pyproject_wheel/%pyproject_install (Changes/DeprecateSetuppyMacros)`);
        }
        return call.expand(body);
      }
      : body,
  });
  return {
    __default_python3_version: facts.defaultPython3,
    __default_python3_pkgversion: '%{__default_python3_version}',
    python_platform: 'linux-%{_arch}',
    python_cache_tag: 'cpython-%{python_version_nodots}',
    python3_platform_triplet: '%{_arch}-linux-gnu',
    python3_ext_suffix: '.cpython-%{python3_version_nodots}-%{python3_platform_triplet}.so',
    python3_cache_tag: 'cpython-%{python3_version_nodots}',
    _py3_shebang_s: 's',
    _py3_shebang_P: '%[ v"%{python3_version}" >= v"3.11" ? "P" : "" ]',
    py3_shbang_opts_nodash: '%{?_py3_shebang_s}%{?_py3_shebang_P}',
    py3_shebang_flags: '%{?_py3_shebang_s}%{?_py3_shebang_P}',
    _py_shebang_s: 's',
    _py_shebang_P: '%[ v"%{python_version}" >= v"3.11" ? "P" : "" ]',
    py_shbang_opts: '-%{?_py_shebang_s}%{?_py_shebang_P}',
    py_shebang_flags: '%{?_py_shebang_s}%{?_py_shebang_P}',
    py3_shebang_fix: shebangFix('__python3', 'py3_shebang_flags', facts.versionedPathfix),
    py_shebang_fix: shebangFix('__python', 'py_shebang_flags', false),
    py3_build: deprecated('py3_build', `${SETUP_PY_ENV} %{__python3} %{py_setup} %{?py_setup_args} build --executable="%{__python3} %{py3_shbang_opts}" %{?*}`),
    py3_build_wheel: deprecated('py3_build_wheel', `${SETUP_PY_ENV} %{__python3} %{py_setup} %{?py_setup_args} bdist_wheel %{?*}`),
    py3_install: deprecated('py3_install', `${SETUP_PY_ENV} %{__python3} %{py_setup} %{?py_setup_args} install -O1 --skip-build --root %{buildroot} --prefix %{_prefix} %{?*}\nrm -rfv %{buildroot}%{_bindir}/__pycache__`),
    py3_install_wheel: { opts: '', body: '%{__python3} -m pip install -I dist/%{1} --root %{buildroot} --prefix %{_prefix} --no-deps --no-index --no-warn-script-location\nrm -rfv %{buildroot}%{_bindir}/__pycache__' },
    py_build: deprecated('py_build', `${SETUP_PY_ENV} %{__python} %{py_setup} %{?py_setup_args} build --executable="%{__python} %{py_shbang_opts}" %{?*}`),
    py_install: deprecated('py_install', `${SETUP_PY_ENV} %{__python} %{py_setup} %{?py_setup_args} install -O1 --skip-build --root %{buildroot} --prefix %{_prefix} %{?*}`),
    py3_test_envvars: `${SETUP_PY_ENV} PATH="%{buildroot}%{_bindir}:$PATH" PYTHONPATH="\${PYTHONPATH:-%{buildroot}%{python3_sitearch}:%{buildroot}%{python3_sitelib}}" PYTHONDONTWRITEBYTECODE=1 %{?__pytest_addopts:PYTEST_ADDOPTS="\${PYTEST_ADDOPTS:-} %{__pytest_addopts}"} PYTEST_XDIST_AUTO_NUM_WORKERS="\${PYTEST_XDIST_AUTO_NUM_WORKERS:-%{_smp_build_ncpus}}"`,
    __pytest: '/usr/bin/pytest%[ "%{python3_pkgversion}" == "3" ? "" : "-%{python3_version}" ]',
    pytest: '%{py3_test_envvars} %{__pytest}',
    py3_check_import: { opts: 'e:tf:', body: 'PATH="%{buildroot}%{_bindir}:$PATH" PYTHONPATH="${PYTHONPATH:-%{buildroot}%{python3_sitearch}:%{buildroot}%{python3_sitelib}}" _PYTHONSITE="%{buildroot}%{python3_sitearch}:%{buildroot}%{python3_sitelib}" PYTHONDONTWRITEBYTECODE=1 %{__python3} %{?py3_shebang_flags:-%{py3_shebang_flags}} %{_rpmconfigdir}/redhat/import_all_modules.py %{?**}' },
    pycached: { opts: '', body: pycached },
    py_provides: { opts: '', body: pyProvides },
    python_provide: { opts: '', body: pythonProvide },
    python_extras_subpkg: { opts: 'n:i:f:FaAv:', body: extrasSubpackages },
    python_disable_dependency_generator: { opts: '', body: '\n%undefine __pythondist_requires \n%{nil}' },
    ...(facts.addDeterminism ? {
      __brp_add_determinism: '/usr/bin/add-det',
      add_determinism_paths: '%{buildroot}',
      __os_install_post_build_reproducibility: '\n    %{?__brp_add_determinism:%{__brp_add_determinism} --brp %{?_smp_build_ncpus:-j%{_smp_build_ncpus}} %{?add_determinism_options} %{?add_determinism_paths}} \n%{nil}',
    } : {}),
    ...(facts.setupPyDeprecated ? {
      python_rpm_in_distinfo: '1',
      __brp_python_rpm_in_distinfo: '%{_rpmconfigdir}/redhat/brp-python-rpm-in-distinfo',
    } : {}),
    __pythondist_provides: '%{_rpmconfigdir}/pythondistdeps.py --provides --majorver-provides',
    __pythondist_requires: '%{_rpmconfigdir}/pythondistdeps.py --requires',
    __os_install_post_python: [
      '',
      '    %{?python_rpm_in_distinfo:%{?__brp_python_rpm_in_distinfo}} ',
      '    %{?py_auto_byte_compile:%{?__brp_python_bytecompile}} ',
      '    %{?py_reproducible_pyc_path:%{?__brp_fix_pyc_reproducibility} "%{py_reproducible_pyc_path}"} ',
      '    %{?__brp_python_hardlink} ',
      '%{nil}',
    ].join('\n'),
    __os_install_post: [
      '',
      '    %{?__brp_compress} ',
      '    %{!?__debug_package:%{?__brp_strip} %{?__brp_strip_comment_note}} ',
      '    %{?__brp_strip_static_archive} ',
      '    %{?__brp_mangle_shebangs} ',
      '    %{?__brp_remove_la_files} ',
      '    %{__os_install_post_python} ',
      ...(facts.addDeterminism ? ['    %{?__os_install_post_build_reproducibility} '] : []),
      '%{nil}',
    ].join('\n'),
    python_wheel_pkg_prefix: 'python%{?rhel:%{!?eln:%{python3_pkgversion}}}',
    python_wheel_dir: '%{_datadir}/%{python_wheel_pkg_prefix}-wheels',
    py_auto_byte_compile: '1',
    _python_bytecompile_extra: '0',
    __env_unset_source_date_epoch_if_not_clamp_mtime: '%[0%{?clamp_mtime_to_source_date_epoch} == 0 ? "env -u SOURCE_DATE_EPOCH" : "env"]',
    __brp_python_bytecompile: '%{__env_unset_source_date_epoch_if_not_clamp_mtime} %{_rpmconfigdir}/redhat/brp-python-bytecompile "" "%{?_python_bytecompile_errors_terminate_build}" "%{?_python_bytecompile_extra}" "%{?_smp_build_ncpus:-j%{_smp_build_ncpus}}"',
    __brp_fix_pyc_reproducibility: '%{_rpmconfigdir}/redhat/brp-fix-pyc-reproducibility',
    __brp_python_hardlink: '%{_rpmconfigdir}/redhat/brp-python-hardlink',
    __brp_mangle_shebangs: '/usr/lib/rpm/redhat/brp-mangle-shebangs',
    _pyproject_files_pkgversion: '%[ "%{python3_pkgversion}" == "3" ? "" : "-%{python3_pkgversion}" ]',
    _pyproject_files_prefix: '%{name}-%{version}-%{release}.%{_arch}%{_pyproject_files_pkgversion}',
    _pyproject_wheeldir: '%{_builddir}/pyproject-wheeldir%{_pyproject_files_pkgversion}',
    _pyproject_builddir: '%{_builddir}/.pyproject-builddir%{_pyproject_files_pkgversion}',
    _pyproject_record: '%{_builddir}/%{_pyproject_files_prefix}-pyproject-record',
    _pyproject_modules: '%{_builddir}/%{_pyproject_files_prefix}-pyproject-modules',
    _pyproject_ghost_distinfo: '%{_builddir}/%{_pyproject_files_prefix}-pyproject-ghost-distinfo',
    pyproject_files: { opts: 'D:', body: '%{_builddir}/%{_pyproject_files_prefix}-pyproject-files%{?-D:-%{-D*}}' },
    default_toxenv: 'py%{python3_version_nodots}',
    toxenv: '%{default_toxenv}',
    pyproject_buildrequires: { opts: '-', body: "echo 'pyproject-rpm-macros'\necho 'python%{python3_pkgversion}-devel'\necho 'python%{python3_pkgversion}dist(packaging)'\necho 'python%{python3_pkgversion}dist(pip) >= 19'\nRPM_TOXENV=\"%{toxenv}\" %{__python3} -Bs %{_rpmconfigdir}/redhat/pyproject_buildrequires.py --python3_pkgversion %{python3_pkgversion} --wheeldir %{_pyproject_wheeldir} %{?**}" },
    pyproject_wheel: { opts: '-', body: 'mkdir -p "%{_pyproject_builddir}"\nTMPDIR="%{_pyproject_builddir}" %{__python3} -Bs %{_rpmconfigdir}/redhat/pyproject_wheel.py %{?**} %{_pyproject_wheeldir}' },
    pyproject_install: { opts: '', body: 'TMPDIR="%{_pyproject_builddir}" %{__python3} -m pip install --root %{buildroot} --prefix %{_prefix} --no-deps --disable-pip-version-check --ignore-installed --no-warn-script-location --no-index --no-cache-dir --find-links %{_pyproject_wheeldir} $(ls %{_pyproject_wheeldir}/*.whl)\nif [ -d %{buildroot}%{_bindir} ]; then\n  %{py3_shebang_fix} %{buildroot}%{_bindir}/*\n  rm -rfv %{buildroot}%{_bindir}/__pycache__\nfi' },
    pyproject_save_files: { opts: '-', body: '%{__python3} %{_rpmconfigdir}/redhat/pyproject_save_files.py --output-files "%{pyproject_files}" --output-modules "%{_pyproject_modules}" --buildroot "%{buildroot}" --sitelib "%{python3_sitelib}" --sitearch "%{python3_sitearch}" --python-version "%{python3_version}" --pyproject-record "%{_pyproject_record}" --prefix "%{_prefix}" %{**}' },
    pyproject_check_import: { opts: '-', body: '%{py3_check_import -f %{_pyproject_modules} %{?**}}' },
    pyproject_extras_subpkg: { opts: 'n:i:f:FaAD:', body: '%{python_extras_subpkg %{?-n} %{?-i} %{?-f} %{?-F} %{?-a} %{?-A} %{!?-i:%{!?-f:%{!?-F:-f %{_pyproject_ghost_distinfo}}}} %*}' },
    tox: { opts: '-', body: 'TOX_TESTENV_PASSENV="${TOX_TESTENV_PASSENV:-*}" %{py3_test_envvars} HOSTNAME="rpmbuild" %{__python3} -m tox --current-env --assert-config -q --recreate -e "%{toxenv}" %{?**}' },
  };
}

/** Fedora, EL9, EL10: clamp mtimes, then compileall for levels 0 and 1 (Python ≥ 3.9 branch). */
const MODERN_BYTE_COMPILE = [
  '',
  'case "%1" in *" -"*) echo "py_byte_compile: the interpreter argument must not include options" >&2; exit 1;; esac',
  '%{__env_unset_source_date_epoch_if_not_clamp_mtime} PYTHONPATH=%{_rpmconfigdir}/redhat %1 -s -B -m clamp_source_mtime %2',
  '%{__env_unset_source_date_epoch_if_not_clamp_mtime} PYTHONHASHSEED=0 %1 -s -B -m compileall %{?_smp_build_ncpus:-j%{_smp_build_ncpus}} -o 0 -o 1 -s $RPM_BUILD_ROOT -p / --hardlink-dupes --invalidation-mode=timestamp %2',
  '%{nil}',
].join('\n');


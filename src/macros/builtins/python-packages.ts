/**
 * Which Fedora package defines each Python macro (facts: python-packaging-facts.md, table f).
 * A spec that uses a macro needs that package in its buildroot: python-srpm-macros is always
 * there (through redhat-rpm-config); the others come with `BuildRequires: python3-devel`, and on
 * RHEL pyproject-rpm-macros must be required on its own.
 */
export type PythonMacroPackage =
  | 'python-srpm-macros' | 'python-rpm-macros' | 'python3-rpm-macros' | 'pyproject-rpm-macros'
  | 'python3-rpm-generators' | 'python2-rpm-macros';

const BY_NAME: Readonly<Record<string, PythonMacroPackage>> = {
  python3_pkgversion: 'python-srpm-macros', __python3: 'python-srpm-macros', python3: 'python-srpm-macros',
  __python2: 'python-srpm-macros', python2: 'python-srpm-macros', __python: 'python-srpm-macros', python: 'python-srpm-macros',
  __default_python3_version: 'python-srpm-macros', __default_python3_pkgversion: 'python-srpm-macros',
  py_dist_name: 'python-srpm-macros', py3_dist: 'python-srpm-macros', py2_dist: 'python-srpm-macros',
  pypi_source: 'python-srpm-macros', __pypi_url: 'python-srpm-macros', __pypi_default_extension: 'python-srpm-macros',
  py_provides: 'python-srpm-macros', python_extras_subpkg: 'python-srpm-macros', python_wheel_pkg_prefix: 'python-srpm-macros',
  python_wheel_dir: 'python-srpm-macros', py_auto_byte_compile: 'python-srpm-macros',
  _python_bytecompile_extra: 'python-srpm-macros', _python_bytecompile_errors_terminate_build: 'python-srpm-macros',
  __os_install_post_python: 'python-srpm-macros', __env_unset_source_date_epoch_if_not_clamp_mtime: 'python-srpm-macros',
  py_setup: 'python-rpm-macros', python_version: 'python-rpm-macros', python_version_nodots: 'python-rpm-macros',
  python_sitelib: 'python-rpm-macros', python_sitearch: 'python-rpm-macros', python_platform: 'python-rpm-macros',
  python_cache_tag: 'python-rpm-macros', py_build: 'python-rpm-macros', py_install: 'python-rpm-macros',
  py_byte_compile: 'python-rpm-macros', py_shebang_fix: 'python-rpm-macros', py_shbang_opts: 'python-rpm-macros',
  python_provide: 'python-rpm-macros', python_disable_dependency_generator: 'python-rpm-macros',
  python_enable_dependency_generator: 'python-rpm-macros',
  python3_version: 'python3-rpm-macros', python3_version_nodots: 'python3-rpm-macros', python3_sitelib: 'python3-rpm-macros',
  python3_sitearch: 'python3-rpm-macros', python3_platform: 'python3-rpm-macros', python3_platform_triplet: 'python3-rpm-macros',
  python3_ext_suffix: 'python3-rpm-macros', python3_cache_tag: 'python3-rpm-macros', py3dir: 'python3-rpm-macros',
  py3_shbang_opts: 'python3-rpm-macros', py3_shbang_opts_nodash: 'python3-rpm-macros', py3_shebang_flags: 'python3-rpm-macros',
  py3_shebang_fix: 'python3-rpm-macros', py3_build: 'python3-rpm-macros', py3_build_wheel: 'python3-rpm-macros',
  py3_install: 'python3-rpm-macros', py3_install_wheel: 'python3-rpm-macros', py3_test_envvars: 'python3-rpm-macros',
  __pytest: 'python3-rpm-macros', pytest: 'python3-rpm-macros', py3_check_import: 'python3-rpm-macros', pycached: 'python3-rpm-macros',
  toxenv: 'pyproject-rpm-macros', default_toxenv: 'pyproject-rpm-macros', tox: 'pyproject-rpm-macros',
  __pythondist_requires: 'python3-rpm-generators', __pythondist_provides: 'python3-rpm-generators',
  python2_version: 'python2-rpm-macros', python2_version_nodots: 'python2-rpm-macros', python2_sitelib: 'python2-rpm-macros',
  python2_sitearch: 'python2-rpm-macros', py2_build: 'python2-rpm-macros', py2_install: 'python2-rpm-macros', py2_shbang_opts: 'python2-rpm-macros',
};

/** The package that defines a Python macro on Fedora, or undefined when it is not a Python macro. */
export function pythonMacroPackage(name: string): PythonMacroPackage | undefined {
  if (name.startsWith('pyproject_') || name.startsWith('_pyproject_')) return 'pyproject-rpm-macros';
  if (name.startsWith('__brp_python') || name.startsWith('_py3_shebang') || name.startsWith('_py_shebang')) {
    return name.startsWith('__brp') ? 'python-srpm-macros' : 'python3-rpm-macros';
  }
  return BY_NAME[name];
}

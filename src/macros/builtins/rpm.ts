import type { NativeMacro } from '../scope.js';
import { unknownText } from '../unknown.js';

/**
 * rpm's own macros for x86_64, as Fedora and RHEL configure them (rpm's macros file plus
 * redhat-rpm-config where it changes a value). Values are facts of the distributions; the
 * spec-facing ones are what rules reason with: directories, tools, build helpers.
 */
export type MacroTable = Readonly<Record<string, MacroTableEntry>>;
export type MacroTableEntry = string | NativeMacro | { readonly opts: string; readonly body: string | NativeMacro } | null;

export const RPM_PATHS: MacroTable = {
  nil: '',
  _usr: '/usr',
  _var: '/var',
  _prefix: '/usr',
  _exec_prefix: '%{_prefix}',
  _bindir: '%{_exec_prefix}/bin',
  _sbindir: '%{_exec_prefix}/sbin',
  _libexecdir: '%{_exec_prefix}/libexec',
  _datarootdir: '%{_prefix}/share',
  _datadir: '%{_datarootdir}',
  _sysconfdir: '/etc',
  _sharedstatedir: '/var/lib',
  _localstatedir: '/var',
  _runstatedir: '/run',
  _rundir: '/run',
  _lib: 'lib64',
  _libdir: '%{_exec_prefix}/%{_lib}',
  _includedir: '%{_prefix}/include',
  _infodir: '%{_datarootdir}/info',
  _mandir: '%{_datarootdir}/man',
  _docdir: '%{_datadir}/doc',
  _pkgdocdir: '%{_docdir}/%{name}',
  _defaultdocdir: '%{_datadir}/doc',
  _licensedir: '%{_datadir}/licenses',
  _defaultlicensedir: '%{_datadir}/licenses',
  _pkglicensedir: '%{_licensedir}/%{name}',
  _initddir: '%{_sysconfdir}/rc.d/init.d',
  _initrddir: '%{_initddir}',
  _unitdir: '%{_prefix}/lib/systemd/system',
  _userunitdir: '%{_prefix}/lib/systemd/user',
  _presetdir: '%{_prefix}/lib/systemd/system-preset',
  _udevrulesdir: '%{_prefix}/lib/udev/rules.d',
  _tmpfilesdir: '%{_prefix}/lib/tmpfiles.d',
  _sysusersdir: '%{_prefix}/lib/sysusers.d',
  _metainfodir: '%{_datadir}/metainfo',
  _rpmconfigdir: '%{_usr}/lib/rpm',
  _rpmmacrodir: '%{_rpmconfigdir}/macros.d',
  rpmmacrodir: '%{_rpmmacrodir}',
  _fontbasedir: '%{_datadir}/fonts',
  _emacs_sitelispdir: '%{_datadir}/emacs/site-lisp',
  _tmppath: '%{_var}/tmp',
  _usrsrc: '%{_usr}/src',
  _arch: 'x86_64',
  _target_cpu: 'x86_64',
  _host_cpu: 'x86_64',
  _build_cpu: 'x86_64',
  _target_os: 'linux',
  _os: 'linux',
  _vendor: 'redhat',
  _target: 'x86_64-linux',
  _host: 'x86_64-redhat-linux-gnu',
  _build: 'x86_64-redhat-linux-gnu',
  _gnu: '-gnu',
  // mock's layout, the one Fedora and EPEL builds run in.
  _topdir: '/builddir/build',
  _builddir: '%{_topdir}/BUILD',
  _buildrootdir: '%{_topdir}/BUILDROOT',
  _sourcedir: '%{_topdir}/SOURCES',
  _specdir: '%{_topdir}/SPECS',
  _rpmdir: '%{_topdir}/RPMS',
  _srcrpmdir: '%{_topdir}/SRPMS',
  buildroot: '%{_buildrootdir}/%{NAME}-%{VERSION}-%{RELEASE}.%{_arch}',
};

/** Tools and build helpers rpm defines; the number of build CPUs is the build machine's, so unknown. */
export const RPM_TOOLS: MacroTable = {
  __awk: '/usr/bin/gawk',
  __bzip2: '/usr/bin/bzip2',
  __cat: '/usr/bin/cat',
  __chmod: '/usr/bin/chmod',
  __chown: '/usr/bin/chown',
  __cp: '/usr/bin/cp',
  __grep: '/usr/bin/grep',
  __gzip: '/usr/bin/gzip',
  __id: '/usr/bin/id',
  __install: '/usr/bin/install',
  __ln_s: 'ln -s',
  __make: '/usr/bin/make',
  __mkdir: '/usr/bin/mkdir',
  __mkdir_p: '/usr/bin/mkdir -p',
  __mv: '/usr/bin/mv',
  __patch: '/usr/bin/patch',
  __rm: '/usr/bin/rm',
  __sed: '/usr/bin/sed',
  __tar: '/usr/bin/tar',
  __unzip: '/usr/bin/unzip',
  __xz: '/usr/bin/xz',
  __cc: 'gcc',
  __cxx: 'g++',
  __cpp: 'gcc -E',
  _smp_build_ncpus: unknownText('%{_smp_build_ncpus}'),
  _smp_mflags: '-j%{_smp_build_ncpus}',
  _make_output_sync: '-O',
  _make_verbose: 'V=1 VERBOSE=1',
  make_build: '%{__make} %{_make_output_sync} %{?_smp_mflags} %{_make_verbose}',
  make_install: '%{__make} install DESTDIR=%{?buildroot} INSTALL="%{__install} -p"',
  makeinstall: '%{__make} prefix=%{?buildroot:%{buildroot}}%{_prefix} exec_prefix=%{?buildroot:%{buildroot}}%{_exec_prefix} bindir=%{?buildroot:%{buildroot}}%{_bindir} sbindir=%{?buildroot:%{buildroot}}%{_sbindir} sysconfdir=%{?buildroot:%{buildroot}}%{_sysconfdir} datadir=%{?buildroot:%{buildroot}}%{_datadir} includedir=%{?buildroot:%{buildroot}}%{_includedir} libdir=%{?buildroot:%{buildroot}}%{_libdir} libexecdir=%{?buildroot:%{buildroot}}%{_libexecdir} localstatedir=%{?buildroot:%{buildroot}}%{_localstatedir} sharedstatedir=%{?buildroot:%{buildroot}}%{_sharedstatedir} mandir=%{?buildroot:%{buildroot}}%{_mandir} infodir=%{?buildroot:%{buildroot}}%{_infodir} install',
};

/**
 * rpm's patch and unpack helpers for %prep. `%autosetup` writes a `%setup` line, an optional SCM
 * setup and `%autopatch`; %prep's parser then turns `%setup` into shell (see prep.ts). The
 * spec-dependent `%autopatch` is defined by the spec expander, which knows the spec's patches.
 */
export const RPM_PREP: MacroTable = {
  __rpmuncompress: '%{_rpmconfigdir}/rpmuncompress',
  _fixperms: '%{__chmod} -Rf a+rX,u+w,g-w,o-w',
  _default_patch_fuzz: '0',
  _default_patch_flags: '--no-backup-if-mismatch -f',
  __scm: 'patch',
  __scm_username: 'rpm-build',
  __scm_usermail: '<rpm-build>',
  __scm_author: '%{__scm_username} %{__scm_usermail}',
  __scm_setup_patch: { opts: 'q', body: '%{nil}' },
  __scm_apply_patch: { opts: 'qp:m:', body: '\n%{__patch} %{-p:-p%{-p*}} %{-q:-s} --fuzz=%{_default_patch_fuzz} %{_default_patch_flags}' },
  autosetup: {
    opts: 'a:b:cDn:TvNS:p:',
    body: (call) => {
      const option = (letter: string): string => call.expand(`%{-${letter}}`);
      const quiet = option('v') === '' ? '-q' : '';
      const scm = call.expand('%{-S*}');
      if (scm !== '') call.defineGlobal('__scm', scm);
      return [
        '',
        `%setup ${['a', 'b', 'c', 'D', 'n', 'T'].map(option).join(' ')} ${quiet}`,
        '',
        call.expand(`%{expand:%__scm_setup_%{__scm} ${quiet}}`),
        option('N') === '' ? call.expand(`%autopatch ${option('v')} ${call.expand('%{-p:-p%{-p*}}')}`) : '',
      ].join('\n');
    },
  },
};

/**
 * rpmautospec's `%autorelease` and `%autochangelog` take their values from the package's git
 * history; without it, a release of 1 and a placeholder entry stand in.
 */
export const RPMAUTOSPEC: MacroTable = {
  autorelease: { opts: 'e:s:pb:n', body: '%{?-p:0.}%{?-b:%{-b*}}%{!?-b:1}%{?-e:.%{-e*}}%{?-s:.%{-s*}}%{!?-n:%{?dist}}' },
  autochangelog: '* Thu Jan 01 2026 Placeholder <placeholder@example.invalid> - 0-0\n- changelog generated by rpmautospec (placeholder for expansion only)',
};

/**
 * `%with`, `%without`, `%bcond_with`, `%bcond_without` and `%bcond`: build conditionals. A
 * `--with foo` on rpmbuild's command line defines `_with_foo`; speclint lints the defaults.
 */
export const RPM_BUILD_CONDITIONALS: MacroTable = {
  with: { opts: '', body: (call) => (call.defined(`with_${call.args[0] ?? ''}`) ? '1' : '0') },
  without: { opts: '', body: (call) => (call.defined(`with_${call.args[0] ?? ''}`) ? '0' : '1') },
  bcond_with: { opts: '', body: bcond(false) },
  bcond_without: { opts: '', body: bcond(true) },
  bcond: {
    opts: '',
    body: (call) => {
      const on = call.expand(`%[ (${call.args[1] ?? '0'}) ? 1 : 0 ]`) === '1';
      return bcond(on)(call);
    },
  },
};

function bcond(defaultOn: boolean): NativeMacro {
  return (call) => {
    const name = call.args[0] ?? '';
    const on = defaultOn ? !call.defined(`_without_${name}`) : call.defined(`_with_${name}`);
    if (on) call.defineGlobal(`with_${name}`, '1');
    return '';
  };
}

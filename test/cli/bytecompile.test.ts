import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../helpers/spec.js';
import { runMain } from './run-main.js';
import { HAVE_BIN, runBin } from '../helpers/bin.js';

const ROOT = join(import.meta.dirname, '../..');
const example = (name: string): string => join(ROOT, 'specs-examples', name);
const NOT_COMPILED = example('10-private-module-not-compiled.spec');
const COMPILED = example('11-private-module-compiled.spec');
const EL7_PYTHON2 = example('80-el7-private-module-compiled-by-python2.spec');

/** A tool with a private module tree and no python3-devel, so one change calls for another. */
const NO_DEVEL = spec`
  Name:           quoll
  Version:        2.3
  Release:        1%{?dist}
  Summary:        Quoll
  License:        MIT
  BuildArch:      noarch

  %description
  Quoll.

  %build
  %{__python3} -c 'import sys'

  %install
  install -d %{buildroot}%{_datadir}/%{name}
  install -m644 lib/*.py %{buildroot}%{_datadir}/%{name}/

  %files
  %{_datadir}/%{name}/
`;

/** Everything right, with the site-packages installed by the pyproject macros. */
const PYPROJECT = spec`
  Name:           python-kowari
  Version:        2.0.1
  Release:        1%{?dist}
  Summary:        Kowari
  License:        MIT
  BuildArch:      noarch
  BuildRequires:  python3-devel

  %description
  Kowari.

  %install
  %pyproject_install

  %files -n python3-kowari
  %{python3_sitelib}/kowari/
`;

let dir: string;
const write = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-bytecompile-'));
});

describe('speclint bytecompile', () => {
  it('prints the private directory, the %py_byte_compile line and where it goes, and exits 1', async () => {
    const run = await runMain(['bytecompile', NOT_COMPILED]);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(run.stdout).toBe([
      `${NOT_COMPILED}, for fedora (Fedora 44 (current))`,
      '',
      'Private modules outside the Python directories:',
      '  /usr/share/wombat-cli/plugins (line 22): not byte-compiled; change 1 compiles it',
      '',
      'Changes to make:',
      '  1. after line 22, at the end of %install [PY001]:',
      '       %py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/plugins',
      '',
      'BuildRequires to add: none',
      '',
      '1 change to make; run with --write to make it.',
      '',
    ].join('\n'));
  });

  it('says so and exits 0 when the spec already does everything', async () => {
    const run = await runMain(['bytecompile', COMPILED]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  /usr/share/wombat-cli/plugins (line 21): byte-compiled at line 22\n');
    expect(run.stdout).toContain('BuildRequires to add: none\n');
    expect(run.stdout).toMatch(/\nNothing to add: the spec already does everything byte-compilation needs on fedora\.\n$/);
    expect(run.stdout).not.toContain('Changes to make');
  });

  it('adds the BuildRequires that the %py_byte_compile line needs, in the preamble', async () => {
    const run = await runMain(['bytecompile', write('no-devel.spec', NO_DEVEL)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain([
      'Changes to make:',
      '  1. after line 6, in the preamble [PY003]:',
      '       BuildRequires:  python3-devel',
      '  2. after line 16, at the end of %install [PY001]:',
      '       %py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}',
      '',
      'BuildRequires to add: python3-devel (change 1)',
    ].join('\n'));
  });

  it('says why it cannot add the call when the spec has no %install to put it in', async () => {
    const path = write('no-install.spec', spec`
      Name:           numbat
      Version:        1.0
      Release:        1%{?dist}
      BuildRequires:  python3-devel

      %description
      Numbat.

      %files
      %{_datadir}/%{name}/*.py
    `);
    const run = await runMain(['bytecompile', '--write', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  /usr/share/numbat (line 10): not byte-compiled, and speclint cannot add the call (see below)\n');
    expect(run.stdout).toContain('Not done automatically:\n  line 10: Python modules in /usr/share/numbat are installed outside site-packages and nothing byte-compiles them [PY001]\n'
      + '    no change offered: the spec has no %install to put %py_byte_compile in\n');
    expect(run.stdout).toMatch(/\nNothing speclint can add by itself\. 1 finding left to handle by hand/);
  });

  it('says why it cannot add the call when every command of %install depends on shell output', async () => {
    const path = write('undecided-install.spec', 'Name:           numbat\nVersion:        1.0\nBuildRequires:  python3-devel\n%install\n%if %(test -d x && echo 1 || echo 0)\nmake install\n%endif\n%files\n%{_datadir}/%{name}/*.py\n');
    const run = await runMain(['bytecompile', path]);
    expect(run.stdout).toContain('    no change offered: speclint cannot tell which command of %install runs last (they stand under conditions it cannot decide)\n');
  });

  it('places the call after the blank line that ends a continued last command, at the end of %install', async () => {
    const path = write('continued.spec', 'Name:           numbat\nVersion:        1.0\nBuildRequires:  python3-devel\n%install\nmake install \\\n\n%files\n%{_datadir}/%{name}/*.py\n');
    const run = await runMain(['bytecompile', path]);
    expect(run.stdout).toMatch(/after line 6, at the end of %install \[PY001\]/);
  });

  it.each([
    ['undefines %py_byte_compile', '%undefine py_byte_compile\n%install\ncp -a lib/*.py %{buildroot}%{_datadir}/%{name}/\n', 'the spec undefines %py_byte_compile'],
    // The modules show in %files only, so the call would go at the end of %install.
    ['ends %install inside a continued command', '%install\nmake install \\\n%files\n%{_datadir}/%{name}/*.py\n', '%install ends inside a command that speclint cannot follow to its end'],
  ])('says why it cannot add the call when the spec %s', async (_, body, reason) => {
    const path = write('no-call.spec', `Name:           numbat\nVersion:        1.0\nBuildRequires:  python3-devel\n${body}`);
    const run = await runMain(['bytecompile', path]);
    expect(run.stdout).toContain(`    no change offered: ${reason}\n`);
  });

  describe('on EL7', () => {
    it('points %__python at Python 3 instead of adding %py_byte_compile', async () => {
      const run = await runMain(['bytecompile', '--target', 'el7', EL7_PYTHON2]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('  /usr/share/quoll-backup (line 24): byte-compiled by rpm\'s automatic step with Python 3, once change 1 points %__python at it\n');
      expect(run.stdout).toContain('  1. after line 2, in the preamble [PY018]:\n       %global __python %{__python3}\n');
      expect(run.stdout).not.toContain('%py_byte_compile');
    });

    it('adds python3-devel and then, since that makes it a Python 3 package, the %__python line', async () => {
      const path = write('el7-no-devel.spec', NO_DEVEL);
      const run = await runMain(['bytecompile', '--target', 'el7', '--write', path]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('  1. line 1, in the preamble [PY018]:\n       %global __python %{__python3}\n');
      expect(run.stdout).toContain('  2. line 8, in the preamble [PY003]:\n       BuildRequires:  python3-devel\n');
      expect((await runMain(['lint', '--target', 'el7', path])).stdout).toBe('No problems found in 1 file.\n');
    });

    it('leaves the %__python line for review when the spec uses what it re-points', async () => {
      const text = readFileSync(EL7_PYTHON2, 'utf8').replace('%files\n', '%files\n%{python_sitelib}/quoll/\n');
      const path = write('el7-sitelib.spec', text);
      const run = await runMain(['bytecompile', '--target', 'el7', '--write', path]);
      expect(run.code).toBe(1);
      expect(readFileSync(path, 'utf8')).toBe(text);
      expect(run.stdout).toContain('Not done automatically:\n  line 24: On EL7, rpm byte-compiles the private Python 3 modules in /usr/share/quoll-backup with Python 2.7 [PY018]\n'
        + '    to review, then make by hand: Define %__python as %{__python3}\n      %global __python %{__python3}\n');
    });
  });

  describe('--reproducible', () => {
    it('defines %py_reproducible_pyc_path and BuildRequires marshalparser where the target runs brp-fix-pyc-reproducibility', async () => {
      const run = await runMain(['bytecompile', '--reproducible', '--target', 'el9', write('pyproject.spec', PYPROJECT)]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain([
        'Changes to make:',
        '  1. after line 7, in the preamble [PY008]:',
        '       BuildRequires:  /usr/bin/marshalparser',
        '  2. after line 7, in the preamble [--reproducible]:',
        '       %global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}',
        '',
        'BuildRequires to add: /usr/bin/marshalparser (change 1)',
        '',
        'Reproducible byte code:',
        '  change 2 defines %py_reproducible_pyc_path; change 1 BuildRequires /usr/bin/marshalparser',
      ].join('\n'));
      const fedora40 = await runMain(['bytecompile', '--reproducible', '--target', 'fedora-40', join(dir, 'pyproject.spec')]);
      expect(fedora40.stdout).toContain('%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}');
    });

    it('compiles private modules reproducibly too, from the whole buildroot', async () => {
      const run = await runMain(['bytecompile', '--reproducible', '--target', 'el10', NOT_COMPILED]);
      expect(run.stdout).toContain('       %global py_reproducible_pyc_path %{buildroot}\n');
    });

    it('adds nothing and says why where it is redundant or has no effect', async () => {
      const path = join(dir, 'pyproject.spec');
      const fedora = await runMain(['bytecompile', '--reproducible', path]);
      expect(fedora.code).toBe(0);
      expect(fedora.stdout).toContain('Reproducible byte code:\n  not needed on fedora: add-determinism already makes every .pyc in the buildroot reproducible; nothing added\n');
      expect(fedora.stdout).not.toContain('marshalparser');
      const el8 = await runMain(['bytecompile', '--reproducible', '--target', 'el8', path]);
      expect(el8.code).toBe(0);
      expect(el8.stdout).toContain('  el8 has no brp-fix-pyc-reproducibility, so %py_reproducible_pyc_path does nothing there; nothing added\n');
    });
  });

  describe('--write', () => {
    it('writes the changes, which lint then accepts, and a second --write changes nothing', async () => {
      const path = join(dir, 'write.spec');
      copyFileSync(NOT_COMPILED, path);
      const first = await runMain(['bytecompile', '--write', path]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Changes made:\n  1. line 23, at the end of %install [PY001]:\n');
      expect(first.stdout).toMatch(/\nWrote 1 change to .*write\.spec\.\n$/);
      const written = readFileSync(path, 'utf8');
      expect(written).toBe(readFileSync(NOT_COMPILED, 'utf8').replace(
        'plugins/*.py %{buildroot}%{_datadir}/%{name}/plugins/\n',
        'plugins/*.py %{buildroot}%{_datadir}/%{name}/plugins/\n%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/plugins\n',
      ));
      const lint = await runMain(['lint', path]);
      expect(lint).toMatchObject({ code: 0, stdout: 'No problems found in 1 file.\n' });
      const second = await runMain(['bytecompile', '--write', path]);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('Nothing to add');
      expect(readFileSync(path, 'utf8')).toBe(written);
    });

    it('leaves suppression pragmas alone, used or not', async () => {
      const original = readFileSync(NOT_COMPILED, 'utf8').replace('BuildRequires:  python3-devel\n', '# speclint: disable=PY003 -- unused here\nBuildRequires:  python3-devel\n');
      expect(original).toContain('disable=PY003');
      const path = write('pragma.spec', original);
      const run = await runMain(['bytecompile', '--write', path]);
      expect(run.stdout).not.toContain('SL001');
      const written = readFileSync(path, 'utf8');
      expect(written).toContain('# speclint: disable=PY003 -- unused here\n');
      expect(written).toContain('%py_byte_compile %{python3}');
    });

    it('keeps a latin-1 file latin-1 and touches no byte it does not add', async () => {
      const original = Buffer.concat([Buffer.from(NO_DEVEL, 'latin1'), Buffer.from('# Qu\xe9bec\n', 'latin1')]);
      const path = write('latin1.spec', original);
      expect((await runMain(['bytecompile', '--write', '--reproducible', '--target', 'el9', path])).code).toBe(0);
      const bytes = readFileSync(path);
      expect(bytes.includes(Buffer.from('Qu\xe9bec', 'latin1'))).toBe(true);
      const added = ['BuildRequires:  python3-devel\n', 'BuildRequires:  /usr/bin/marshalparser\n', '%global py_reproducible_pyc_path %{buildroot}\n', '%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}\n'];
      let left = bytes.toString('latin1');
      for (const line of added) left = left.replace(line, '');
      expect(left).toBe(original.toString('latin1'));
    });
  });

  describe('when it cannot tell', () => {
    it('says which directories make install may fill, and what to add if they hold modules', async () => {
      const path = write('make-install.spec', spec`
        Name:           numbat
        Version:        1.0
        Release:        1%{?dist}
        Summary:        Numbat
        License:        MIT
        BuildRequires:  python3-devel

        %description
        Numbat.

        %install
        %make_install

        %files
        %{_bindir}/numbat
        %{_datadir}/%{name}/
        %{_datadir}/icons/hicolor/
      `);
      const run = await runMain(['bytecompile', path]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Private modules outside the Python directories:\n  none found\n');
      expect(run.stdout).toContain([
        'Cannot tell:',
        '  line 16: cannot tell whether /usr/share/numbat holds Python modules: line 12 installs files speclint cannot list, and %files shows no .py file there',
        '    if it does, add at the end of %install: %py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}',
        '',
        'Nothing to add that speclint can see, but it cannot tell everything (see "Cannot tell").',
      ].join('\n'));
      expect(run.stdout).not.toContain('icons');
    });

    it('names the macros the target does not define, and shell output it does not run', async () => {
      const path = write('unexpanded.spec', spec`
        Name:           numbat
        Version:        1.0
        Release:        1%{?dist}
        BuildRequires:  python3-devel

        %description
        Numbat.

        %install
        install -m644 extra.py %{buildroot}%{appdir}/
        cp -a lib %{buildroot}%(echo /usr/share/numbat)

        %files
        %{_datadir}/%{srcname}/
      `);
      const run = await runMain(['bytecompile', path]);
      expect(run.stdout).toContain([
        'Cannot tell:',
        '  line 10: cannot tell what this line installs: %{appdir} is not defined for fedora',
        '  line 11: cannot tell what this line installs: it uses the output of %(…) or Lua, which speclint does not run',
        '  line 14: cannot tell what this line ships: %{srcname} is not defined for fedora',
      ].join('\n'));
    });
  });

  describe('errors', () => {
    it('reports an unreadable file with exit 2', async () => {
      const missing = join(dir, 'missing.spec');
      const run = await runMain(['bytecompile', missing]);
      expect(run).toMatchObject({ code: 2, stdout: '', stderr: `speclint: ${missing}: no such file or directory\n` });
    });

    it('rejects an unknown target with exit 2', async () => {
      const run = await runMain(['bytecompile', '--target', 'el6', NOT_COMPILED]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^speclint: unknown target "el6"; choose one of fedora, .*el10\n$/);
      expect(run.stdout).toBe('');
    });
  });
});

describe.skipIf(!HAVE_BIN)('speclint bytecompile, built', () => {
  it('prints the same plan and exit code as in-process', async () => {
    const spawned = runBin(['bytecompile', NOT_COMPILED]);
    const inProcess = await runMain(['bytecompile', NOT_COMPILED]);
    expect(spawned.status).toBe(1);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stdout).toContain('%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/plugins');
  });
});

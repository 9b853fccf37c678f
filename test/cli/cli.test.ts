import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../src/rules/codes.js';
import { runMain } from './run-main.js';
import { HAVE_BIN, runBin } from '../helpers/bin.js';

const ROOT = join(import.meta.dirname, '../..');
const CLEAN = join(ROOT, 'specs-examples/01-python-quokka-clean.spec');
const PROBLEMS = join(ROOT, 'specs-examples/02-parse-problems.spec');
const MESSY = join(ROOT, 'specs-examples/90-realistic-messy.spec');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-cli-'));
  mkdirSync(join(dir, 'tree/nested'), { recursive: true });
  writeFileSync(join(dir, 'tree/a.spec'), 'Name: a\n');
  writeFileSync(join(dir, 'tree/nested/b.spec'), 'Name: b\n%endif\n');
  writeFileSync(join(dir, 'tree/notes.txt'), '%endif\n');
  mkdirSync(join(dir, 'tree/.git'));
  mkdirSync(join(dir, 'tree/node_modules/x'), { recursive: true });
  writeFileSync(join(dir, 'tree/.git/c.spec'), '%endif\n');
  writeFileSync(join(dir, 'tree/node_modules/x/d.spec'), '%endif\n');
});

describe('speclint lint (the default command)', () => {
  it('exits 0 and says so on a clean spec', async () => {
    const run = await runMain([CLEAN]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('No problems found in 1 file.\n');
  });

  it('exits 1 with file:line:col, a code frame and a summary on problems', async () => {
    const run = await runMain(['lint', PROBLEMS]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${PROBLEMS}:8:1  error  unknown tag BuildRequries  [SP007 unknown-tag]\n  8 | BuildRequries:  python3-devel\n    | ^^^^^^^^^^^^^\n`);
    expect(run.stdout).toMatch(/Found 5 problems \(5 errors\) in 1 file of 1 checked\.\n$/);
  });

  it('--exit-zero exits 0 but still prints the problems', async () => {
    const run = await runMain(['lint', '--exit-zero', PROBLEMS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('SP007');
  });

  it('searches directories recursively for *.spec, in sorted order, but not hidden ones or node_modules', async () => {
    const run = await runMain(['--format', 'json', join(dir, 'tree')]);
    const report = JSON.parse(run.stdout) as { version: number; files: { filename: string; problems: { code: string }[] }[] };
    expect(report.version).toBe(1);
    expect(report.files.map((f) => [f.filename, f.problems.map((p) => p.code)])).toEqual([
      [join(dir, 'tree/a.spec'), []],
      [join(dir, 'tree/nested/b.spec'), ['SP002']],
    ]);
    expect(run.code).toBe(1);
  });

  it('reports an unreadable path, lints the rest, and exits 2', async () => {
    const run = await runMain([join(dir, 'missing.spec'), PROBLEMS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`speclint: ${join(dir, 'missing.spec')}: no such file or directory\n`);
    expect(run.stdout).toContain('SP007');
  });

  it('exits 2 on a usage error', async () => {
    const bad = await runMain(['--format', 'xml', CLEAN]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'xml' is invalid");
    expect((await runMain(['--no-such-option'])).code).toBe(2);
  });

  it('prints help and the version with exit 0', async () => {
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect((await runMain(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('speclint parse', () => {
  it('prints an outline of the tree with positions', async () => {
    const run = await runMain(['parse', CLEAN]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('4:1     tag              Name = python-%{srcname}  [%{srcname}]\n');
    expect(run.stdout).toContain('section-header   %files -n python3-%{srcname} -f %{pyproject_files}\n');
    expect(run.stdout).toContain('conditional      %if %{with tests}\n');
  });

  it('--json prints the tree with spans and the diagnostics', async () => {
    const run = await runMain(['parse', '--json', PROBLEMS]);
    const [result] = JSON.parse(run.stdout) as { filename: string; tree: { kind: string; source?: string; sections: { name: string }[] }; diagnostics: { code: string }[] }[];
    expect(result!.tree.kind).toBe('file');
    expect(result!.tree.source).toBeUndefined();
    expect(result!.tree.sections.map((s) => s.name)).toEqual(['preamble', 'description', 'prep', 'build', 'files']);
    expect(result!.diagnostics.map((d) => d.code)).toEqual(['SP007', 'SP005', 'SP002', 'SP006', 'SP001']);
    expect(run.code).toBe(0);
  });

  it('exits 2 with a clear message for an unreadable file, after printing the others', async () => {
    const run = await runMain(['parse', join(dir, 'nope.spec'), CLEAN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`speclint: ${join(dir, 'nope.spec')}: no such file or directory\n`);
    expect(run.stdout).toContain('tag              Name');
  });
});

describe('choosing rules and when to fail', () => {
  it('--select and --ignore take ids or names, comma-separated or repeated', async () => {
    const codes = async (...args: string[]) => {
      const run = await runMain(['--format', 'json', ...args, MESSY]);
      return (JSON.parse(run.stdout) as { files: { problems: { code: string }[] }[] }).files[0]!.problems.map((p) => p.code);
    };
    expect(await codes()).toEqual(['PY003', 'PY001', 'PY002', 'PY002']);
    expect(await codes('--select', 'PY003,hardcoded-python-version')).toEqual(['PY003', 'PY002', 'PY002']);
    expect(await codes('--select', 'PY003', '--select', 'PY001')).toEqual(['PY003', 'PY001']);
    expect(await codes('--ignore', 'PY002', '--ignore', 'missing-buildrequires-python-devel')).toEqual(['PY001']);
  });

  it('exits 2 on an unknown rule', async () => {
    const run = await runMain(['--select', 'PY999', CLEAN]);
    expect(run).toMatchObject({ code: 2, stderr: 'speclint: --select: unknown rule PY999 (speclint rules lists them)\n' });
  });

  it('--fail-on sets the lowest severity that fails; --quiet drops the summary', async () => {
    const warningOnly = join(ROOT, 'specs-examples/62-py-byte-compile-in-check.spec');
    expect((await runMain([warningOnly])).code).toBe(1);
    expect((await runMain(['--fail-on', 'warning', warningOnly])).code).toBe(1);
    const run = await runMain(['--fail-on', 'error', '--quiet', warningOnly]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[PY014 py-byte-compile-wrong-section]');
    expect(run.stdout).not.toContain('Found');
  });
});

describe('speclint rules and explain', () => {
  it('lists every rule with its severity and whether it has a fix', async () => {
    const run = await runMain(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(ALL_CODES.map((c) => c.id));
    expect(lines[0]).toMatch(/^PY001 {2}private-module-not-byte-compiled +error +fix {2}Python modules installed outside/);
    expect(lines.find((l) => l.startsWith('PY017'))).toMatch(/ warning {2} {3} {2}Automatic/);
  });

  it('explains a rule by id or name, with its examples and guideline', async () => {
    const byId = await runMain(['explain', 'py001']);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toMatch(/^PY001 private-module-not-byte-compiled\n/);
    expect(byId.stdout).toContain('Bad:\n    Name:           quokka\n');
    expect(byId.stdout).toContain('    %py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/engine\n');
    expect(byId.stdout).toContain('See https://docs.fedoraproject.org/');
    expect((await runMain(['explain', 'private-module-not-byte-compiled'])).stdout).toBe(byId.stdout);
    expect(await runMain(['explain', 'nope'])).toMatchObject({ code: 2, stderr: 'speclint: unknown rule nope (speclint rules lists them)\n' });
    expect((await runMain(['explain', 'unknown-tag'])).stdout).toBe('SP007 unknown-tag\n\nA preamble tag that rpm does not know\nSeverity: error. Fix: never.\n');
  });
});

describe('speclint --fix and --diff', () => {
  // A spec with CRLF endings and a latin-1 byte in the changelog, missing python3-devel.
  const crlfLatin1 = Buffer.concat([
    Buffer.from('Name: q\r\nLicense: MIT\r\nBuildRequires: python3-setuptools\r\n%build\r\n%py3_build\r\n%changelog\r\n* Mon Jan 05 2026 Ren', 'latin1'),
    Buffer.from([0xe9]),
    Buffer.from(' <r@example.org> - 1-1\r\n- first\r\n', 'latin1'),
  ]);

  it('--fix writes the safe fixes, keeps the mode and every other byte, reports what is left, and is idempotent', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'speclint-fix-')), 'q.spec');
    writeFileSync(path, crlfLatin1);
    chmodSync(path, 0o640);
    const run = await runMain(['--fix', path]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('No problems found in 1 file.\nFixed 1 problem in 1 file.\n');
    const insertion = Buffer.from('BuildRequires: python3-devel\r\n', 'latin1');
    const at = crlfLatin1.indexOf('%build');
    expect(readFileSync(path)).toEqual(Buffer.concat([crlfLatin1.subarray(0, at), insertion, crlfLatin1.subarray(at)]));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    const before = readFileSync(path);
    expect((await runMain(['--fix', path])).stdout).toContain('Fixed 0 problems in 0 files.');
    expect(readFileSync(path)).toEqual(before);
  });

  it('--fix through a symbolic link rewrites the file it names and keeps the link', async () => {
    const work = mkdtempSync(join(tmpdir(), 'speclint-link-'));
    writeFileSync(join(work, 'real.spec'), crlfLatin1);
    symlinkSync('real.spec', join(work, 'link.spec'));
    expect((await runMain(['--fix', join(work, 'link.spec')])).code).toBe(0);
    expect(lstatSync(join(work, 'link.spec')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(work, 'real.spec')).includes('BuildRequires: python3-devel\r\n')).toBe(true);
  });

  it('--diff prints the fixes, writes nothing, exits 1, and --unsafe-fixes adds the unsafe ones', async () => {
    const safe = await runMain(['--diff', MESSY]);
    expect(safe.code).toBe(1);
    expect(safe.stdout).toMatch(/^--- a\/specs-examples\/90-realistic-messy\.spec\n\+\+\+ b\/specs-examples\/90-realistic-messy\.spec\n@@ /);
    expect(safe.stdout).toContain('+BuildRequires:  python3-devel\n');
    expect(safe.stdout).not.toContain('%{python3_sitelib}/platypus_hook.py');
    const unsafe = await runMain(['--diff', '--unsafe-fixes', MESSY]);
    expect(unsafe.stdout).toContain('+%{python3_sitelib}/platypus_hook.py\n');
    expect(await runMain(['--diff', CLEAN])).toMatchObject({ code: 0, stdout: '' });
  });

  // root writes anywhere, so a read-only directory proves nothing there.
  if (process.getuid?.() === 0) console.log('[skip] running as root: the unwritable-file test needs an ordinary user');
  it.skipIf(process.getuid?.() === 0)('reports a file it cannot write, leaves it as it was, and exits 2', async () => {
    const readOnly = mkdtempSync(join(tmpdir(), 'speclint-ro-'));
    const path = join(readOnly, 'q.spec');
    writeFileSync(path, crlfLatin1);
    chmodSync(readOnly, 0o555);
    try {
      const run = await runMain(['--fix', path]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`speclint: ${path}: cannot write: permission denied\n`);
      expect(readFileSync(path)).toEqual(crlfLatin1);
      expect(readdirSync(readOnly)).toEqual(['q.spec']);
    } finally {
      chmodSync(readOnly, 0o755);
    }
  });

  it('refuses --fix with --diff', async () => {
    const run = await runMain(['--fix', '--diff', CLEAN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--diff' cannot be used with option '--fix'");
  });
});

describe.skipIf(!HAVE_BIN)('the built binary', () => {
  it('lints with the exit code of a finding', () => {
    const run = runBin(['lint', PROBLEMS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[SP006 unknown-section]');
  });

  it('--diff, applied with git apply, gives the same bytes as --fix; a second --fix changes nothing', () => {
    const work = mkdtempSync(join(tmpdir(), 'speclint-apply-'));
    for (const copy of ['diffed', 'fixed']) cpSync(join(ROOT, 'specs-examples'), join(work, copy), { recursive: true });
    const diff = runBin(['--diff', '.'], { cwd: join(work, 'diffed') });
    expect(diff.status).toBe(1);
    const apply = spawnSync('git', ['apply', '-'], { cwd: join(work, 'diffed'), input: diff.stdout, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    expect(runBin(['--fix', '.'], { cwd: join(work, 'fixed') }).status).toBe(1);
    for (const name of readdirSync(join(work, 'fixed'))) {
      expect(readFileSync(join(work, 'diffed', name)), name).toEqual(readFileSync(join(work, 'fixed', name)));
    }
    const again = runBin(['--fix', '--no-color', '.'], { cwd: join(work, 'fixed') });
    expect(again.stdout).toContain('Fixed 0 problems in 0 files.');
  });

  it('parses', () => {
    const run = runBin(['parse', '--json', CLEAN]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('expands a spec for a target', () => {
    const run = runBin(['expand', '--target', 'el9', CLEAN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/usr/lib/python3.9/site-packages');
    expect(run.stdout).not.toContain('%{srcname}');
  });

  it('lists and explains the rules', () => {
    const rules = runBin(['rules']);
    expect(rules.status).toBe(0);
    expect(rules.stdout.trimEnd().split('\n')).toHaveLength(ALL_CODES.length);
    const explain = runBin(['explain', 'PY001']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/^PY001 private-module-not-byte-compiled\n/);
    expect(runBin(['explain', 'PY999']).status).toBe(2);
  });

  it('prints help and exits 0; a usage error exits 2', () => {
    const help = runBin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(runBin(['--no-such-option', CLEAN]).status).toBe(2);
  });
});

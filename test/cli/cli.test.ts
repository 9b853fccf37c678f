import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/cli.js');
const CLEAN = join(ROOT, 'specs-examples/01-python-quokka-clean.spec');
const PROBLEMS = join(ROOT, 'specs-examples/02-parse-problems.spec');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-cli-'));
  mkdirSync(join(dir, 'tree/nested'), { recursive: true });
  writeFileSync(join(dir, 'tree/a.spec'), 'Name: a\n');
  writeFileSync(join(dir, 'tree/nested/b.spec'), 'Name: b\n%endif\n');
  writeFileSync(join(dir, 'tree/notes.txt'), '%endif\n');
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

  it('searches directories recursively for *.spec, in sorted order', async () => {
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

describe.skipIf(!existsSync(BIN))('the built binary', () => {
  const spawn = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('lints with the exit code of a finding', () => {
    const run = spawn('lint', PROBLEMS);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[SP006 unknown-section]');
  });

  it('parses', () => {
    const run = spawn('parse', '--json', CLEAN);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FAILING = join(ROOT, 'specs-examples/10-private-module-not-compiled.spec');
const CLEAN = join(ROOT, 'specs-examples/01-python-quokka-clean.spec');

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
const skipReason = preCommit.status !== 0 ? 'pre-commit is not installed (.ci/run installs it)'
  : head.status !== 0 ? 'the project is not a git checkout' : null;
if (skipReason !== null) console.log(`[skip] pre-commit hook test: ${skipReason}`);

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
}

/**
 * As a packager uses it: a repository of specs whose .pre-commit-config.yaml names this project's
 * git checkout at its committed HEAD. pre-commit installs the hook with npm, which must build the
 * CLI itself, since dist/ is not committed.
 */
describe.skipIf(skipReason !== null)('the pre-commit hooks, installed from a git checkout', () => {
  it('speclint fails on a failing spec, passes a clean one, and speclint-fix fixes', () => {
    const work = mkdtempSync(join(tmpdir(), 'speclint-pre-commit-'));
    const repo = join(work, 'specs');
    spawnSync('mkdir', [repo]);
    git(repo, 'init', '-q');
    copyFileSync(FAILING, join(repo, 'python-hyrax.spec'));
    copyFileSync(CLEAN, join(repo, 'python-quokka.spec'));
    writeFileSync(join(repo, 'notes.txt'), 'not a spec\n');
    writeFileSync(join(repo, '.pre-commit-config.yaml'), [
      'repos:',
      `  - repo: ${ROOT}`,
      `    rev: ${head.stdout.trim()}`,
      '    hooks:',
      '      - id: speclint',
      '      - id: speclint-fix',
      '        stages: [manual]',
      '',
    ].join('\n'));
    git(repo, 'add', '.');
    const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), NO_COLOR: '1' };
    const run = (...args: string[]) => spawnSync('pre-commit', args, { cwd: repo, env, encoding: 'utf8' });

    const failing = run('run', 'speclint', '--all-files');
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toContain('python-hyrax.spec:');
    expect(failing.stdout).toContain('[PY001 private-module-not-byte-compiled]');
    expect(failing.stdout).not.toContain('notes.txt');

    const clean = run('run', 'speclint', '--files', 'python-quokka.spec');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    const fixing = run('run', '--hook-stage', 'manual', 'speclint-fix', '--files', 'python-hyrax.spec');
    expect(fixing.stdout).toContain('files were modified by this hook');
    expect(readFileSync(join(repo, 'python-hyrax.spec'), 'utf8')).toContain('%py_byte_compile %{python3} %{buildroot}');
    const after = run('run', 'speclint', '--files', 'python-hyrax.spec');
    expect(after.stdout).not.toContain('PY001');
  }, 300_000);
});

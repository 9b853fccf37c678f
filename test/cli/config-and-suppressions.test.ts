import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const ROOT = join(import.meta.dirname, '../..');
const failingText = readFileSync(join(ROOT, 'specs-examples/10-private-module-not-compiled.spec'), 'utf8');
// The line PY001 reports in that spec.
const PY001_LINE = 'install -m644 plugins/*.py %{buildroot}%{_datadir}/%{name}/plugins/';

/** A project: a config at the top, a spec at the top and one under legacy/. */
function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'speclint-config-'));
  mkdirSync(join(dir, 'legacy'));
  writeFileSync(join(dir, 'speclint.toml'), config);
  writeFileSync(join(dir, 'top.spec'), failingText);
  writeFileSync(join(dir, 'legacy', 'old.spec'), failingText);
  return dir;
}

const codesByFile = (stdout: string): Record<string, string[]> => Object.fromEntries(
  (JSON.parse(stdout) as { files: { filename: string; problems: { code: string; severity: string }[] }[] }).files
    .map((f) => [f.filename.replace(/^.*\//, ''), f.problems.map((p) => `${p.code}:${p.severity}`)]),
);

describe('speclint.toml', () => {
  it('is found upward from each spec, with per-path overrides', async () => {
    const dir = project([
      '[severity]',
      'PY001 = "warning"',
      '[[overrides]]',
      'paths = ["legacy/**"]',
      'target = "el7"',
      '',
    ].join('\n'));
    const run = await runMain(['--format', 'json', dir]);
    expect(codesByFile(run.stdout)).toEqual({ 'top.spec': ['PY001:warning'], 'old.spec': ['PY018:error'] });
    expect(run.code).toBe(1);
  });

  it('gives way to the command line, and --config replaces discovery', async () => {
    const dir = project('ignore = ["PY001"]\nfail-on = "error"\n');
    expect(codesByFile((await runMain(['--format', 'json', join(dir, 'top.spec')])).stdout)).toEqual({ 'top.spec': [] });
    expect(codesByFile((await runMain(['--format', 'json', '--select', 'PY001', join(dir, 'top.spec')])).stdout)).toEqual({ 'top.spec': ['PY001:error'] });
    const other = join(mkdtempSync(join(tmpdir(), 'speclint-other-')), 'other.toml');
    writeFileSync(other, '[severity]\nprivate-module-not-byte-compiled = "info"\n');
    const explicit = await runMain(['--format', 'json', '--config', other, join(dir, 'top.spec')]);
    expect(codesByFile(explicit.stdout)).toEqual({ 'top.spec': ['PY001:info'] });
    // fail-on came from the discovered file, which --config replaced: info fails by default.
    expect(explicit.code).toBe(1);
  });

  it('fail-on from the config decides the exit code', async () => {
    const dir = project('fail-on = "error"\n[severity]\nPY001 = "warning"\n');
    const run = await runMain([join(dir, 'top.spec')]);
    expect(run.stdout).toContain('warning');
    expect(run.code).toBe(0);
    expect((await runMain(['--fail-on', 'warning', join(dir, 'top.spec')])).code).toBe(1);
  });

  it('a mistake in the config is a usage error with file:line:column, before anything is linted', async () => {
    const dir = project('target = "el9"\nselekt = ["PY001"]\n');
    const run = await runMain([dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^speclint: ${join(dir, 'speclint.toml').replace(/[.]/g, '\\.')}:2:1: selekt: `));
  });

  it('an unreadable --config is an I/O error', async () => {
    const run = await runMain(['--config', '/nonexistent/speclint.toml', join(ROOT, 'specs-examples')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/speclint.toml: no such file or directory');
  });
});

describe('suppression pragmas', () => {
  const suppressed = failingText.replace(PY001_LINE, `# speclint: disable=PY001 -- compiled on first start\n${PY001_LINE}`);

  it('silence the next line, and an unused one is reported with a fix that removes it', async () => {
    expect(await runMain(['--stdin-filename', 'a.spec', '-'], {}, { stdin: suppressed })).toMatchObject({ code: 0, stdout: 'No problems found in 1 file.\n' });
    const unused = suppressed.replace('disable=PY001', 'disable=PY001,PY002');
    const run = await runMain(['--stdin-filename', 'a.spec', '-'], {}, { stdin: unused });
    expect(run.stdout).toContain('[SL001 unused-suppression]');
    expect(run.code).toBe(1);
    // Unsafe: a pragma unused on this target may be needed on another.
    expect((await runMain(['--fix', '--stdin-filename', 'a.spec', '-'], {}, { stdin: unused })).stdout).toBe(unused);
    const fixed = await runMain(['--fix', '--unsafe-fixes', '--stdin-filename', 'a.spec', '-'], {}, { stdin: unused });
    expect(fixed.stdout).toBe(suppressed);
    expect(fixed.stderr).toBe('No problems found in 1 file.\n');
  });

  it('are listed and explained like the rules', async () => {
    expect((await runMain(['rules'])).stdout).toMatch(/^SL001 {2}unused-suppression +warning {2}fix {2}/m);
    const explain = await runMain(['explain', 'invalid-suppression']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^SL002 invalid-suppression\n/);
  });
});

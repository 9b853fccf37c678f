import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';
import { runMain } from './run-main.js';
import { BIN, HAVE_BIN, runBin } from '../helpers/bin.js';

const ROOT = join(import.meta.dirname, '../..');
const CLEAN = join(ROOT, 'specs-examples/01-python-quokka-clean.spec');
const FAILING = join(ROOT, 'specs-examples/10-private-module-not-compiled.spec');
const failingText = readFileSync(FAILING, 'utf8');

describe('standard input', () => {
  it('lints - under the --stdin-filename name', async () => {
    const run = await runMain(['--stdin-filename', 'python-hyrax.spec', '-'], {}, { stdin: failingText });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^python-hyrax\.spec:\d+:\d+ {2}error {2}.*\[PY001 private-module-not-byte-compiled\]/);
    expect(run.stderr).toBe('');
    expect((await runMain(['-'], {}, { stdin: failingText })).stdout).toMatch(/^stdin\.spec:\d+:\d+ /);
  });

  it('reports standard input where - stands among the paths', async () => {
    const run = await runMain(['--format', 'json', FAILING, '--stdin-filename', 'middle.spec', '-', CLEAN], {}, { stdin: 'Name: m\n%endif\n' });
    const report = JSON.parse(run.stdout) as { files: { filename: string }[] };
    expect(report.files.map((f) => f.filename)).toEqual([FAILING, 'middle.spec', CLEAN]);
  });

  it('--fix prints the fixed spec, byte for byte, and the report on standard error', async () => {
    // CRLF and a latin-1 byte must come back as they were, outside the fix.
    const original = Buffer.concat([Buffer.from(failingText.replace(/\n/g, '\r\n') + '- Ren', 'latin1'), Buffer.from([0xe9, 0x0d, 0x0a])]);
    const run = await runMain(['--fix', '--stdin-filename', 'h.spec', '-'], {}, { stdin: original });
    const expected = Buffer.from(fixText(original.toString('latin1'), { filename: 'h.spec' }).output, 'latin1');
    expect(expected.equals(original)).toBe(false);
    expect(run.stdoutBytes.equals(expected)).toBe(true);
    expect(run.stderr).toBe('No problems found in 1 file.\n');
    expect(run.code).toBe(0);
  });

  it('--diff names the patch after --stdin-filename', async () => {
    const run = await runMain(['--diff', '--stdin-filename', 'specs/h.spec', '-'], {}, { stdin: failingText });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/specs\/h\.spec\n\+\+\+ b\/specs\/h\.spec\n@@ /);
    expect(run.stdout).toContain('+%py_byte_compile %{python3} %{buildroot}');
  });

  it.each([
    [['-', '-'], 'standard input (-) can be given only once'],
    [['--stdin-filename', 'a.spec', CLEAN], '--stdin-filename names standard input: add - to the paths'],
    [['--fix', '-', CLEAN], '--fix with standard input prints the fixed spec to standard output, so it takes no other paths'],
    [[], 'no spec files given: name files or directories, or - for standard input'],
    [['--jobs', '0', CLEAN], "option '-j, --jobs <count>' argument '0' is invalid. expected a whole number of 1 or more"],
  ])('refuses %j with exit 2', async (argv, message) => {
    const run = await runMain(argv, {}, { stdin: failingText });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

/** A directory with `count` specs, every third one failing. */
function manySpecs(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'speclint-many-'));
  mkdirSync(join(dir, 'nested'));
  for (let i = 0; i < count; i++) {
    copyFileSync(i % 3 === 0 ? FAILING : CLEAN, join(dir, i % 2 === 0 ? 'nested' : '', `p${String(i).padStart(3, '0')}.spec`));
  }
  return dir;
}

describe('the progress line', () => {
  const dir = manySpecs(24);

  it('is drawn on a terminal and erased before the report', async () => {
    const run = await runMain(['--quiet', dir], {}, { stderrIsTTY: true });
    expect(run.stderr).toContain('checked 24/24 files');
    expect(run.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(run.stdout).not.toContain('checked');
  });

  it('is never drawn into a pipe, in CI, or for a few files', async () => {
    expect((await runMain([dir])).stderr).toBe('');
    expect((await runMain([dir], { CI: 'true' }, { stderrIsTTY: true })).stderr).toBe('');
    expect((await runMain([CLEAN, FAILING], {}, { stderrIsTTY: true })).stderr).toBe('');
  });
});

describe.skipIf(!HAVE_BIN)('the built binary', () => {
  it('gives the same report on worker threads as in one thread, in the same order', () => {
    const dir = manySpecs(120);
    const run = (...args: string[]) => runBin(['--format', 'json', ...args, dir]);
    const single = run('--jobs', '1');
    const threaded = run('--jobs', '3');
    expect(single.status).toBe(1);
    expect(threaded.status).toBe(1);
    expect(threaded.stdout).toBe(single.stdout);
    const files = (JSON.parse(threaded.stdout) as { files: { filename: string; problems: unknown[] }[] }).files;
    expect(files).toHaveLength(120);
    expect(files.filter((f) => f.problems.length > 0)).toHaveLength(40);
  });

  it('--diff of a latin-1 spec is a patch in latin-1 that git apply accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'speclint-latin1-'));
    const original = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n'), Buffer.from(failingText)]);
    writeFileSync(join(dir, 'l.spec'), original);
    const diff = spawnSync(process.execPath, [BIN, '--diff', 'l.spec'], { cwd: dir });
    expect(diff.status).toBe(1);
    const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: diff.stdout, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    const fixed = readFileSync(join(dir, 'l.spec'));
    expect(fixed.subarray(0, 7)).toEqual(original.subarray(0, 7));
    expect(fixed.toString('latin1')).toContain('%py_byte_compile %{python3}');
  });

  it('reads standard input', () => {
    const run = runBin(['--stdin-filename', 'h.spec', '-'], { input: failingText });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('h.spec:');
    expect(run.stdout).toContain('PY001');
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/cli.js');
const RECORDER = join(import.meta.dirname, 'fixtures/record-loads.mjs');

// What a plain lint of one spec (the pre-commit case) must not load, as the tsc output or the
// bundle's on-demand chunks (named after their first module) would show it.
const NOT_FOR_A_PLAIN_LINT: Readonly<Record<string, RegExp>> = {
  'the TOML parser': /smol-toml/,
  'the worker pool': /^node:worker_threads$/,
  'node:crypto (SARIF fingerprints, atomic writes)': /^node:crypto$/,
  'the standard input reader': /^node:stream\/consumers$/,
  'the other reporters': /\/(sarif|json|github|snippets)(\.chunk)?\.js$/,
  'the fix machinery': /\/(fix-text|loop|unified-diff|write-atomic)(\.chunk)?\.js$/,
  'the other commands': /\/(parse|expand|rules|bytecompile)-command(\.chunk)?\.js$/,
};

let dir: string;
beforeAll(() => {
  // Away from the repository, so no speclint.toml governs the spec.
  dir = mkdtempSync(join(tmpdir(), 'speclint-startup-'));
  copyFileSync(join(ROOT, 'specs-examples/10-private-module-not-compiled.spec'), join(dir, 'x.spec'));
});

/** The built CLI's exit code on `args` in `cwd`, every module it loaded, and which of the above. */
function loadsOf(args: readonly string[], cwd: string): { code: number | null; loaded: string[]; unneeded: string[] } {
  const log = join(cwd, `loads-${args.join('_').replace(/\W/g, '')}.txt`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SPECLINT_LOAD_LOG: log },
  });
  expect(run.stderr).toBe('');
  const loaded = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '');
  const unneeded = Object.entries(NOT_FOR_A_PLAIN_LINT).filter(([, pattern]) => loaded.some((m) => pattern.test(m))).map(([what]) => what);
  return { code: run.status, loaded, unneeded };
}

describe('start-up: a plain lint of one spec loads only what it uses', () => {
  it('loads no config parser, worker pool, other reporter, fix machinery or other command', () => {
    const { code, loaded, unneeded } = loadsOf(['x.spec'], dir);
    expect(code).toBe(1);
    // The recorder works: it saw the entry point and a CommonJS dependency.
    expect(loaded).toEqual(expect.arrayContaining([expect.stringMatching(/\/dist\/cli\.js$/), expect.stringMatching(/commander\/lib\/command\.js$/)]));
    expect(unneeded).toEqual([]);
  });

  it('loads them when the run needs them: a config file, SARIF', () => {
    const configured = mkdtempSync(join(tmpdir(), 'speclint-startup-'));
    copyFileSync(join(dir, 'x.spec'), join(configured, 'x.spec'));
    writeFileSync(join(configured, 'speclint.toml'), 'target = "el9"\n');
    const { unneeded } = loadsOf(['--format', 'sarif', 'x.spec'], configured);
    expect(unneeded).toEqual(['the TOML parser', 'node:crypto (SARIF fingerprints, atomic writes)', 'the other reporters']);
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

const made: string[] = [];
/** A directory away from the repository, so no speclint.toml governs its specs, holding x.spec and y.spec. */
function specDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'speclint-startup-'));
  made.push(dir);
  for (const name of ['x.spec', 'y.spec']) copyFileSync(join(ROOT, 'specs-examples/10-private-module-not-compiled.spec'), join(dir, name));
  return dir;
}
let dir: string;
beforeAll(() => {
  dir = specDir();
});
afterAll(() => {
  for (const path of made) rmSync(path, { recursive: true, force: true });
});

/** The built CLI's exit code on `args` in `cwd`, every module it loaded, and which of the above. */
function loadsOf(args: readonly string[], cwd: string, input?: string): { code: number | null; loaded: string[]; unneeded: string[] } {
  const log = join(cwd, `loads-${args.join('_').replace(/\W/g, '')}.txt`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SPECLINT_LOAD_LOG: log }, input,
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

  it('loads each of them when a run needs it', () => {
    const configured = specDir();
    writeFileSync(join(configured, 'speclint.toml'), 'target = "el9"\n');
    const sarif = loadsOf(['--format', 'sarif', 'x.spec'], configured);
    expect(sarif.code).toBe(1);
    expect(sarif.unneeded).toEqual(['the TOML parser', 'node:crypto (SARIF fingerprints, atomic writes)', 'the other reporters']);
    // Every pattern above matches what some run loads, so none of them passes by matching nothing.
    const runs = [
      loadsOf(['--jobs', '2', 'x.spec', 'y.spec'], dir),
      loadsOf(['--stdin-filename', 'x.spec', '-'], dir, readFileSync(join(dir, 'x.spec'), 'utf8')),
      loadsOf(['--diff', 'x.spec'], dir),
      loadsOf(['parse', 'x.spec'], dir),
    ];
    expect(runs.map((r) => r.unneeded)).toEqual([
      ['the worker pool'], ['the standard input reader'], ['node:crypto (SARIF fingerprints, atomic writes)', 'the fix machinery'], ['the other commands'],
    ]);
    expect(new Set([sarif, ...runs].flatMap((r) => r.unneeded))).toEqual(new Set(Object.keys(NOT_FOR_A_PLAIN_LINT)));
  });
});

describe('start-up: the build bundles what the CLI loads up front', () => {
  it('leaves dist/cli/program.js with no static import of another speclint module', async (context) => {
    const rolldown = await import('rolldown').then(() => null, (error: unknown) => String(error).split('\n')[0]);
    if (rolldown !== null) {
      console.log(`[speclint tests] skipping the bundle check: rolldown does not load here (${rolldown}), so the build keeps tsc's output`);
      context.skip();
    }
    const program = readFileSync(join(ROOT, 'dist/cli/program.js'), 'utf8');
    expect(program.match(/^import [^;]* from "\.{1,2}\//gm)).toBeNull();
    // The on-demand parts are chunks beside it.
    expect(program).toMatch(/import\("\.\/fix-text\.chunk\.js"\)/);
  });
});

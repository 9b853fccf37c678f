import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, HAVE_BIN, runBin } from '../helpers/bin.js';

const ROOT = join(import.meta.dirname, '../..');
const RECORDER = join(import.meta.dirname, 'fixtures/record-loads.mjs');

// What a plain lint of one spec (the pre-commit case) must not load, as the tsc output or the
// bundle's on-demand chunks (named after their first module) would show it.
const NOT_FOR_A_PLAIN_LINT: Readonly<Record<string, RegExp>> = {
  'the TOML parser': /smol-toml/,
  'the worker pool': /^node:worker_threads$/,
  'node:crypto (SARIF fingerprints, atomic writes)': /^node:crypto$/,
  // The directory walk is synchronous; only atomic writes (--fix, bytecompile) use the promise API.
  'node:fs/promises': /^node:fs\/promises$/,
  'the standard input reader': /^node:stream\/consumers$/,
  'the other reporters': /\/(sarif|json|github|snippets)(\.chunk\.cjs|\.js)$/,
  'the fix machinery': /\/(fix-text|loop|unified-diff|write-atomic)(\.chunk\.cjs|\.js)$/,
  'the other commands': /\/(parse|expand|rules|bytecompile)-command(\.chunk\.cjs|\.js)$/,
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

describe.skipIf(!HAVE_BIN)('start-up: a plain lint of one spec loads only what it uses', () => {
  it('loads no config parser, worker pool, other reporter, fix machinery or other command', () => {
    const { code, loaded, unneeded } = loadsOf(['x.spec'], dir);
    expect(code).toBe(1);
    // The recorder works: it saw the entry point, and a built-in that only chalk asks for.
    expect(loaded).toEqual(expect.arrayContaining([expect.stringMatching(/\/dist\/cli\.cjs$/), 'node:tty']));
    expect(unneeded).toEqual([]);
  });

  it('loads each of them when a run needs it', () => {
    const configured = specDir();
    writeFileSync(join(configured, 'speclint.toml'), 'target = "el9"\n');
    const sarif = loadsOf(['--format', 'sarif', 'x.spec'], configured);
    expect(sarif.code).toBe(1);
    expect(sarif.unneeded).toEqual(['the TOML parser', 'node:crypto (SARIF fingerprints, atomic writes)', 'the other reporters']);
    // In a directory of its own, since it rewrites x.spec.
    const fixed = loadsOf(['--fix', 'x.spec'], specDir());
    expect(fixed.unneeded).toEqual(['node:crypto (SARIF fingerprints, atomic writes)', 'node:fs/promises', 'the fix machinery']);
    // Every pattern above matches what some run loads, so none of them passes by matching nothing.
    const runs = [
      loadsOf(['--jobs', '2', 'x.spec', 'y.spec'], dir),
      loadsOf(['--stdin-filename', 'x.spec', '-'], dir, readFileSync(join(dir, 'x.spec'), 'utf8')),
      loadsOf(['--diff', 'x.spec'], dir),
      loadsOf(['parse', 'x.spec'], dir),
    ];
    expect(runs.map((r) => r.unneeded)).toEqual([
      ['the worker pool'], ['the standard input reader'], ['the fix machinery'], ['the other commands'],
    ]);
    expect(new Set([sarif, fixed, ...runs].flatMap((r) => r.unneeded))).toEqual(new Set(Object.keys(NOT_FOR_A_PLAIN_LINT)));
  });
});

/** What loadBundle() says of the bundle in `dist` in a fresh process: whether V8 took its cache, or null for no bundle. */
function cacheUsed(dist: string): string {
  const probe = `const { loadBundle } = require(${JSON.stringify(join(dist, 'cli/code-cache.cjs'))});
    console.log(loadBundle(${JSON.stringify(join(dist, 'cli'))})?.cacheUsed ?? null);`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

/** Why the build keeps tsc's output here (rolldown does not load), or null where it bundles. */
const NO_ROLLDOWN = await import('rolldown').then(() => null, (error: unknown) => String(error).split('\n')[0]!);
if (NO_ROLLDOWN !== null) console.log(`[speclint tests] skipping the bundle checks: rolldown does not load here (${NO_ROLLDOWN}), so the build keeps tsc's output`);

describe.skipIf(!HAVE_BIN || NO_ROLLDOWN !== null)('start-up: the build bundles what the CLI loads up front, with a code cache', () => {
  it('makes dist/cli/launch.cjs hold every speclint module it needs up front, and the licences of what it folds in', () => {
    const bundle = readFileSync(join(ROOT, 'dist/cli/launch.cjs'), 'utf8');
    // Every require, the bundle's own require$1 (a createRequire) too.
    const required = [...bundle.matchAll(/require(?:\$\d+)?\("([^"]+)"\)/g)].map((m) => m[1]!);
    // Built-ins and the on-demand chunks beside it; from node_modules/ only the TOML parser, on use.
    expect(required.filter((id) => !id.startsWith('node:') && id !== 'url' && !/^\.\/[\w-]+\.chunk\.cjs$/.test(id))).toEqual(['smol-toml']);
    expect(required).toContain('./fix-text.chunk.cjs');
    expect(bundle).toMatch(/^\/\*! chalk \(bundled\)\nMIT License/);
    expect(bundle).toMatch(/\/\*! commander \(bundled\)\n\(The MIT License\)/);
    // Strict like the ES modules the tests run: the first statement after the licence comments.
    expect(bundle.replace(/\/\*![^]*?\*\/\n/g, '')).toMatch(/^"use strict";/);
  });

  it('hands commander a node:child_process that has all commander calls of it', () => {
    // The stand-in (scripts/bundle-cli.mjs) has spawn alone: a commander that calls more of the
    // module must have the stand-in grow with it.
    const commander = readFileSync(join(ROOT, 'node_modules/commander/lib/command.js'), 'utf8');
    const used = new Set([...commander.matchAll(/\bchildProcess\.(\w+)/g)].map((m) => m[1]));
    expect([...used]).toEqual(['spawn']);
    expect(readFileSync(join(ROOT, 'dist/cli/launch.cjs'), 'utf8')).toContain('spawn: (...args) => require("node:child_process").spawn(...args)');
  });

  it('has the on-demand chunks share the bundle: an error thrown in one is the bundle\'s own kind', () => {
    // A second copy of the bundle would have its own UsageError class: "internal error" and a stack.
    const run = runBin(['bytecompile', '--target', 'nosuch', 'x.spec'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^speclint: unknown target "nosuch"/);
  });

  it('has a plain lint run the bundle, loading none of tsc\'s modules', () => {
    const { code, loaded } = loadsOf(['x.spec'], dir);
    expect(code).toBe(1);
    expect(loaded.filter((m) => /\/dist\/.*\.js$/.test(m))).toEqual([]);
    expect(loaded).toContain(join(ROOT, 'dist/cli/code-cache.cjs'));
    // commander requires it for subcommands that are programs of their own; the bundle defers it
    // to the first such spawn, which speclint never makes. (Built-ins are seen: node:tty is.)
    expect(loaded).toContain('node:tty');
    expect(loaded).not.toContain('node:child_process');
  });

  it('makes a code cache that the Node running the tests accepts', () => {
    expect(cacheUsed(join(ROOT, 'dist'))).toBe('true');
  });
});

const BUNDLED = HAVE_BIN && existsSync(join(ROOT, 'dist/cli/launch.cjs'));

describe.skipIf(!BUNDLED)('start-up: a run without the bundle, or with a cache V8 refuses, lints all the same', () => {
  /** A copy of dist/ beside package.json and node_modules, so it finds what dist/ does. */
  function copyOfDist(): string {
    const root = mkdtempSync(join(tmpdir(), 'speclint-dist-'));
    made.push(root);
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    return root;
  }
  const caches = (cli: string): string[] => readdirSync(cli).filter((name) => /^launch\.[0-9a-f]{8}\.cache$/.test(name)).map((name) => join(cli, name));
  let expected: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    expected = runBin(['x.spec'], { cwd: dir });
  });

  it.each([
    // cpSync keeps no timestamps: nothing but the content decides.
    ['a plain copy', 'true', () => {}],
    ['no bundle', 'null', (cli: string) => rmSync(join(cli, 'launch.cjs'))],
    ['no code cache', 'false', (cli: string) => caches(cli).forEach((cache) => rmSync(cache))],
    ['a damaged code cache', 'false', (cli: string) => caches(cli).forEach((cache) => writeFileSync(cache, Buffer.alloc(4096, 7)))],
    // Same length, so V8 itself would take the cache: the checksum in its name is what refuses it.
    ['a bundle changed after its cache', 'false', (cli: string) => {
      const bundle = join(cli, 'launch.cjs');
      writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('(bundled)', '(BUNDLED)'));
    }],
  ])('%s', (_, used, damage) => {
    const root = copyOfDist();
    expect(caches(join(root, 'dist/cli'))).toHaveLength(1);
    damage(join(root, 'dist/cli'));
    expect(cacheUsed(join(root, 'dist'))).toBe(used);
    const run = runBin(['x.spec'], { cwd: dir, bin: join(root, 'dist/cli.cjs') });
    expect(expected.status).toBe(1);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
  });
});

// Runs after tsc (npm run build): folds what the CLI loads up front (dist/cli/launch.js, with the
// ~75 modules it imports, commander and chalk among them) into one CommonJS script,
// dist/cli/launch.cjs, then runs a lint through it and saves V8's code cache of what ran beside it
// (launch.<checksum>.cache). dist/cli/code-cache.cjs loads the two; README, "Start-up time", says why.
//
// The bundle stays at tsc's depth in dist/cli/, so the paths program.ts and run-file-jobs.ts find
// by import.meta.url (../../package.json, ./lint-worker.js) hold unchanged. What the CLI imports on
// demand (other commands, reporters, the fix machinery) becomes *.chunk.cjs beside it, which
// require() loads when needed. The rest of dist/ stays tsc's: the library, what the worker threads
// load, and the whole CLI where there is no bundle.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/cli/');
/** A module id with Windows' separators as `/`, for the checks below that look for node_modules/. */
const slashed = (id) => id.replaceAll('\\', '/');

/** Removes what a bundling makes (and what builds before it made: ES module chunks, `launch.cjs.cache`). */
function removeBundle() {
  for (const name of readdirSync(out)) if (/\.chunk\.c?js(\.map)?$|^launch\.(cjs(\.map|\.cache)?|[0-9a-f]{8}\.cache(\.\d+)?)$/.test(name)) rmSync(join(out, name));
}
// What an earlier build made would otherwise stay behind, unused or stale, when this one fails.
removeBundle();

/**
 * The bundle only saves start-up time, and tsc's output works as it is: a git install on a Node
 * that rolldown does not run on (before 20.19), or where it fails, still gets a working speclint.
 */
function leaveUnbundled(reason) {
  removeBundle();
  console.error(`speclint: the CLI is left unbundled: ${String(reason).split('\n')[0]}`);
  process.exit(0);
}

const { build } = await import('rolldown').catch((error) => leaveUnbundled(`rolldown did not load (${error})`));

await build({
  input: { launch: join(out, 'launch.js') },
  platform: 'node',
  // Lets launch.cjs itself hold what it loads (and export it to the on-demand chunks), instead of
  // re-exporting from one more file.
  preserveEntrySignatures: 'allow-extension',
  // smol-toml is require()d on use, from node_modules; everything imported statically goes in.
  // tsc's source maps go into the bundle's, for debuggers (Node 20 applies none to code run
  // through node:vm, so stack traces name launch.cjs).
  plugins: [{
    name: 'tsc-source-maps',
    load(id) {
      const map = `${id}.map`;
      return slashed(id).includes('/node_modules/') || !existsSync(map) ? null : { code: readFileSync(id, 'utf8'), map: readFileSync(map, 'utf8') };
    },
  }, {
    // commander loads node:child_process up front for subcommands that are executables of their
    // own, which speclint has none of: loading it cost every run about 2 ms of a ~50 ms start.
    // commander's require of it gets a stand-in that requires it on the first spawn.
    name: 'child-process-on-demand',
    resolveId(source, importer) {
      if (source !== 'node:child_process' || !(importer !== undefined && slashed(importer).includes('/node_modules/commander/'))) return null;
      return '\0child-process-on-demand';
    },
    load(id) {
      if (id !== '\0child-process-on-demand') return null;
      return "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };";
    },
  }],
  output: {
    dir: out,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name].chunk.cjs',
    // A script run through node:vm has no loader for import(): on-demand parts are require()d.
    dynamicImportInCjs: false,
    // Everything the entry loads anyway stays with it, rather than in pieces shared with the
    // on-demand chunks.
    codeSplitting: { groups: [{ name: 'launch', tags: ['$initial'] }] },
    // ES modules are strict, and the tests run them so: the bundle must be too.
    strict: true,
    banner: (chunk) => licences(chunk.moduleIds),
    sourcemap: true,
  },
}).catch(leaveUnbundled);

const launch = readFileSync(join(out, 'launch.cjs'), 'utf8');
if (/\bimport\(/.test(launch.replace(/^\s*\*.*$/gm, ''))) leaveUnbundled('the bundle kept an import(), which it could not run');

/** The licence of each package folded into a chunk, which their MIT terms ask copies to keep. */
function licences(moduleIds) {
  // The innermost node_modules/ names the package (a dependency's own dependencies nest).
  const packageDirs = new Set(moduleIds.map((id) => /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(slashed(id))?.[1]).filter((dir) => dir !== undefined));
  return [...packageDirs].sort().map((dir) => {
    const name = dir.replace(/^.*\/node_modules\//, '');
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    if (file === undefined) leaveUnbundled(`${name} ships no licence file to keep in the bundle`);
    return `/*! ${name} (bundled)\n${readFileSync(join(dir, file), 'utf8').trim().replaceAll('*/', '* /')}\n*/\n`;
  }).join('');
}

// The code cache: V8 keeps the bytecode of the functions that have run, so the lint below takes
// the path a pre-commit hook takes (a spec with findings and a clean one, read from disk, reported
// as text). The specs are linted in a directory of their own with an empty speclint.toml, so that
// no configuration around it changes the run; reading that file is the one step a hook without a
// config skips, and its parser (smol-toml, required on use) is not in the bundle anyway. A bundle
// that was not seen to lint them is not kept; where the cache cannot be written, the bundle stays
// without one, which costs time alone. rolldown needs Node 20.19 today, which has zlib.crc32 for
// the cache's name; a Node without it would run the bundle uncached.
const { default: { loadBundle } } = await import(pathToFileURL(join(out, 'code-cache.cjs')).href);
const bundle = await warmUp().catch((error) => leaveUnbundled(`the bundle failed its warm-up lint: ${error}`));
if (bundle.cachePath === null) {
  console.error('speclint: the CLI bundle has no code cache: this Node has no zlib.crc32 to name it by');
  process.exit(0);
}
const partial = `${bundle.cachePath}.${process.pid}`;
try {
  writeFileSync(partial, bundle.makeCache());
  renameSync(partial, bundle.cachePath);
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`speclint: the CLI bundle has no code cache: ${String(error).split('\n')[0]}`);
}

/** Loads the bundle and lints two specs through it, in a directory of their own: one with findings, one clean. */
async function warmUp() {
  const loaded = loadBundle(out);
  const dir = mkdtempSync(join(tmpdir(), 'speclint-warm-up-'));
  try {
    writeFileSync(join(dir, 'speclint.toml'), '');
    for (const name of ['90-realistic-messy.spec', '01-python-quokka-clean.spec']) copyFileSync(join(root, 'specs-examples', name), join(dir, name));
    const silent = { stdout: () => {}, stdoutBytes: () => {}, stderr: () => {}, readStdin: async () => new Uint8Array(0), env: {}, colorLevel: 0, stderrIsTTY: false };
    const found = await loaded.launch.main(['lint', join(dir, '90-realistic-messy.spec')], silent);
    const clean = await loaded.launch.main([join(dir, '01-python-quokka-clean.spec')], silent);
    if (found !== 1 || clean !== 0) throw new Error(`they exited ${found} and ${clean}, not 1 and 0`);
    return loaded;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

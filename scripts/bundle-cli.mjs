// Runs after tsc (npm run build): rewrites dist/cli/program.js with the ~75 modules it imports
// statically folded into one file. Node 20's ESM loader resolves, reads, compiles and links every
// module on its own; for a pre-commit hook linting one spec that was a third of speclint's own
// start-up time (README, "Start-up time").
//
// The bundle stays at tsc's depth in dist/cli/, so the paths program.ts and run-file-jobs.ts find
// by import.meta.url (../../package.json, ./lint-worker.js) hold unchanged. What the CLI imports on
// demand (other commands, reporters, the fix machinery) becomes *.chunk.js beside it. dist/cli.js
// stays tsc's (it turns on the compile cache before anything else loads), and the rest of dist/ is
// still the library and what the worker threads load.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../dist/cli/', import.meta.url));
// Chunks of an earlier bundle would otherwise stay behind, unused, when this one is not made.
for (const name of readdirSync(out)) if (/\.chunk\.js(\.map)?$/.test(name)) rmSync(join(out, name));

/**
 * The bundle only saves start-up time, and tsc's program.js works as it is: a git install on a
 * Node that rolldown does not run on (before 20.19), or where it fails, still gets a working
 * speclint. rolldown writes its output only at the end, so a failure leaves tsc's files whole.
 */
function leaveUnbundled(reason) {
  console.error(`speclint: dist/cli/program.js is left unbundled: ${String(reason).split('\n')[0]}`);
  process.exit(0);
}

const { build } = await import('rolldown').catch((error) => leaveUnbundled(`rolldown did not load (${error})`));

await build({
  input: { program: join(out, 'program.js') },
  platform: 'node',
  // Dependencies stay packages: their licences ship with them, and smol-toml is require()d on use.
  external: [/^[^./]/],
  // Lets program.js itself hold what it loads (and export it to the on-demand chunks), instead of
  // re-exporting main() from one more file.
  preserveEntrySignatures: 'allow-extension',
  // tsc's source maps go into the bundle's, so --enable-source-maps still points at src/*.ts.
  plugins: [{
    name: 'tsc-source-maps',
    load(id) {
      const map = `${id}.map`;
      return existsSync(map) ? { code: readFileSync(id, 'utf8'), map: readFileSync(map, 'utf8') } : null;
    },
  }],
  output: {
    dir: out,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name].chunk.js',
    // Everything the entry loads anyway stays with it, rather than in pieces shared with the
    // on-demand chunks.
    codeSplitting: { groups: [{ name: 'program', tags: ['$initial'] }] },
    sourcemap: true,
  },
}).catch(leaveUnbundled);

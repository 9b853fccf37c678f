import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built command line, as package.json's bin names it. */
export const BIN = join(import.meta.dirname, '../../dist/cli.cjs');

/**
 * Whether the built command line is there. `npm test` builds it first; a bare `vitest run` on a
 * fresh clone may not have, and the tests of the binary say so and skip.
 */
export const HAVE_BIN = existsSync(BIN);
if (!HAVE_BIN) console.log(`[speclint tests] skipping the tests of the built binary: ${BIN} is absent (npm run build makes it)`);

/** Runs the built command line (or `bin`, a copy of it) to its end, text in and out, colours off. */
export function runBin(args: readonly string[], options: { readonly cwd?: string; readonly input?: string; readonly bin?: string } = {}): SpawnSyncReturns<string> {
  const { bin = BIN, ...spawnOptions } = options;
  return spawnSync(process.execPath, [bin, ...args], { ...spawnOptions, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

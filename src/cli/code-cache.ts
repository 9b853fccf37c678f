import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads dist/cli/launch.cjs, the bundle of launch.ts, with the V8 code cache the build made for it.
 *
 * Node 20 compiles every function of a module on its first call, and for a pre-commit hook linting
 * one spec that compiling was about half of speclint's own start-up (README, "Start-up time").
 * The build runs a lint through the bundle and saves V8's bytecode of everything that ran
 * (launch.cjs.cache); loading the bundle with that cache skips the compiling. ES modules take no
 * code cache on Node 20, hence a CommonJS bundle run as a script.
 *
 * V8 refuses a cache made by another V8 version or under other flags, and the bundle then compiles
 * as usual: a refused cache costs time, never behaviour. Of the source, though, V8 checks only the
 * length, so a cache older than the bundle (a bundle changed after the build) is not offered.
 */

export const BUNDLE_NAME = 'launch.cjs';
export const CACHE_NAME = 'launch.cjs.cache';

export type Launch = typeof import('./launch.js');

export interface LoadedBundle {
  readonly launch: Launch;
  /** Whether V8 used the cache: false also when there was none. */
  readonly cacheUsed: boolean;
  /** V8's code cache of the bundle as it stands now, with whatever has run so far. */
  readonly makeCache: () => Buffer;
}

/** The bundle in `dir`, run; null when there is none (a build without rolldown keeps tsc's output). */
export function loadBundle(dir: string): LoadedBundle | null {
  const path = resolve(dir, BUNDLE_NAME);
  const source = readIfPresent(path);
  if (source === null) return null;
  const cachePath = join(dir, CACHE_NAME);
  const cachedData = isOlder(cachePath, path) ? null : readIfPresent(cachePath);
  // Node's own CommonJS wrapper, so the bundle runs as require() would run it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: path,
    ...(cachedData === null ? {} : { cachedData }),
  });
  const module = { exports: {} as Launch };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
  return { launch: module.exports, cacheUsed: cachedData !== null && !script.cachedDataRejected, makeCache: () => script.createCachedData() };
}

function isOlder(path: string, than: string): boolean {
  const time = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  return time !== undefined && time < statSync(than).mtimeMs;
}

function readIfPresent(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

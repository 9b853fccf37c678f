import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');
import type { CliIo } from './io.js' with { 'resolution-mode': 'import' };

/**
 * Loads dist/cli/launch.cjs, the bundle of launch.ts, with the V8 code cache the build made for it.
 *
 * Node 20 compiles every function of a module on its first call, and for a pre-commit hook linting
 * one spec that compiling was about half of speclint's own start-up (README, "Start-up time").
 * The build runs a lint through the bundle and saves V8's bytecode of everything that ran
 * (launch.cjs.cache); loading the bundle with that cache skips the compiling. ES modules take no
 * code cache on Node 20, hence a CommonJS bundle run as a script (and a CommonJS module here, so
 * that the entry point can load it without starting Node's ES module loader).
 *
 * V8 refuses a cache made by another V8 version or under other flags, and the bundle then compiles
 * as usual: a refused cache costs time, never behaviour. Of the source, though, V8 checks only the
 * length, so a cache older than the bundle (a bundle changed after the build) is not offered.
 */

const BUNDLE_NAME = 'launch.cjs';
const CACHE_NAME = 'launch.cjs.cache';

/** What launch.ts exports. */
interface Launch {
  readonly main: (argv: readonly string[], io: CliIo) => Promise<number>;
  readonly processIo: () => CliIo;
}

interface LoadedBundle {
  readonly launch: Launch;
  /** Whether V8 used the cache: false also when there was none. */
  readonly cacheUsed: boolean;
  /** V8's code cache of the bundle as it stands now, with whatever has run so far. */
  readonly makeCache: () => Buffer;
}

/** The bundle in `dir`, run; null when there is none (a build without rolldown keeps tsc's output). */
function loadBundle(dir: string): LoadedBundle | null {
  const bundlePath = path.resolve(dir, BUNDLE_NAME);
  const source = readIfPresent(bundlePath);
  if (source === null) return null;
  const cachePath = path.join(dir, CACHE_NAME);
  const cachedData = isOlder(cachePath, bundlePath) ? null : readIfPresent(cachePath);
  // Node's own CommonJS wrapper, so the bundle runs as require() would run it.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: bundlePath,
    ...(cachedData === null ? {} : { cachedData }),
  });
  const bundle = { exports: {} as Launch };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundle.exports, nodeModule.createRequire(bundlePath), bundle, bundlePath, path.dirname(bundlePath));
  return { launch: bundle.exports, cacheUsed: cachedData !== null && !script.cachedDataRejected, makeCache: () => script.createCachedData() };
}

function isOlder(file: string, than: string): boolean {
  const time = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  return time !== undefined && time < fs.statSync(than).mtimeMs;
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export = { loadBundle, CACHE_NAME };

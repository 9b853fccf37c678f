import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');
import zlib = require('node:zlib');

/**
 * Loads dist/cli/launch.cjs, the bundle of launch.ts, with the V8 code cache the build made for it.
 *
 * Node 20 compiles every function of a module on its first call, and for a pre-commit hook linting
 * one spec that compiling was about half of speclint's own start-up (README, "Start-up time").
 * The build runs a lint through the bundle and saves V8's bytecode of everything that ran; loading
 * the bundle with that cache skips the compiling. ES modules take no code cache on Node 20, hence
 * a CommonJS bundle run as a script (and a CommonJS module here, so that the entry point can load
 * it without starting Node's ES module loader).
 *
 * V8 refuses a cache made by another V8 version or under other flags, and the bundle then compiles
 * as usual: a refused cache costs time, never behaviour. Of the source, though, V8 checks only the
 * length, so the cache's name carries a checksum of the bundle it was made for, and a bundle
 * changed since finds no cache. (One thing V8 keeps from the build: the file name that stack
 * traces give, which is where the bundle was when its cache was made.)
 */

const BUNDLE_NAME = 'launch.cjs';

type Launch = typeof import('./launch.js', { with: { 'resolution-mode': 'import' } });

interface LoadedBundle {
  readonly launch: Launch;
  /** Whether V8 used a cache: false also when there was none. */
  readonly cacheUsed: boolean;
  /** Where the cache of this bundle belongs, or null where this Node cannot checksum it (before 20.15). */
  readonly cachePath: string | null;
  /** V8's code cache of the bundle as it stands now, with whatever has run so far. */
  readonly makeCache: () => Buffer;
}

/** The bundle in `dir`, run; null when there is none (a build without rolldown keeps tsc's output). */
function loadBundle(dir: string): LoadedBundle | null {
  let bundlePath: string;
  let source: Buffer;
  try {
    // Where require() finds it too, through any link: the chunks must find this copy in its cache.
    bundlePath = fs.realpathSync(path.resolve(dir, BUNDLE_NAME));
    source = fs.readFileSync(bundlePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const cachePath = cacheFor(bundlePath, source);
  const cachedData = cachePath === null ? null : readCache(cachePath);
  // Node's own CommonJS wrapper, and a module in require's cache, so the bundle runs as require()
  // would run it and the on-demand chunks that require("./launch.cjs") share this one copy.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: bundlePath,
    ...(cachedData === null ? {} : { cachedData }),
  });
  const bundle = new nodeModule.Module(bundlePath);
  bundle.filename = bundlePath;
  require.cache[bundlePath] = bundle;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void)(bundle.exports, nodeModule.createRequire(bundlePath), bundle, bundlePath, path.dirname(bundlePath));
  } catch (error) {
    // As require() does: a module that failed to load is not kept.
    delete require.cache[bundlePath];
    throw error;
  }
  bundle.loaded = true;
  return { launch: bundle.exports as Launch, cacheUsed: cachedData !== null && !script.cachedDataRejected, cachePath, makeCache: () => script.createCachedData() };
}

/** `launch.<crc32 of the bundle>.cache` beside it. */
function cacheFor(bundlePath: string, source: Buffer): string | null {
  const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return crc32 === undefined ? null : path.join(path.dirname(bundlePath), `launch.${crc32(source).toString(16).padStart(8, '0')}.cache`);
}

/** The cache's bytes; an unreadable cache is no cache. */
function readCache(cachePath: string): Buffer | null {
  try {
    return fs.readFileSync(cachePath);
  } catch {
    return null;
  }
}

export = { loadBundle };

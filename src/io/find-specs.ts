import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeIoFailure, IoError } from '../errors.js';

export interface FoundSpecs {
  readonly files: readonly string[];
  /** Paths that could not be read; the others are still returned. */
  readonly errors: readonly IoError[];
}

/**
 * Hidden directories (.git, a tool's checkout) and node_modules hold other people's specs or
 * copies, not the package's; a directory named on the command line is searched all the same.
 */
const SKIPPED_DIRECTORY = /^\.|^node_modules$/;

/**
 * Expands the command line's paths: a file is taken as given, a directory is searched
 * recursively for `*.spec` files in sorted order, leaving out hidden directories and
 * node_modules below it. Symbolic-link loops are visited once.
 *
 * Synchronous, as the files are read after it: the walk has nothing to overlap with, and
 * node:fs/promises would cost a pre-commit run (one spec) its loading time.
 */
export function findSpecs(paths: readonly string[]): FoundSpecs {
  const files: string[] = [];
  const errors: IoError[] = [];
  const seenDirectories = new Set<string>();

  const visitDirectory = (dir: string): void => {
    let real: string;
    let entries: string[];
    try {
      real = realpathSync.native(dir);
      if (seenDirectories.has(real)) return;
      seenDirectories.add(real);
      entries = readdirSync(dir).sort();
    } catch (error) {
      errors.push(new IoError(dir, describeIoFailure(error)));
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      let info;
      try {
        info = statSync(path);
      } catch (error) {
        if (name.endsWith('.spec')) errors.push(new IoError(path, describeIoFailure(error)));
        continue;
      }
      if (info.isDirectory()) {
        if (!SKIPPED_DIRECTORY.test(name)) visitDirectory(path);
      } else if (name.endsWith('.spec')) {
        files.push(path);
      }
    }
  };

  for (const path of paths) {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      errors.push(new IoError(path, describeIoFailure(error)));
      continue;
    }
    if (info.isDirectory()) visitDirectory(path);
    else files.push(path);
  }
  return { files, errors };
}

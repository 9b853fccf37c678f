import { readdir, realpath, stat } from 'node:fs/promises';
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
 */
export async function findSpecs(paths: readonly string[]): Promise<FoundSpecs> {
  const files: string[] = [];
  const errors: IoError[] = [];
  const seenDirectories = new Set<string>();

  const visitDirectory = async (dir: string): Promise<void> => {
    let real: string;
    let entries: string[];
    try {
      real = await realpath(dir);
      if (seenDirectories.has(real)) return;
      seenDirectories.add(real);
      entries = (await readdir(dir)).sort();
    } catch (error) {
      errors.push(new IoError(dir, describeIoFailure(error)));
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        if (name.endsWith('.spec')) errors.push(new IoError(path, describeIoFailure(error)));
        continue;
      }
      if (info.isDirectory()) {
        if (!SKIPPED_DIRECTORY.test(name)) await visitDirectory(path);
      } else if (name.endsWith('.spec')) {
        files.push(path);
      }
    }
  };

  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      errors.push(new IoError(path, describeIoFailure(error)));
      continue;
    }
    if (info.isDirectory()) await visitDirectory(path);
    else files.push(path);
  }
  return { files, errors };
}

import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import { CONFIG_FILE_NAMES } from './config-file.js';

/**
 * Finds the config file that governs a directory: the nearest `speclint.toml` or `.speclint.toml`
 * at or above it, up to the filesystem root. Answers are cached per directory, so linting a
 * thousand files in one tree looks at each directory once.
 */
export class ConfigDiscovery {
  private readonly byDirectory = new Map<string, string | null>();

  /** The absolute path of the governing config file, or null when there is none. Throws ConfigError when one directory has both names. */
  find(directory: string): string | null {
    const visited: string[] = [];
    let dir = resolve(directory);
    let found: string | null;
    for (;;) {
      const cached = this.byDirectory.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      found = configIn(dir);
      if (found !== null) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDirectory.set(d, found);
    return found;
  }
}

function configIn(dir: string): string | null {
  const present = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter(isFile);
  if (present.length > 1) {
    throw new ConfigError([{ file: present[1]!, key: '', message: `${present[0]!} is in the same directory; keep one of the two` }]);
  }
  return present[0] ?? null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // A directory we may not look into holds no config for us.
    return false;
  }
}

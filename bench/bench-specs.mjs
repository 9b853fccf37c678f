// The specs both benchmarks measure: ../shared/corpus, or specs-examples/ where it is absent.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const corpus = resolve(root, '../shared/corpus');
export const source = existsSync(corpus) ? corpus : join(root, 'specs-examples');

/** Every *.spec under `source`, in sorted order. */
export function benchSpecs() {
  const files = [];
  (function walk(dir) {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.spec')) files.push(path);
    }
  })(source);
  return files;
}

// The specs both benchmarks measure (../shared/corpus, or specs-examples/ where it is absent), and
// how both take time.
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

/** Runs `work` once: what it returned, and the seconds it took. */
export function timeIt(work) {
  const started = process.hrtime.bigint();
  const result = work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

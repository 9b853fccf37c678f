import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Our own example specs, good and bad. */
export const EXAMPLES_DIR = join(import.meta.dirname, '../../specs-examples');

/** The names of every specs-examples/*.spec, sorted. */
export const EXAMPLE_NAMES: readonly string[] = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.spec')).sort();

export function exampleText(name: string): string {
  return readFileSync(join(EXAMPLES_DIR, name), 'utf8');
}

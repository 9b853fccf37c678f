import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** ../shared/corpus beside the project, present in CI and on developer machines, not in a user's clone. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../../shared/corpus');
export const HAVE_CORPUS = existsSync(CORPUS_DIR);

if (!HAVE_CORPUS) {
  console.log(`[speclint tests] skipping corpus tests: ${CORPUS_DIR} is absent (it ships beside the project in CI only)`);
}

/** Every *.spec under the corpus, as paths relative to it, sorted. */
export function corpusSpecs(): string[] {
  if (!HAVE_CORPUS) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.spec')) found.push(relative(CORPUS_DIR, path));
    }
  };
  walk(CORPUS_DIR);
  return found;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSpec } from '../../src/io/spec-source.js';
import { printRpmspec } from '../../src/macros/rpmspec-output.js';
import { expandSpec } from '../../src/macros/spec-expander.js';
import { findTarget } from '../../src/macros/targets.js';
import { parseSpec } from '../../src/parse/index.js';
import { CORPUS_DIR, corpusSpecs, HAVE_CORPUS } from '../helpers/corpus.js';
import { agreesWithRpmspec, HAVE_RPMSPEC, hostMacroLayer, rpmspecParsed } from '../helpers/rpmspec.js';
import { KNOWN_DIFFERENCES } from './rpmspec-known-differences.js';

/*
 * `speclint expand` against rpm's own `rpmspec -P` (Debian's rpm 4.18, as CI installs it) over
 * the corpus, for Fedora, EL8 and EL9.
 *
 * Both sides use the same macros: rpmspec loads ../shared/reference/macros after the host rpm's
 * macro files; speclint uses its own Python and distribution tables (what this test checks) over
 * the host rpm's macro files (so that %configure, %_topdir and the like are the host's, as in
 * rpmspec). Specs that run shell or Lua from their own text (`%(`, `%{lua:`) or include other
 * files are left out, as are specs rpmspec itself rejects.
 *
 * Normalised before comparing, and nothing else: trailing blanks on each line and blank lines at
 * the end; where speclint shows an unknown region (output of `%(…)` or Lua that a macro runs,
 * such as the host's CPU count in %_smp_mflags) any text of rpmspec's matches.
 */
const TARGETS = ['fedora', 'el8', 'el9'] as const;
const RUNS_SHELL_LUA_OR_INCLUDE = /%\(|%\{lua:|%include\b/;
const CONCURRENCY = 4;

if (HAVE_CORPUS && !HAVE_RPMSPEC) {
  console.log('[speclint tests] skipping the rpmspec differential test: rpmspec (Debian package rpm) or ../shared/reference is absent');
}

async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe.skipIf(!HAVE_CORPUS || !HAVE_RPMSPEC)('speclint expand agrees with rpmspec -P', () => {
  const candidates = corpusSpecs().filter((path) => !RUNS_SHELL_LUA_OR_INCLUDE.test(readFileSync(join(CORPUS_DIR, path), 'latin1')));
  const differing = new Map<string, Set<string>>();

  for (const targetId of TARGETS) {
    it(`for ${targetId}, on at least 97 % of the corpus, and every difference is explained`, async () => {
      const target = findTarget(targetId)!;
      const host = hostMacroLayer();
      const outcomes = await mapPool(candidates, CONCURRENCY, async (path) => {
        const theirs = await rpmspecParsed(join(CORPUS_DIR, path), targetId);
        if (theirs === null) return null;
        const { text } = decodeSpec(readFileSync(join(CORPUS_DIR, path)));
        const expansion = expandSpec(parseSpec(text).file, target, { overrides: [host] });
        // rpmspec's bytes, read as latin-1, compare with speclint's text when the spec is latin-1 too.
        const ours = printRpmspec(expansion, { keepUnknown: true });
        const theirsText = text === readFileSync(join(CORPUS_DIR, path), 'latin1') ? theirs : Buffer.from(theirs, 'latin1').toString('utf8');
        return { path, agrees: agreesWithRpmspec(ours, theirsText) };
      });
      const compared = outcomes.filter((o) => o !== null);
      const disagreeing = compared.filter((o) => !o.agrees).map((o) => o.path);
      for (const path of disagreeing) differing.set(path, (differing.get(path) ?? new Set()).add(targetId));
      const share = compared.filter((o) => o.agrees).length / compared.length;
      console.log(`[differential] ${targetId}: ${compared.length - disagreeing.length} of ${compared.length} specs agree with rpmspec -P (${(100 * share).toFixed(2)} %); ${candidates.length - compared.length} rejected by rpmspec`);

      const known = new Set(KNOWN_DIFFERENCES.filter((k) => k.targets.includes(targetId)).map((k) => k.spec));
      expect(disagreeing.filter((path) => !known.has(path))).toEqual([]);
      expect(compared.length).toBeGreaterThan(1500);
      expect(share).toBeGreaterThanOrEqual(0.97);
    }, 900_000);
  }

  it('lists only differences that still exist', () => {
    const stale = KNOWN_DIFFERENCES.filter((k) => k.targets.every((t) => !differing.get(k.spec)?.has(t)));
    expect(stale.map((k) => k.spec)).toEqual([]);
  });
});

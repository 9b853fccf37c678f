import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import { decodeSpec } from '../../src/io/spec-source.js';
import { CORPUS_DIR, HAVE_CORPUS } from '../helpers/corpus.js';
import { CORPUS_LABELS } from './corpus-labels.js';

const RULE_IDS = ['PY001', 'PY002', 'PY003'] as const;

describe.skipIf(!HAVE_CORPUS)('the mission rules against hand-labelled corpus specs (fedora)', () => {
  // A skipped describe still runs its body: read the corpus only where it is.
  const outcomes = !HAVE_CORPUS ? [] : CORPUS_LABELS.map((label) => {
    const { text } = decodeSpec(readFileSync(join(CORPUS_DIR, label.spec)));
    const found = new Set(lintText(text, { filename: label.spec, target: 'fedora' }).findings.map((f) => f.ruleId));
    return { label, found: RULE_IDS.filter((id) => found.has(id)) };
  });

  it('labels at least 40 distinct corpus specs, and explains misses only of what it expects', () => {
    expect(CORPUS_LABELS.length).toBeGreaterThanOrEqual(40);
    const specs = CORPUS_LABELS.map((l) => l.spec);
    expect(specs.filter((spec, i) => specs.indexOf(spec) !== i)).toEqual([]);
    expect(specs.filter((spec) => !existsSync(join(CORPUS_DIR, spec)))).toEqual([]);
    expect(CORPUS_LABELS.flatMap((l) => (l.knownMisses ?? []).filter((m) => !l.expected.includes(m.rule)).map(() => l.spec))).toEqual([]);
  });

  it.each(RULE_IDS)('%s matches the labels', (id) => {
    let truePositives = 0;
    const falsePositives: string[] = [];
    const falseNegatives: string[] = [];
    const knownMissesFound: string[] = [];
    for (const { label, found } of outcomes) {
      const expected = label.expected.includes(id);
      const reported = found.includes(id);
      const knownMiss = label.knownMisses?.some((m) => m.rule === id) ?? false;
      if (expected && reported) truePositives++;
      else if (reported) falsePositives.push(label.spec);
      else if (expected) falseNegatives.push(label.spec);
      if (knownMiss && reported) knownMissesFound.push(label.spec);
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives.length);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives.length);
    console.log(`[labels] ${id}: precision ${(100 * precision).toFixed(0)} %, recall ${(100 * recall).toFixed(0)} % (${truePositives} true positives)`
      + `${falsePositives.length > 0 ? `; false positives: ${falsePositives.join(', ')}` : ''}${falseNegatives.length > 0 ? `; missed: ${falseNegatives.join(', ')}` : ''}`);
    expect(truePositives).toBeGreaterThan(0);
    const explained = new Set(CORPUS_LABELS.filter((l) => l.knownMisses?.some((m) => m.rule === id)).map((l) => l.spec));
    expect({ falsePositives, unexplainedMisses: falseNegatives.filter((spec) => !explained.has(spec)), knownMissesFound })
      .toEqual({ falsePositives: [], unexplainedMisses: [], knownMissesFound: [] });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/parse/index.js';
import { formatText } from '../../src/report/text.js';
import { expectedFindings } from '../helpers/markers.js';

const EXAMPLES_DIR = join(import.meta.dirname, '../../specs-examples');
const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.spec')).sort();

describe('specs-examples', () => {
  it('has a clean example and one with problems', () => {
    const counts = examples.map((name) => parseSpec(readFileSync(join(EXAMPLES_DIR, name), 'utf8')).diagnostics.length);
    expect(counts.some((n) => n === 0)).toBe(true);
    expect(counts.some((n) => n > 0)).toBe(true);
  });

  describe.each(examples)('%s', (name) => {
    const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
    const { diagnostics } = parseSpec(text, { filename: name });

    it('reports exactly what its speclint-expect markers declare', () => {
      const actual = diagnostics.map((d) => `${d.name}@${d.start.line}`).sort((a, b) =>
        Number(a.split('@')[1]) - Number(b.split('@')[1]) || a.localeCompare(b));
      expect(actual).toEqual(expectedFindings(text));
    });

    it('matches its text report snapshot', async () => {
      const report = formatText([{ filename: `specs-examples/${name}`, source: text, problems: diagnostics }], new Chalk({ level: 0 }));
      await expect(report).toMatchFileSnapshot(`__snapshots__/${name.replace(/\.spec$/, '')}.txt`);
    });
  });
});

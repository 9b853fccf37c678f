import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';
import { lintText } from '../../src/engine/lint.js';
import { formatText } from '../../src/report/text.js';
import { expectedFindings } from '../helpers/markers.js';
import { EXAMPLE_NAMES as examples, exampleText } from '../helpers/examples.js';

describe('specs-examples', () => {
  it('has a clean example and examples with problems', () => {
    const counts = examples.map((name) => lintText(exampleText(name)).findings.length);
    expect(counts.some((n) => n === 0)).toBe(true);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });

  describe.each(examples)('%s', (name) => {
    const text = exampleText(name);
    // `# speclint-target: el7` lints an example for the target it is about.
    const target = /^# speclint-target: (\S+)$/m.exec(text)?.[1];
    const result = lintText(text, { filename: name, ...(target === undefined ? {} : { target }) });

    it('reports exactly what its speclint-expect markers declare', () => {
      const actual = result.findings.map((f) => `${f.ruleName}@${f.start.line}`).sort((a, b) =>
        Number(a.split('@')[1]) - Number(b.split('@')[1]) || a.localeCompare(b));
      expect(actual).toEqual(expectedFindings(text));
      expect(result.internalErrors).toEqual([]);
    });

    it('matches its text report and fixed-file snapshots', async () => {
      const problems = result.findings.map((f) => ({ ...f, code: f.ruleId, name: f.ruleName }));
      const report = formatText([{ filename: `specs-examples/${name}`, source: text, problems }], new Chalk({ level: 0 }));
      await expect(report).toMatchFileSnapshot(`__snapshots__/${name.replace(/\.spec$/, '')}.txt`);
      const fixed = fixText(text, { filename: name, ...(target === undefined ? {} : { target }) }, 'safe');
      expect(fixed.problem).toBeNull();
      const fixedSnapshot = `__snapshots__/${name.replace(/\.spec$/, '')}.fixed.spec`;
      // A stale snapshot of a fix that no longer happens must not linger unnoticed.
      if (fixed.output !== text) await expect(fixed.output).toMatchFileSnapshot(fixedSnapshot);
      else expect(existsSync(join(import.meta.dirname, fixedSnapshot))).toBe(false);
      // What the safe fixes leave is only what needs a person's judgement.
      const left = lintText(fixed.output, { filename: name, ...(target === undefined ? {} : { target }) }).findings;
      expect(left.filter((f) => f.fix?.applicability === 'safe').map((f) => f.message)).toEqual([]);
    });
  });
});

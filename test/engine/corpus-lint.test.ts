import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';
import { lintText } from '../../src/engine/lint.js';
import { decodeSpec } from '../../src/io/spec-source.js';
import { CORPUS_DIR, corpusSpecs, HAVE_CORPUS } from '../helpers/corpus.js';

describe.skipIf(!HAVE_CORPUS)('linting the real-spec corpus', () => {
  const specs = corpusSpecs().map((path) => ({ path, text: decodeSpec(readFileSync(join(CORPUS_DIR, path))).text }));
  const withPy001: { path: string; text: string }[] = [];

  it.each(['fedora', 'el8', 'el9'])('crashes on no spec and no rule fails, for %s', (target) => {
    const failures: string[] = [];
    const counts = new Map<string, number>();
    for (const { path, text } of specs) {
      try {
        const result = lintText(text, { filename: path, target });
        failures.push(...result.internalErrors);
        for (const f of result.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        const py001 = result.findings.filter((f) => f.ruleId === 'PY001');
        // Where PY001 offers no safe fix (the spec redefines %py_byte_compile or %python), --fix leaves it.
        if (target === 'fedora' && py001.length > 0 && py001.every((f) => f.fix?.applicability === 'safe')) withPy001.push({ path, text });
      } catch (error) {
        failures.push(`${path}: ${String(error)}`);
      }
    }
    console.log(`[corpus lint] ${target}: ${[...counts].filter(([id]) => id.startsWith('PY')).sort().map(([id, n]) => `${id} ${n}`).join(', ')}`);
    expect(failures).toEqual([]);
  });

  it("PY001's fix, applied to real specs and linted again, leaves no PY001", () => {
    expect(withPy001.length).toBeGreaterThan(10);
    const left = withPy001.filter(({ path, text }) => {
      const fixed = fixText(text, { filename: path, target: 'fedora' }, 'safe');
      return lintText(fixed.output, { filename: path, target: 'fedora' }).findings.some((f) => f.ruleId === 'PY001');
    });
    expect(left.map((s) => s.path)).toEqual([]);
  });
});

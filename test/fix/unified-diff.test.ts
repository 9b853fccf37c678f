import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/fix/unified-diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'x.spec')).toBe('');
  });

  it('writes an inserted line with three lines of context on each side', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const after = 'a\nb\nc\nd\nNEW\ne\nf\ng\n';
    expect(unifiedDiff(before, after, 'x.spec')).toBe(
      '--- a/x.spec\n+++ b/x.spec\n@@ -2,6 +2,7 @@\n b\n c\n d\n+NEW\n e\n f\n g\n',
    );
  });

  it('joins changes closer than twice the context into one hunk, and splits those further apart', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${i}\n`);
    const near = [...lines];
    near[5] = 'X\n';
    near[10] = 'Y\n';
    expect(unifiedDiff(lines.join(''), near.join(''), 'x').match(/^@@/gm)).toHaveLength(1);
    // Six lines between two changes: the hunks would touch, so diff -u writes one.
    const touching = [...lines];
    touching[5] = 'X\n';
    touching[12] = 'Y\n';
    expect(unifiedDiff(lines.join(''), touching.join(''), 'x').match(/^@@.*$/gm)).toEqual(['@@ -3,14 +3,14 @@']);
    const far = [...lines];
    far[5] = 'X\n';
    far[20] = 'Y\n';
    expect(unifiedDiff(lines.join(''), far.join(''), 'x').match(/^@@/gm)).toHaveLength(2);
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'x')).toBe('--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });
});

const hasTools = ['git', 'patch'].every((tool) => spawnSync(tool, ['--version']).status === 0);
if (!hasTools) console.log('[skip] git or patch is not installed: the diffs are not checked with them');

describe.skipIf(!hasTools)('diffs that git apply and patch -p1 accept', () => {
  const line = fc.constantFrom('Name: q\n', 'BuildRequires: x\n', '%install\n', '\n', 'make\r\n', 'a\n', 'b\n', '%files\n');
  const text = fc.array(line, { maxLength: 25 }).map((lines) => lines.join(''));

  it('gives back the new text, CRLF lines and a missing final newline included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'speclint-diff-'));
    try {
      fc.assert(fc.property(text, text, fc.boolean(), (before, after, chop) => {
        const newText = chop && after.endsWith('\n') ? after.slice(0, -1) : after;
        const diff = unifiedDiff(before, newText, 'p.spec');
        if (diff === '') return before === newText;
        for (const [tool, args] of [['git', ['apply', '--unsafe-paths', '-']], ['patch', ['-p1', '--quiet', '--binary']]] as const) {
          writeFileSync(join(dir, 'p.spec'), before);
          const run = spawnSync(tool, args, { cwd: dir, input: diff });
          if (run.status !== 0) throw new Error(`${tool} rejected:\n${diff}\n${run.stderr.toString()}`);
          expect(readFileSync(join(dir, 'p.spec'), 'utf8')).toBe(newText);
        }
        return true;
      }), { numRuns: 60 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

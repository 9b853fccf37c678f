import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as speclint from '../src/index.js';

describe('the package entry point', () => {
  it('exports the parser API', () => {
    const text = '%global x 1\nName: a\n';
    const { file, diagnostics } = speclint.parseSpec(text, { filename: 'a.spec' });
    expect(diagnostics).toEqual([]);
    expect(speclint.printSpec(file)).toBe(text);
    expect([...speclint.linesOf(file)].map((l) => l.kind)).toEqual(['macro-definition', 'tag']);
    expect(speclint.parseMacroText('%{x}').parts[0]!.kind).toBe('macro');
  });

  it('exports lintText and fixText with the rules', () => {
    const text = 'Name: q\nLicense: MIT\nBuildRequires: python3-setuptools\n%install\n%py3_install\n';
    const { findings } = speclint.lintText(text, { filename: 'q.spec', target: 'el9' });
    expect(findings.map((f) => f.ruleId)).toEqual(['PY003']);
    const { output } = speclint.fixText(text, { target: 'el9' }, 'safe');
    expect(speclint.lintText(output, { target: 'el9' }).findings).toEqual([]);
    expect(speclint.RULES.map((r) => r.meta.id)).toContain('PY001');
    expect(speclint.findTarget('el9')?.id).toBe('el9');
  });

  it('exports lintFile, which reads latin-1 specs and names the file in its findings', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'speclint-api-')), 'q.spec');
    // A latin-1 changelog byte (0xe9) that is not valid UTF-8.
    writeFileSync(path, Buffer.concat([Buffer.from('Name: q\nLicense: MIT\nBuildRequires: python3-setuptools\n%install\n%py3_install\n%changelog\n- Ren'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = await speclint.lintFile(path, { target: 'el9' });
    expect(result.encoding).toBe('latin1');
    expect(result.source).toContain('René');
    expect(result.findings.map((f) => [f.ruleId, f.filename])).toEqual([['PY003', path]]);
    await expect(speclint.lintFile(join(path, '..', 'missing.spec'))).rejects.toThrow(/missing\.spec: no such file or directory/);
  });
});

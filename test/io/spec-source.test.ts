import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec, readSpecFile } from '../../src/io/spec-source.js';
import { parseSpec } from '../../src/parse/index.js';
import { printSpec } from '../../src/parse/print.js';

describe('reading spec bytes', () => {
  it('reads UTF-8, keeping a byte-order mark as the first character', () => {
    const bytes = Buffer.from('\uFEFFName: caf\u00e9\n', 'utf8');
    const { text, encoding } = decodeSpec(bytes);
    expect(encoding).toBe('utf-8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { file } = parseSpec(text);
    expect(file.bom?.text).toBe('\uFEFF');
    expect(encodeSpec(printSpec(file), encoding).equals(bytes)).toBe(true);
  });

  it('falls back to latin-1 for invalid UTF-8 and gives back the same bytes', () => {
    const bytes = Buffer.from([...Buffer.from('%changelog\n* Mon Jan 01 2024 Ren'), 0xe9, ...Buffer.from(' <r@x> - 1-1\n\0\xff\n', 'latin1')]);
    const { text, encoding } = decodeSpec(bytes);
    expect(encoding).toBe('latin1');
    expect(encodeSpec(printSpec(parseSpec(text).file), encoding).equals(bytes)).toBe(true);
  });

  it('names the path in the error for a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speclint-'));
    await expect(readSpecFile(join(dir, 'absent.spec'))).rejects.toThrow(`${join(dir, 'absent.spec')}: no such file or directory`);
    writeFileSync(join(dir, 'ok.spec'), 'Name: x\n');
    await expect(readSpecFile(join(dir, 'ok.spec'))).resolves.toMatchObject({ text: 'Name: x\n', encoding: 'utf-8' });
  });
});

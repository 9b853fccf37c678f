import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSE_DIAGNOSTICS } from '../src/parse/diagnostics.js';
import { RULES } from '../src/rules/index.js';
import { rulesMarkdownTable } from '../src/rules/table.js';

const README = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('lists every parse diagnostic with its name and severity, and nothing else', () => {
    const rows = [...README.matchAll(/^\| (SP\d{3}) \| ([a-z0-9-]+) \| (\w+) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(Object.entries(PARSE_DIAGNOSTICS).map(([code, meta]) => [code, meta.name, meta.severity]));
  });

  it('has the rule table the rules\' metadata makes (paste the expected text when it drifts)', () => {
    const between = /<!-- rules:start[^\n]*-->\n([\s\S]*?)\n<!-- rules:end -->/.exec(README)?.[1];
    expect(between).toBe(rulesMarkdownTable(RULES));
  });

  it('gives the two quick-start commands', () => {
    expect(README).toContain('npm ci && npm start');
    expect(README).toContain('npm ci && npm test');
  });
});

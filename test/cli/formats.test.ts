import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSarif } from '../report/sarif-schema.js';
import { runMain } from './run-main.js';
import { HAVE_BIN, runBin } from '../helpers/bin.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'specs-examples');
const FAILING = join(EXAMPLES, '10-private-module-not-compiled.spec');

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; fixes?: unknown[] }[] }[];
}

describe('--format', () => {
  it('sarif: a log of every example that validates against the SARIF 2.1.0 schema', async () => {
    const run = await runMain(['--format', 'sarif', EXAMPLES]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
    const [only] = log.runs;
    expect(only!.tool.driver.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['PY001', 'SP007', 'SL001']));
    const py001 = only!.results.find((r) => r.ruleId === 'PY001' && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('10-private-module-not-compiled.spec'));
    expect(py001).toMatchObject({ level: 'error' });
    expect(py001!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(relative(process.cwd(), FAILING).split('\\').join('/'));
    expect(py001!.fixes).toHaveLength(1);
  });

  it('github: one annotation per finding, with % escaped', async () => {
    const run = await runMain(['--format', 'github', FAILING]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${FAILING.replace(/[.]/g, '\\.')},line=22,col=28,endLine=22,endColumn=\\d+,title=PY001 private-module-not-byte-compiled::`));
    expect(lines[0]).toContain('Fix (safe): Add %25py_byte_compile');
    expect(lines[0]).not.toMatch(/%(?!25|0A|0D)/);
  });

  it('snippets: the line to paste and where', async () => {
    const run = await runMain(['--format', 'snippets', FAILING]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('%py_byte_compile %{python3} %{buildroot}%{_datadir}/%{name}/plugins');
    expect(run.stdout).toMatch(/after line 22/);
    expect(run.stdout).toContain('%install');
  });

  it('rejects an unknown format', async () => {
    const run = await runMain(['--format', 'xml', FAILING]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, sarif, github, snippets.");
  });
});

describe.skipIf(!HAVE_BIN)('the built binary', () => {
  it.each(['sarif', 'github', 'snippets'])('prints --format %s', (format) => {
    const run = runBin(['--format', format, FAILING]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('py_byte_compile');
  });
});

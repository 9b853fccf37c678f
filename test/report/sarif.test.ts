import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../src/fix/edit.js';
import { PARSE_DIAGNOSTICS } from '../../src/parse/diagnostics.js';
import type { FileProblems, Problem } from '../../src/report/problem.js';
import { describeDiagnostics, describeRules } from '../../src/report/rule-descriptions.js';
import { formatSarif, type SarifOptions } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { validateSarif } from './sarif-schema.js';
import { EXAMPLE_NAMES, exampleText } from '../helpers/examples.js';
import { lintExample, lintProblems, toCrlf } from './lint-examples.js';

const CWD = '/home/packager/rpms';
const OPTIONS: SarifOptions = { toolVersion: '0.1.0', informationUri: 'https://example.org/speclint', rules: describeRules(RULES), cwd: CWD };

function sarifOf(results: readonly FileProblems[], options: Partial<SarifOptions> = {}): Sarif.Log {
  return JSON.parse(formatSarif(results, { ...OPTIONS, ...options })) as Sarif.Log;
}

function runOf(log: Sarif.Log): Sarif.Run {
  return log.runs[0]!;
}

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
}

function problem(overrides: Partial<Problem> & Pick<Problem, 'span'>): Problem {
  return {
    code: 'PY001', name: 'private-module-not-byte-compiled', severity: 'error', message: 'a message',
    start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, ...overrides,
  };
}

/** Offsets of a line/column region in text, counted independently of the code under test. */
function offsetsOf(text: string, region: Sarif.Region): { start: number; end: number } {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const at = (line: number, column: number): number => lineStarts[line - 1]! + column - 1;
  return { start: at(region.startLine!, region.startColumn!), end: at(region.endLine!, region.endColumn!) };
}

/** Edits sorted by start, applied over the original text, as SARIF orders replacements. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

describe('formatSarif: the official SARIF 2.1.0 schema', () => {
  const examples = EXAMPLE_NAMES.map((name) => ({ ...lintExample(name), filename: `${CWD}/specs-examples/${name}` }));

  it('accepts the log of every example, linted for real', () => {
    const log = sarifOf(examples);
    expectValid(log);
    expect(runOf(log).results!.length).toBe(examples.reduce((n, e) => n + e.problems.length, 0));
    expect(runOf(log).results!.some((r) => r.fixes !== undefined)).toBe(true);
    expect(runOf(log).results!.some((r) => r.relatedLocations !== undefined)).toBe(true);
  });

  it('accepts a log of files with no problems, CRLF endings, non-ASCII text, odd paths and paths outside cwd', () => {
    const clean = lintExample('01-python-quokka-clean.spec');
    expect(clean.problems).toEqual([]);
    const crlf = lintProblems('crlf/10.spec', toCrlf(exampleText('10-private-module-not-compiled.spec')));
    const nonAscii = lintProblems('ünïcode dir/20 spec #1.spec', exampleText('20-hardcoded-python-version.spec').replace('Summary:', 'Summary:        Pâté 𝄞 —'));
    const outside = lintProblems('/srv/other/30%.spec', exampleText('30-missing-python-devel.spec'));
    const log = sarifOf([clean, crlf, nonAscii, outside]);
    expectValid(log);
    expect(runOf(log).results!.length).toBe(crlf.problems.length + nonAscii.problems.length + outside.problems.length);
  });

  it('accepts a log with no results, and still lists every rule', () => {
    const log = sarifOf([]);
    expectValid(log);
    expect(runOf(log).results).toEqual([]);
    expect(runOf(log).tool.driver.rules!.length).toBe(RULES.length + Object.keys(PARSE_DIAGNOSTICS).length);
  });

  it('is not a validator that accepts anything', () => {
    const log = sarifOf(examples.slice(0, 3)) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] })).toBe(false);
  });
});

describe('formatSarif: the run and its rules', () => {
  const run = runOf(sarifOf([lintExample('02-parse-problems.spec'), lintExample('20-hardcoded-python-version.spec')]));

  it('names the tool and counts columns in UTF-16 code units', () => {
    expect(run.tool.driver).toMatchObject({ name: 'speclint', version: '0.1.0', informationUri: 'https://example.org/speclint' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/packager/rpms/' } });
  });

  it('describes every rule and parse diagnostic, with the rule URL as help and the default level', () => {
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...RULES.map((r) => r.meta.id), ...Object.keys(PARSE_DIAGNOSTICS)]);
    for (const { meta } of RULES) {
      const rule = rules.find((r) => r.id === meta.id)!;
      expect(rule).toMatchObject({ name: meta.name, shortDescription: { text: meta.docs.summary }, helpUri: meta.url });
      expect(rule.fullDescription!.markdown).toBe(meta.docs.explanation);
      expect(rule.defaultConfiguration!.level).toBe(meta.severity === 'warning' ? 'warning' : meta.severity === 'error' ? 'error' : 'note');
      expect(rule.help!.markdown).toContain(meta.docs.bad.trimEnd());
    }
    const sp010 = rules.find((r) => r.id === 'SP010')!;
    expect(sp010).toMatchObject({ name: 'macro-nesting-too-deep', defaultConfiguration: { level: 'warning' } });
    expect(sp010.helpUri).toBeUndefined();
    expect(sp010.shortDescription!.text).not.toBe('');
  });

  it('describes other documented diagnostics given to it, such as suppression diagnostics', () => {
    const table = { SL901: { name: 'made-up', severity: 'warning' as const, summary: 'A made-up diagnostic', explanation: 'Why it\nmatters.', bad: 'Name: a\n', good: 'Name: b\n' } };
    const log = sarifOf([], { rules: [...describeRules([], []), ...describeDiagnostics(table, 'suppression')] });
    expectValid(log);
    expect(runOf(log).tool.driver.rules).toEqual([expect.objectContaining({
      id: 'SL901', name: 'made-up', shortDescription: { text: 'A made-up diagnostic' },
      fullDescription: { text: 'Why it matters.', markdown: 'Why it\nmatters.' },
      defaultConfiguration: { level: 'warning' }, properties: { tags: ['suppression'] },
    })]);
    expect(runOf(log).tool.driver.rules![0]!.help!.markdown).toContain('```spec\nName: a\n```');
  });

  it('points every result at its rule by id and index', () => {
    for (const result of run.results!) expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('lists only the rules it is given, and adds any other rule a problem names', () => {
    const found = lintExample('10-private-module-not-compiled.spec');
    const stranger = { ...found, problems: [...found.problems, problem({ code: 'XX999', name: 'from-elsewhere', span: { start: 0, end: 4 } })] };
    const only = runOf(sarifOf([stranger], { rules: describeRules(RULES.slice(0, 1), []) }));
    expect(only.tool.driver.rules!.map((r) => r.id)).toEqual(['PY001', 'XX999']);
    expect(only.results!.map((r) => r.ruleIndex)).toEqual([0, 1]);
  });
});

describe('formatSarif: results', () => {
  it('maps error, warning, info and style to error, warning, note and note', () => {
    const source = 'Name: x\n';
    const problems = (['error', 'warning', 'info', 'style'] as const).map((severity) => problem({ severity, span: { start: 0, end: 4 } }));
    expect(runOf(sarifOf([{ filename: 'x.spec', source, problems }])).results!.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'note']);
  });

  it('gives each finding its message and its region, 1-based with an exclusive end column', () => {
    const found = lintExample('10-private-module-not-compiled.spec');
    const [result] = runOf(sarifOf([found])).results!;
    const [finding] = found.problems;
    expect(result).toMatchObject({ ruleId: 'PY001', level: 'error', message: { text: finding!.message } });
    expect(result!.locations![0]!.physicalLocation!.region).toEqual({
      startLine: finding!.start.line, startColumn: finding!.start.column, endLine: finding!.end.line, endColumn: finding!.end.column,
    });
    expect(offsetsOf(found.source, result!.locations![0]!.physicalLocation!.region!)).toEqual(finding!.span);
  });

  it('keeps line numbers under CRLF and counts astral characters as two columns', () => {
    const text = 'Name: x\nSummary: 𝄞 é x\n';
    const span = { start: text.indexOf('x\n', 10), end: text.indexOf('x\n', 10) + 1 };
    const lf = runOf(sarifOf([{ filename: 'a.spec', source: text, problems: [problem({ span })] }])).results![0]!;
    expect(lf.locations![0]!.physicalLocation!.region).toEqual({ startLine: 2, startColumn: 15, endLine: 2, endColumn: 16 });
    const crlfText = toCrlf(text);
    const crlfSpan = { start: crlfText.indexOf('x\r\n', 10), end: crlfText.indexOf('x\r\n', 10) + 1 };
    const crlf = runOf(sarifOf([{ filename: 'a.spec', source: crlfText, problems: [problem({ span: crlfSpan })] }])).results![0]!;
    expect(crlf.locations![0]!.physicalLocation!.region).toEqual({ startLine: 2, startColumn: 15, endLine: 2, endColumn: 16 });
  });

  it('does not count a byte-order mark as a column', () => {
    const text = '\uFEFFName: x\n';
    const result = runOf(sarifOf([{ filename: 'a.spec', source: text, problems: [problem({ span: { start: 1, end: 5 } })] }])).results![0]!;
    expect(result.locations![0]!.physicalLocation!.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 });
  });

  it('places the end of a file on its last line, not on a line after it', () => {
    const found = lintProblems('open-if.spec', 'Name: x\n%if 1\nfoo\n');
    const result = runOf(sarifOf([found])).results!.find((r) => r.ruleId === 'SP003')!;
    expect(result.relatedLocations).toEqual([expect.objectContaining({
      message: { text: 'the file ends here' },
      physicalLocation: expect.objectContaining({ region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 5 } }),
    })]);
  });

  it('gives related locations their own ids, messages and regions', () => {
    const found = lintExample('20-hardcoded-python-version.spec');
    const withRelated = found.problems.find((p) => 'related' in p && Array.isArray(p.related) && p.related.length > 0)! as Problem & { related: { message: string; span: { start: number; end: number } }[] };
    const result = runOf(sarifOf([found])).results!.find((r) => r.message.text === withRelated.message)!;
    expect(result.relatedLocations!.map((l) => l.id)).toEqual(withRelated.related.map((_, i) => i));
    expect(result.relatedLocations!.map((l) => l.message!.text)).toEqual(withRelated.related.map((r) => r.message));
    expect(result.relatedLocations!.map((l) => offsetsOf(found.source, l.physicalLocation!.region!))).toEqual(withRelated.related.map((r) => r.span));
  });
});

describe('formatSarif: artifact URIs', () => {
  const uriOf = (filename: string, cwd = CWD): Sarif.ArtifactLocation => {
    const source = 'Name: x\n';
    return runOf(sarifOf([{ filename, source, problems: [problem({ span: { start: 0, end: 4 } })] }], { cwd })).results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
  };

  it('makes paths below cwd relative, with forward slashes and percent-encoding, against %SRCROOT%', () => {
    expect(uriOf('specs/python-foo.spec')).toEqual({ uri: 'specs/python-foo.spec', uriBaseId: '%SRCROOT%' });
    expect(uriOf(`${CWD}/my specs/a#1%.spec`)).toEqual({ uri: 'my%20specs/a%231%25.spec', uriBaseId: '%SRCROOT%' });
    expect(uriOf('ünï/x.spec')).toEqual({ uri: '%C3%BCn%C3%AF/x.spec', uriBaseId: '%SRCROOT%' });
    expect(uriOf('a:b.spec').uri).toBe('a%3Ab.spec');
  });

  it('resolves each relative URI, against the base it names, to the file', () => {
    const log = sarifOf([{ filename: 'my specs/ünï.spec', source: 'Name: x\n', problems: [problem({ span: { start: 0, end: 4 } })] }]);
    const base = runOf(log).originalUriBaseIds!['%SRCROOT%']!.uri!;
    const { uri } = runOf(log).results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(new URL(uri!, base).href).toBe(pathToFileURL(`${CWD}/my specs/ünï.spec`).href);
  });

  it('gives files outside cwd absolute file: URIs with no base', () => {
    expect(uriOf('/srv/other spec/x.spec')).toEqual({ uri: 'file:///srv/other%20spec/x.spec' });
    expect(uriOf('../sibling/x.spec')).toEqual({ uri: 'file:///home/packager/sibling/x.spec' });
  });
});

describe('formatSarif: partial fingerprints', () => {
  const fingerprints = (found: FileProblems): string[] =>
    runOf(sarifOf([found])).results!.map((r) => r.partialFingerprints!['speclintFindingHash/v1']!);

  it('survive lines inserted above the findings', () => {
    const text = exampleText('90-realistic-messy.spec');
    const before = lintProblems('a.spec', text);
    const shifted = lintProblems('a.spec', `# a comment\n\n${text}`);
    expect(before.problems.length).toBeGreaterThan(1);
    expect(shifted.problems.map((p) => p.start.line)).toEqual(before.problems.map((p) => p.start.line + 2));
    expect(fingerprints(shifted)).toEqual(fingerprints(before));
  });

  it('survive re-indentation but not a change to the line itself', () => {
    const text = exampleText('10-private-module-not-compiled.spec');
    const line = 'install -m644 plugins/*.py %{buildroot}%{_datadir}/%{name}/plugins/';
    const [original] = fingerprints(lintProblems('a.spec', text));
    expect(fingerprints(lintProblems('a.spec', text.replace(line, `  ${line.replace(' ', '   ')}`)))).toEqual([original]);
    expect(fingerprints(lintProblems('a.spec', text.replace(line, line.replace('-m644', '-m 644'))))).not.toEqual([original]);
  });

  it('tell apart findings of one rule on identical lines, and rules on one line', () => {
    const source = 'x\ny\nx\n';
    const problems = [
      problem({ span: { start: 0, end: 1 } }),
      problem({ span: { start: 4, end: 5 } }),
      problem({ code: 'PY002', span: { start: 4, end: 5 } }),
    ];
    const prints = fingerprints({ filename: 'a.spec', source, problems });
    expect(new Set(prints).size).toBe(3);
    // Listed in another order, each problem keeps its fingerprint.
    expect(fingerprints({ filename: 'a.spec', source, problems: [...problems].reverse() })).toEqual([...prints].reverse());
  });
});

describe('formatSarif: fixes', () => {
  const withFixes = EXAMPLE_NAMES.map((name) => lintExample(name)).filter((f) => f.problems.some((p) => p.fix !== undefined));

  it('carries every fix, with its title and applicability', () => {
    const results = runOf(sarifOf(withFixes)).results!;
    const problems = withFixes.flatMap((f) => f.problems);
    expect(results.map((r) => r.fixes?.[0]?.description?.text)).toEqual(problems.map((p) => p.fix?.title));
    expect(results.map((r) => r.fixes?.[0]?.properties?.['applicability'])).toEqual(problems.map((p) => p.fix?.applicability));
  });

  it('gives replacements whose regions and text, applied, make exactly the fixed file', () => {
    let checked = 0;
    for (const file of [...withFixes, ...withFixes.map((f) => lintProblems(f.filename, toCrlf(f.source)))]) {
      const results = runOf(sarifOf([file])).results!;
      file.problems.forEach((p, i) => {
        if (p.fix === undefined) return;
        const [change] = results[i]!.fixes![0]!.artifactChanges;
        expect(change!.artifactLocation).toEqual(results[i]!.locations![0]!.physicalLocation!.artifactLocation);
        const edits = change!.replacements.map((r) => ({ ...offsetsOf(file.source, r.deletedRegion), text: r.insertedContent?.text ?? '' }));
        expect(edits).toEqual(p.fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })));
        expect(applyEdits(file.source, edits)).toBe(applyEdits(file.source, p.fix.edits));
        checked++;
      });
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('writes an insertion as an empty region', () => {
    const found = lintExample('30-missing-python-devel.spec');
    const [replacement] = runOf(sarifOf([found])).results![0]!.fixes![0]!.artifactChanges[0]!.replacements;
    expect(replacement).toEqual({
      deletedRegion: { startLine: 13, startColumn: 1, endLine: 13, endColumn: 1 },
      insertedContent: { text: 'BuildRequires:  python3-devel\n' },
    });
  });
});

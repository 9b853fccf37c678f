import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/github.js';
import type { FileProblems, Problem } from '../../src/report/problem.js';
import { EXAMPLE_NAMES } from '../helpers/examples.js';
import { lintExample, lintProblems, toCrlf } from './lint-examples.js';

interface Annotation {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

/**
 * Reads workflow commands back by GitHub's documented rules: `::command k=v,k=v::data`, where the
 * data escapes `%`, CR and LF as %25, %0D, %0A, and property values also escape `:` and `,` as
 * %3A and %2C. Each escape is decoded once, in one pass, as a reader of the format would.
 */
function parseAnnotations(output: string): Annotation[] {
  const unescape = (text: string): string => text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
  return output.split('\n').filter((line) => line !== '').map((line) => {
    const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
    if (match === null) throw new Error(`not a workflow command: ${line}`);
    const properties = Object.fromEntries(match[2]!.split(',').map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), unescape(pair.slice(eq + 1))];
    }));
    return { command: match[1]!, properties, message: unescape(match[3]!) };
  });
}

function problem(overrides: Partial<Problem> & Pick<Problem, 'span'>): Problem {
  return {
    code: 'PY001', name: 'private-module-not-byte-compiled', severity: 'error', message: 'a message',
    start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, ...overrides,
  };
}

describe('formatGithub', () => {
  it('annotates every finding of the examples, and prints nothing else', () => {
    const results = EXAMPLE_NAMES.map((name) => lintExample(name));
    const annotations = parseAnnotations(formatGithub(results));
    const problems = results.flatMap((r) => r.problems.map((p) => ({ file: r.filename, p })));
    expect(annotations.length).toBe(problems.length);
    annotations.forEach((a, i) => {
      const { file, p } = problems[i]!;
      expect(a.properties).toEqual({
        file, line: String(p.start.line), col: String(p.start.column), endLine: String(p.end.line), endColumn: String(p.end.column), title: `${p.code} ${p.name}`,
      });
      expect(a.message).toBe(p.fix === undefined ? p.message : `${p.message}\nFix (${p.fix.applicability}): ${p.fix.title}`);
    });
  });

  it('round-trips messages full of macros, such as %{python3_sitelib}', () => {
    const found = lintExample('20-hardcoded-python-version.spec');
    const output = formatGithub([found]);
    expect(output).toContain('%25{python3_sitelib}');
    const messages = parseAnnotations(output).map((a) => a.message);
    expect(messages).toContain(
      "/usr/lib/python3.12/site-packages hard-codes Python 3.12 (the target's Python is 3.14)\nFix (unsafe): Replace /usr/lib/python3.12/site-packages with %{python3_sitelib}",
    );
  });

  it('escapes % before the escapes it writes, so a literal %0A stays literal', () => {
    const source = 'Name: x\n';
    const message = 'literally %0A and %25, then\r\na real line break';
    const output = formatGithub([{ filename: 'a.spec', source, problems: [problem({ message, span: { start: 0, end: 4 } })] }]);
    expect(output.split('\n')).toHaveLength(2);
    expect(output).toContain('literally %250A and %2525, then%0D%0Aa real line break');
    expect(parseAnnotations(output)[0]!.message).toBe(message);
  });

  it('escapes : and , in property values, so file names cannot break the property list', () => {
    const source = 'Name: x\n';
    const output = formatGithub([{ filename: 'odd,dir/a:b%c.spec', source, problems: [problem({ span: { start: 0, end: 4 } })] }]);
    expect(output.startsWith('::error file=odd%2Cdir/a%3Ab%25c.spec,line=1,')).toBe(true);
    expect(parseAnnotations(output)[0]!.properties['file']).toBe('odd,dir/a:b%c.spec');
  });

  it('makes errors errors, warnings warnings, and info and style notices', () => {
    const source = 'Name: x\n';
    const problems = (['error', 'warning', 'info', 'style'] as const).map((severity) => problem({ severity, span: { start: 0, end: 4 } }));
    expect(parseAnnotations(formatGithub([{ filename: 'a.spec', source, problems }])).map((a) => a.command)).toEqual(['error', 'warning', 'notice', 'notice']);
  });

  it('gives lines alone for a range over several lines, and trims a range that ends at a line start', () => {
    const source = 'one\ntwo\nthree\n';
    const file: FileProblems = {
      filename: 'a.spec',
      source,
      problems: [problem({ span: { start: 1, end: 10 } }), problem({ span: { start: 4, end: 8 } })],
    };
    const [multi, whole] = parseAnnotations(formatGithub([file]));
    expect(multi!.properties).toEqual({ file: 'a.spec', line: '1', endLine: '3', title: 'PY001 private-module-not-byte-compiled' });
    expect(whole!.properties).toMatchObject({ line: '2', col: '1', endLine: '2', endColumn: '4' });
  });

  it('counts CRLF lines as lines, and does not count a byte-order mark as a column', () => {
    const crlf = lintProblems('a.spec', toCrlf(lintExample('10-private-module-not-compiled.spec').source));
    const [annotation] = parseAnnotations(formatGithub([crlf]));
    expect(annotation!.properties).toMatchObject({ line: '22', col: '28', endLine: '22', endColumn: '68' });
    const bom = formatGithub([{ filename: 'a.spec', source: '\uFEFFName: x\n', problems: [problem({ span: { start: 1, end: 5 } })] }]);
    expect(parseAnnotations(bom)[0]!.properties).toMatchObject({ col: '1', endColumn: '5' });
  });

  it('prints nothing at all when nothing is found', () => {
    expect(formatGithub([lintExample('01-python-quokka-clean.spec')])).toBe('');
    expect(formatGithub([])).toBe('');
  });
});

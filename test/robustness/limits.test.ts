import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText, type LintResult } from '../../src/engine/lint.js';
import { findSpecs } from '../../src/io/find-specs.js';
import { decodeSpec, encodeSpec } from '../../src/io/spec-source.js';
import { expandSpec, type SpecDiagnostic } from '../../src/macros/spec-expander.js';
import { findTarget } from '../../src/macros/targets.js';
import { parseSpec } from '../../src/parse/index.js';
import { printSpec } from '../../src/parse/print.js';
import { runMain } from '../cli/run-main.js';
import { EXAMPLE_NAMES, EXAMPLES_DIR } from '../helpers/examples.js';
import { BIN, HAVE_BIN } from '../helpers/bin.js';

/**
 * Hostile and unusual input, end to end: through lintText, `speclint expand` and `speclint --fix`
 * in-process, and once through the built binary. Each case must finish well inside a loose time
 * bound (a regression to quadratic work blows far past it), say what went wrong in a diagnostic
 * or an error naming the file, and lose no byte. test/parse/limits.test.ts covers the parser
 * alone on the same kinds of input.
 */

/** Loose: each of these inputs takes a few seconds at most on the 2-core development machine. */
const BOUND_MS = 10_000;
const IS_ROOT = process.getuid?.() === 0;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-limits-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/** Lints in-process; a rule that crashed, or a byte lost by the parser, fails the test. */
function lintChecked(text: string): { result: LintResult; ms: number } {
  const { value: result, ms } = timed(() => lintText(text, { filename: 'hostile.spec' }));
  expect(result.internalErrors).toEqual([]);
  expect(printSpec(result.parse.file) === text).toBe(true);
  return { result, ms };
}

function codesOf(result: LintResult): string[] {
  return [...new Set(result.findings.map((f) => f.ruleId))].sort();
}

function expansionDiagnostics(text: string): readonly SpecDiagnostic[] {
  return expandSpec(parseSpec(text).file, findTarget('fedora')!).diagnostics;
}

function writeSpec(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** `after` must be `before` with one run of bytes inserted and nothing else changed; returns that run. */
function insertedBytes(before: Buffer, after: Buffer): Buffer {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  expect(prefix + suffix).toBe(before.length);
  return after.subarray(prefix, after.length - suffix);
}

describe('macro nesting, recursion and growth', () => {
  it('50,000 nested %{ that never close: one parse diagnostic, an expansion error, no rescanning', async () => {
    const text = `Name: ${'%{'.repeat(50_000)}\n`;
    const { result, ms } = lintChecked(text);
    expect(codesOf(result)).toEqual(['SP001']);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(expansionDiagnostics(text).some((d) => d.kind === 'syntax' && d.message.startsWith('unterminated %{'))).toBe(true);

    const path = writeSpec('unclosed.spec', text);
    const { value: run, ms: expandMs } = await timedAsync(() => runMain(['expand', path]));
    expect(run.code).toBe(0);
    // Nothing to expand: the text comes back as written.
    expect(run.stdout).toBe(text);
    expect(run.stderr).toContain(`${path}:1: error: unterminated %{`);
    expect(expandMs).toBeLessThan(BOUND_MS);
  });

  it('50,000 nested %{ around a defined macro: expansion stops at 64 levels and says so', () => {
    const text = `Name: x\n%description\n${'%{?_bindir:'.repeat(50_000)}x${'}'.repeat(50_000)}\n`;
    const { result, ms } = lintChecked(text);
    expect(codesOf(result)).toEqual(['SP010']);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(expansionDiagnostics(text).map((d) => d.message)).toContain('macro expansion nested deeper than 64 levels (a recursive macro?)');
  });

  it('a macro that doubles itself on every line hits the size limit, once per line, and lints in time', async () => {
    // `a` has 2^(n-2) characters after line n, so line 24 is the first past 4,000,000.
    const text = `Name: d\n%global a x\n${'%global a %{a}%{a}\n'.repeat(60)}%description\n%{a}\n`;
    const { ms } = lintChecked(text);
    expect(ms).toBeLessThan(BOUND_MS);

    const path = writeSpec('doubling.spec', text);
    const { value: run, ms: expandMs } = await timedAsync(() => runMain(['expand', path]));
    expect(run.code).toBe(0);
    expect(expandMs).toBeLessThan(BOUND_MS);
    const limitLines = run.stderr.split('\n').filter((l) => l.includes('macro expansion produced more than 4000000 characters')).map((l) => Number(/:(\d+): error:/.exec(l)![1]));
    expect(limitLines[0]).toBe(24);
    expect(limitLines).toEqual([...new Set(limitLines)]);
    // The %description line shows about a limit's worth (the value that crossed it: 2^22), not 2^60 characters.
    const longest = Math.max(...run.stdout.split('\n').map((l) => l.length));
    expect(longest).toBeGreaterThan(1_000_000);
    expect(longest).toBeLessThan(2 * 4_000_000);
  });

  it('a self-recursive macro stops at 64 levels wherever it is used: tags, conditions, %install, %files', async () => {
    const text = [
      'Name: r', '%define r %{r}x', '%define ping %pong', '%define pong %ping', 'Version: %r', 'Release: %ping',
      '%if %{r}', 'Requires: never', '%endif', '%description', '%r', '%install', 'install -m644 %r.py %{buildroot}%{_datadir}/%r/',
      '%files', '%{_datadir}/%r/', '',
    ].join('\n');
    const { ms } = lintChecked(text);
    expect(ms).toBeLessThan(BOUND_MS);

    const path = writeSpec('recursive.spec', text);
    const run = await runMain(['expand', path]);
    expect(run.code).toBe(0);
    const recursive = new Set(run.stderr.split('\n').filter((l) => l.endsWith('nested deeper than 64 levels (a recursive macro?)')).map((l) => Number(/:(\d+): error:/.exec(l)![1])));
    expect([...recursive].sort((a, b) => a - b)).toEqual([5, 6, 7, 11, 13, 15]);
  });
});

describe('size', () => {
  /** Every example, concatenated until the text passes 20 MB: 900-odd specs in one file. */
  const twentyMegabytes = (): Buffer => {
    const one = Buffer.concat(EXAMPLE_NAMES.map((n) => readFileSync(join(EXAMPLES_DIR, n))));
    return Buffer.concat(new Array<Buffer>(Math.ceil(20 * 1024 * 1024 / one.length)).fill(one));
  };

  it('a 20 MB spec parses losslessly in-process, and the built binary lints it within its time bound', async () => {
    const bytes = twentyMegabytes();
    const { text, encoding } = decodeSpec(bytes);
    expect(encoding).toBe('utf-8');
    const path = writeSpec('twenty-megabytes.spec', bytes);
    // The binary lints while this process parses: two cores, half the wait.
    const binary = HAVE_BIN ? runBinary(['lint', '--format', 'json', '--quiet', path], 75_000) : null;

    // Bounds for 20 MB: a minute to parse in-process, and 75 s for the binary to lint, which takes
    // about 20 s on the 2-core development machine. The byte-compilation rules, when they still
    // scanned every %py_byte_compile call for every path, took 80-95 s; on a faster machine this
    // bound would miss that, which byte-compiler-of.test.ts catches by counting lookups instead.
    const { value: parsed, ms } = timed(() => parseSpec(text));
    expect(ms).toBeLessThan(60_000);
    expect(printSpec(parsed.file) === text).toBe(true);
    if (binary === null) return;

    const run = await binary;
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { filename: string; problems: { code: string; span: { start: number; end: number } }[] }[] };
    expect(report.files.map((f) => f.filename)).toEqual([path]);
    const problems = report.files[0]!.problems;
    expect(problems.every((p) => p.span.start >= 0 && p.span.end <= text.length)).toBe(true);
    // The binary read the same file the in-process parser did: the same parse diagnostics.
    expect(problems.filter((p) => p.code.startsWith('SP')).length).toBe(parsed.diagnostics.length);
  }, 150_000);

  it('a single 1 MB line in the preamble, in %install and in %files lints in time', () => {
    const megabyte = 1024 * 1024;
    const cases = [
      `Name: big\nSummary: ${'word %{name} '.repeat(Math.ceil(megabyte / 13))}\n%description\nd\n`,
      `Name: big\n%install\ninstall -m644 ${'src/big/module_with_a_long_name.py '.repeat(Math.ceil(megabyte / 35))}%{buildroot}%{_datadir}/big/\n%files\n%{_datadir}/big/\n`,
      `Name: big\n%files\n%{_datadir}/${'big/'.repeat(Math.ceil(megabyte / 4))}m.py\n`,
    ];
    for (const text of cases) {
      const { ms } = lintChecked(text);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });
});

describe('blanks that JavaScript\'s \\s matches and the shell does not', () => {
  // A no-break space in %files once made the shell-word splitter loop until the heap ran out.
  it.each(['00A0', 'FEFF', '2028', '3000', '000B', '000C'])('U+%s in %install and %files lints in time', (code) => {
    const blank = String.fromCharCode(parseInt(code, 16));
    const text = `Name: a\n%install\ninstall${blank}-m644 a.py %{buildroot}%{_datadir}/a/${blank}\n%files\n${blank}%{_datadir}/a/${blank}x.py\n`;
    const { ms } = lintChecked(text);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('bytes that are not plain UTF-8 text survive --fix', () => {
  // specs-examples/30-missing-python-devel.spec gets one safe fix: BuildRequires: python3-devel.
  const example = readFileSync(join(EXAMPLES_DIR, '30-missing-python-devel.spec'), 'latin1');
  const withLatin1 = example
    .replace('Summary:        Bilby burrow mapping', 'Summary:        Bilby burrow mapping, caf\u00e9 edition')
    .replace('Example Packager', 'Ren\u00e9 M\u00fcller');

  it.each([
    { name: 'latin-1 text (not valid UTF-8)', bytes: () => Buffer.from(withLatin1, 'latin1'), encoding: 'latin1', eol: '\n' },
    { name: 'NUL bytes', bytes: () => Buffer.from(example.replace('Maps bilby', 'Maps\0bilby').replace('- Initial', '-\0\0Initial'), 'latin1'), encoding: 'utf-8', eol: '\n' },
    { name: 'a byte-order mark and CRLF line ends', bytes: () => Buffer.from(`\uFEFF${example.replaceAll('\n', '\r\n')}`, 'utf8'), encoding: 'utf-8', eol: '\r\n' },
    { name: 'a 1 MB line', bytes: () => Buffer.from(example.replace('Maps bilby burrows.', 'Maps bilby burrows. '.repeat(52_429)), 'latin1'), encoding: 'utf-8', eol: '\n' },
  ])('$name: --fix inserts the fix and keeps every other byte', async ({ name, bytes, encoding, eol }) => {
    const original = bytes();
    // The case is what it says: the replacement above found its text.
    if (name === 'NUL bytes') expect(original.includes(0)).toBe(true);
    if (name === 'a 1 MB line') expect(original.length).toBeGreaterThan(1_000_000);
    const decoded = decodeSpec(original);
    expect(decoded.encoding).toBe(encoding);
    expect(encodeSpec(decoded.text, decoded.encoding).equals(original)).toBe(true);

    const path = writeSpec(`${name.replace(/\W+/g, '-')}.spec`, original);
    const { value: run, ms } = await timedAsync(() => runMain(['--fix', path]));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Fixed 1 problem in 1 file.');
    const fixed = readFileSync(path);
    expect(insertedBytes(original, fixed).toString('latin1')).toBe(`BuildRequires:  python3-devel${eol}`);
    // A second --fix finds nothing to do and changes nothing.
    expect((await runMain(['--fix', path])).stdout).toContain('Fixed 0 problems in 0 files.');
    expect(readFileSync(path).equals(fixed)).toBe(true);
  });
});

describe('paths that cannot be read', () => {
  it.skipIf(IS_ROOT)('a spec without read permission is reported, and the others are still linted', async () => {
    const tree = join(dir, 'unreadable');
    mkdirSync(tree);
    writeFileSync(join(tree, 'a.spec'), 'Name: a\nBuildRequries: x\n');
    writeFileSync(join(tree, 'b.spec'), 'Name: b\n');
    chmodSync(join(tree, 'b.spec'), 0o000);
    const run = await runMain([tree]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`speclint: ${join(tree, 'b.spec')}: permission denied\n`);
    expect(run.stdout).toContain('SP007');
  });
  if (IS_ROOT) console.log('[speclint tests] skipping the unreadable-file test: running as root, which can read any file; the dangling link below stands in for it');

  it('a dangling symbolic link named *.spec is reported by name, and the others are still linted', async () => {
    const tree = join(dir, 'dangling');
    mkdirSync(tree);
    writeFileSync(join(tree, 'a.spec'), 'Name: a\nBuildRequries: x\n');
    symlinkSync(join(tree, 'gone.spec'), join(tree, 'b.spec'));
    const run = await runMain([tree]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`speclint: ${join(tree, 'b.spec')}: no such file or directory\n`);
    expect(run.stdout).toContain(`${join(tree, 'a.spec')}:2:1`);
  });

  it('a directory named x.spec is searched like any directory, and expand says it is one', async () => {
    const tree = join(dir, 'named');
    mkdirSync(join(tree, 'x.spec'), { recursive: true });
    writeFileSync(join(tree, 'x.spec', 'inner.spec'), 'Name: inner\nBuildRequries: x\n');
    const lint = await runMain([tree]);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toContain(`${join(tree, 'x.spec', 'inner.spec')}:2:1`);
    const expand = await runMain(['expand', join(tree, 'x.spec')]);
    expect(expand.code).toBe(2);
    expect(expand.stderr).toBe(`speclint: ${join(tree, 'x.spec')}: is a directory\n`);
  });

  it('a symbolic-link loop is visited once; a link to itself named *.spec is reported', async () => {
    const tree = join(dir, 'loop');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a.spec'), 'Name: a\n');
    writeFileSync(join(tree, 'sub', 'b.spec'), 'Name: b\n');
    symlinkSync(tree, join(tree, 'sub', 'up'));
    symlinkSync(join(tree, 'sub'), join(tree, 'down'));
    symlinkSync('self.spec', join(tree, 'self.spec'));

    const { value: found, ms } = timed(() => findSpecs([tree]));
    expect(ms).toBeLessThan(BOUND_MS);
    // Each directory once, whichever link reaches it first in sorted order.
    expect(found.files).toEqual([join(tree, 'a.spec'), join(tree, 'down', 'b.spec')]);
    expect(found.errors.map((e) => e.message)).toEqual([`${join(tree, 'self.spec')}: too many levels of symbolic links`]);

    const run = await runMain([tree]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`speclint: ${join(tree, 'self.spec')}: too many levels of symbolic links\n`);
  });
});

/** Runs the built binary without blocking this thread; a run past `timeoutMs` is killed. */
function runBinary(args: readonly string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), timedOut });
    });
  });
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

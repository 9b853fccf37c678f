import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixText } from '../../src/engine/fix-text.js';
import { lintText } from '../../src/engine/lint.js';
import { printRpmspec } from '../../src/macros/rpmspec-output.js';
import { expandSpec } from '../../src/macros/spec-expander.js';
import { TARGETS } from '../../src/macros/targets.js';
import { parseSpec } from '../../src/parse/index.js';
import { runMain, type CliRun } from '../cli/run-main.js';

/**
 * A spec is data: linting, expanding and fixing it must never run its shell or Lua, open the files
 * it names, or read the environment. The spec below tries each of these; every way speclint reads
 * a spec runs over it, and afterwards no file has appeared anywhere under the test directory and
 * no output holds the contents of the files the spec points at, which lie outside its directory,
 * or the value of the environment variable it asks for with %{getenv:} (set in this process, so
 * that a read would find it).
 */

// Every path this process opens, reads, lists or looks at, speclint's own reads included: a read
// of a file the spec names shows here even when nothing of it reaches an output.
const { looked, recording } = vi.hoisted(() => {
  const looked: string[] = [];
  const READS = ['readFileSync', 'readFile', 'openSync', 'open', 'statSync', 'stat', 'lstatSync', 'lstat', 'existsSync', 'accessSync', 'access',
    'readdirSync', 'readdir', 'realpathSync', 'realpath', 'createReadStream', 'opendirSync', 'opendir'];
  const recording = <M extends object>(module: M): M => {
    const wrapped: Record<string, unknown> = { ...(module as Record<string, unknown>) };
    for (const name of READS) {
      const original = (module as Record<string, unknown>)[name];
      if (typeof original !== 'function') continue;
      wrapped[name] = (...args: unknown[]) => {
        if (typeof args[0] === 'string' || args[0] instanceof URL || Buffer.isBuffer(args[0])) looked.push(String(args[0]));
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    }
    return { ...wrapped, default: wrapped } as M;
  };
  return { looked, recording };
});
vi.mock('node:fs', async (importOriginal) => recording(await importOriginal<object>()));
vi.mock('node:fs/promises', async (importOriginal) => recording(await importOriginal<object>()));

const SECRET = `speclint-secret-${randomBytes(12).toString('hex')}`;
const ENV_SECRET = `speclint-env-${randomBytes(12).toString('hex')}`;
const ENV_NAME = 'SPECLINT_TEST_SECRET';

let root: string;
let spec: string;
/** The spec's bytes, for the runs that read standard input. */
let stdin: Buffer;
let before: string[];
const outputs: { command: string; text: string }[] = [];

/** Every path under `dir`, relative to it, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function trapSpec(): string {
  const secret = join(root, 'outside', 'secret.inc');
  const patch = join(root, 'outside', 'fix.patch');
  const touch = (name: string): string => join(root, 'ran', name);
  return [
    'Name:           python-trap',
    'Version:        1.0',
    'Release:        1%{?dist}',
    `Summary:        Trap %(touch ${touch('summary-shell')})`,
    'License:        MIT',
    `Source0:        ${secret}`,
    `Source1:        file://${secret}`,
    'Source2:        ../outside/secret.inc',
    `Patch0:         ${patch}`,
    'BuildRequires:  python3',
    `%include ${secret}`,
    '%include ../outside/secret.inc',
    `%{load:${secret}}`,
    `%global from_shell %(touch ${touch('global-shell')}; cat ${secret})`,
    `%global from_lua %{lua: os.execute("touch ${touch('lua-execute')}")}`,
    `%global from_io %{lua: local f = io.open("${touch('lua-io')}", "w"); f:write("x"); f:close(); print(io.open("${secret}"):read("*a"))}`,
    `%global from_env %{getenv:${ENV_NAME}}`,
    `%global there %{exists:${secret}}`,
    '%if %{from_shell}',
    'Requires:       maybe',
    '%endif',
    '',
    '%description',
    `%{from_shell} %{from_lua} %{from_io} %{from_env} %{there} %(touch ${touch('description-shell')})`,
    `%{uncompress:${secret}}`,
    '',
    '%prep',
    '%autosetup -p1 -n trap-%{version}',
    'cat %{SOURCE0} %{SOURCE2}',
    '%patch -P0 -p1',
    `%{lua: os.execute("touch ${touch('prep-lua')}")}`,
    '',
    '%build',
    '%py3_build',
    '',
    '%install',
    '%py3_install',
    'install -m644 helper.py %{buildroot}%{_datadir}/trap/',
    `%(touch ${touch('install-shell')})`,
    '',
    '%files',
    '%{python3_sitelib}/trap/',
    '%{_datadir}/trap/',
    '',
  ].join('\n');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'speclint-security-'));
  mkdirSync(join(root, 'outside'));
  mkdirSync(join(root, 'pkg'));
  mkdirSync(join(root, 'ran'));
  // What an included file would add if it were read: its text, a definition, and more shell.
  writeFileSync(join(root, 'outside', 'secret.inc'), `${SECRET}\n%global included 1\n%(touch ${join(root, 'ran', 'included-shell')})\n`);
  writeFileSync(join(root, 'outside', 'fix.patch'), `--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+${SECRET}\n`);
  spec = join(root, 'pkg', 'python-trap.spec');
  writeFileSync(spec, trapSpec());
  copyFileSync(spec, join(root, 'pkg', 'fixed-safe.spec'));
  copyFileSync(spec, join(root, 'pkg', 'fixed-unsafe.spec'));
  before = tree(root);
  stdin = readFileSync(spec);
  process.env[ENV_NAME] = ENV_SECRET;
  // The recorder sees this file's own reads too: from here on, what it sees is speclint's alone.
  looked.length = 0;
});

afterAll(() => {
  delete process.env[ENV_NAME];
  rmSync(root, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<CliRun> {
  const run = await runMain(argv, { [ENV_NAME]: ENV_SECRET }, argv.includes('-') ? { stdin } : {});
  outputs.push({ command: argv.join(' '), text: run.stdout + run.stderr });
  expect(run.stderr).not.toContain('internal error');
  return run;
}

describe('linting, expanding and fixing never run anything from the spec', () => {
  it('%include is parsed as an include line and printed by expand as written: the named file is never opened, even outside the spec\'s directory', async () => {
    const { file } = parseSpec(trapSpec());
    expect(file.sections[0]!.lines.filter((l) => l.kind === 'include').map((l) => file.source.slice(l.span.start, l.span.end).trim()))
      .toEqual([`%include ${join(root, 'outside', 'secret.inc')}`, '%include ../outside/secret.inc']);
    const run = await cli('expand', spec);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`\n%include ${join(root, 'outside', 'secret.inc')}\n%include ../outside/secret.inc\n`);
    // The included file's definition does not exist for speclint.
    expect(expandSpec(file, TARGETS.get('fedora')!).scope.get('included')).toBeUndefined();
  });

  it('through the command line: lint in every format, parse, expand for several targets, bytecompile, --diff and --fix', async () => {
    for (const format of ['text', 'json', 'sarif', 'github', 'snippets']) {
      expect((await cli('lint', '--format', format, spec)).code).toBe(1);
    }
    expect((await cli('parse', spec)).code).toBe(0);
    expect((await cli('parse', '--json', spec)).code).toBe(0);
    for (const target of ['fedora', 'fedora-rawhide', 'el7', 'el8', 'el9', 'el10']) {
      const run = await cli('expand', '--target', target, spec);
      expect(run.code).toBe(0);
      // Shell and Lua are printed as written, where rpm would have run them.
      expect(run.stdout).toContain(`%(touch ${join(root, 'ran', 'description-shell')})`);
      expect(run.stdout).toContain(`%{lua: os.execute("touch ${join(root, 'ran', 'prep-lua')}")}`);
    }
    expect((await cli('expand', '-D', `from_shell %(touch ${join(root, 'ran', 'define-shell')})`, spec)).code).toBe(0);
    expect((await cli('bytecompile', spec)).code).not.toBe(2);
    const diff = await cli('--diff', spec);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('\n+BuildRequires:  python3-devel\n');
    expect((await cli('--diff', '--unsafe-fixes', spec)).code).toBe(1);
    expect((await cli('--fix', '-')).code).not.toBe(2);
    await cli('--fix', join(root, 'pkg', 'fixed-safe.spec'));
    await cli('--fix', '--unsafe-fixes', join(root, 'pkg', 'fixed-unsafe.spec'));
    // The fixes were made, so --fix went all the way to writing the file.
    const fixed = readFileSync(join(root, 'pkg', 'fixed-safe.spec'), 'utf8');
    expect(fixed).toContain('BuildRequires:  python3-devel');
    outputs.push({ command: 'fixed-safe.spec', text: fixed }, { command: 'fixed-unsafe.spec', text: readFileSync(join(root, 'pkg', 'fixed-unsafe.spec'), 'utf8') });
  });

  it('through the library: lintText, fixText and expandSpec for every target', () => {
    const text = trapSpec();
    const lint = lintText(text, { filename: spec });
    expect(lint.internalErrors).toEqual([]);
    outputs.push({ command: 'lintText', text: lint.findings.map((f) => f.message).join('\n') });
    outputs.push({ command: 'fixText', text: fixText(text, { filename: spec }, 'unsafe').output });
    for (const target of TARGETS.values()) {
      const expansion = expandSpec(parseSpec(text).file, target);
      outputs.push({ command: `expandSpec ${target.id}`, text: printRpmspec(expansion) + expansion.diagnostics.map((d) => d.message).join('\n') });
    }
  });

  it('afterwards no file has appeared, and no output holds the outside files\' contents or the environment\'s value', () => {
    expect(outputs.length).toBeGreaterThan(20);
    // The recorder saw speclint read the spec; it saw nothing read, listed or looked at outside.
    expect(looked).toContain(spec);
    expect(looked.filter((path) => path.includes(join(root, 'outside')) || path.includes('outside/secret.inc'))).toEqual([]);
    expect(readdirSync(join(root, 'ran'))).toEqual([]);
    // Not a sentinel under another name, nor a temporary file left behind by --fix.
    expect(tree(root)).toEqual(before);
    for (const { command, text } of outputs) {
      expect({ command, leaked: text.includes(SECRET) || text.includes(ENV_SECRET) }).toEqual({ command, leaked: false });
    }
    // Linting, expanding and --diff left the spec itself as it was.
    expect(readFileSync(spec, 'utf8')).toBe(trapSpec());
  });
});

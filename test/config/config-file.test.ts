import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { parseConfig } from '../../src/config/config-file.js';
import { UsageError } from '../../src/errors.js';
import { TARGETS } from '../../src/macros/targets.js';

const PATH = '/proj/speclint.toml';

/** The one-line messages a config text fails with. */
function problems(source: string): string[] {
  try {
    parseConfig(source, PATH);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('parseConfig: what each key gives', () => {
  it('reads the top-level keys, turning rule names into ids', () => {
    const config = parseConfig([
      'target = "el9"',
      'select = ["PY001", "hardcoded-python-version", "sp007"]',
      'ignore = ["unused-suppression"]',
      'fail-on = "warning"',
      '',
      '[severity]',
      'PY017 = "error"',
      'missing-buildrequires-python-devel = "style"',
    ].join('\n'), PATH);
    expect(config.path).toBe(PATH);
    expect(config.directory).toBe('/proj');
    expect(config.target).toBe('el9');
    expect(config.select).toEqual(['PY001', 'PY002', 'SP007']);
    expect(config.ignore).toEqual(['SL001']);
    expect(config.failOn).toBe('warning');
    expect([...config.severity!]).toEqual([['PY017', 'error'], ['PY003', 'style']]);
    expect(config.overrides).toEqual([]);
  });

  it('leaves out what is not given, and accepts an empty file', () => {
    const config = parseConfig('', PATH);
    expect(config).toEqual({ path: PATH, directory: '/proj', overrides: [] });
  });

  it('reads [[overrides]] in file order, each with its own settings and globs', () => {
    const config = parseConfig([
      '[[overrides]]',
      'paths = ["legacy/**/*.spec"]',
      'target = "el7"',
      'ignore = ["PY002"]',
      '',
      '[[overrides]]',
      'paths = ["python-foo.spec", "vendor/*.spec"]',
      'select = []',
      'severity = { PY001 = "warning" }',
    ].join('\n'), PATH);
    expect(config.overrides.map(({ matches: _, ...o }) => ({ ...o, severity: o.severity && [...o.severity] }))).toEqual([
      { paths: ['legacy/**/*.spec'], target: 'el7', ignore: ['PY002'], severity: undefined },
      { paths: ['python-foo.spec', 'vendor/*.spec'], select: [], severity: [['PY001', 'warning']] },
    ]);
    expect(config.overrides[0]!.matches('legacy/old/a.spec')).toBe(true);
    expect(config.overrides[0]!.matches('python-foo.spec')).toBe(false);
    expect(config.overrides[1]!.matches('vendor/x.spec')).toBe(true);
  });
});

describe('parseConfig: mistakes', () => {
  it('are usage errors, so the command line exits 2', () => {
    expect(() => parseConfig('target = 9', PATH)).toThrow(UsageError);
  });

  it('report TOML syntax errors at the parser\'s position', () => {
    expect(problems('select = ["PY001",\n  "PY002",,]\n')).toEqual(['/proj/speclint.toml:2:11: not valid TOML: invalid value']);
    expect(problems('target = "el9"\ntarget = "el8"\n')[0]).toMatch(/^\/proj\/speclint\.toml:2:\d+: not valid TOML: /);
  });

  it.each([
    ['an unknown key', 'taget = "el9"', ['/proj/speclint.toml:1:1: taget: unknown key (expected one of: target, select, ignore, severity, fail-on, overrides)']],
    ['a key with underscores', 'fail_on = "error"', ['/proj/speclint.toml:1:1: fail_on: unknown key (did you mean "fail-on"?)']],
    ['paths at the top level', 'paths = ["a.spec"]', ['/proj/speclint.toml:1:1: paths: unknown key (paths belongs in an [[overrides]] table)']],
    ['a wrong type for target', 'target = ["el9"]', ['/proj/speclint.toml:1:1: target: expected a string, found an array']],
    ['an unknown target', 'target = "el6"', [`/proj/speclint.toml:1:1: target: unknown target "el6" (known targets: ${[...TARGETS.keys()].join(', ')})`]],
    ['select as a string', 'select = "PY001"', ['/proj/speclint.toml:1:1: select: expected an array of strings, found a string']],
    ['a number in ignore', 'ignore = ["PY001", 2]', ['/proj/speclint.toml:1:1: ignore[1]: expected a string, found a number']],
    ['an unknown rule in select', 'select = ["PY001", "PY999"]', ['/proj/speclint.toml:1:20: select[1]: unknown rule "PY999" (speclint rules lists them)']],
    ['an unknown rule in a multi-line ignore', 'ignore = [\n  "PY001",\n  \'nope\',\n]\ntarget = "el9"', ['/proj/speclint.toml:3:3: ignore[1]: unknown rule "nope" (speclint rules lists them)']],
    ['a bad fail-on', 'fail-on = "fatal"', ['/proj/speclint.toml:1:1: fail-on: expected "error", "warning", "info", "style"; found "fatal"']],
    ['a boolean fail-on', 'fail-on = true', ['/proj/speclint.toml:1:1: fail-on: expected a string, found a boolean']],
    ['severity as a string', 'severity = "error"', ['/proj/speclint.toml:1:1: severity: expected a table, found a string']],
    ['a bad severity', '[severity]\nPY001 = "fatal"', ['/proj/speclint.toml:2:1: severity.PY001: expected "error", "warning", "info", "style"; found "fatal"']],
    ['an unknown rule in severity', '[severity]\n  "PY 1" = "error"', ['/proj/speclint.toml:2:3: severity."PY 1": unknown rule "PY 1" (speclint rules lists them)']],
    ['one rule twice in severity', '[severity]\nPY001 = "error"\nprivate-module-not-byte-compiled = "info"', ['/proj/speclint.toml:3:1: severity.private-module-not-byte-compiled: "private-module-not-byte-compiled" and "PY001" are the same rule; give its severity once']],
    ['overrides as a table', '[overrides]\npaths = ["a"]', ['/proj/speclint.toml:1:1: overrides: expected an array of tables ([[overrides]]), found a table']],
    ['an override that is not a table', 'overrides = ["a.spec"]', ['/proj/speclint.toml:1:1: overrides[0]: expected a table, found a string']],
    ['an override without paths', 'target = "el9"\n\n[[overrides]]\ntarget = "el8"', ['/proj/speclint.toml:3:1: overrides[0]: an override needs paths = ["glob", …] to say which files it applies to']],
    ['empty paths', '[[overrides]]\npaths = []', ['/proj/speclint.toml:2:1: overrides[0].paths: is empty, so the override applies to no file']],
    ['an absolute path pattern', '[[overrides]]\npaths = ["a.spec", "/srv/b.spec"]', ['/proj/speclint.toml:2:20: overrides[0].paths[1]: "/srv/b.spec" is absolute; patterns are relative to the config file\'s directory']],
    ['fail-on in an override', '[[overrides]]\npaths = ["a.spec"]\nfail-on = "error"', ['/proj/speclint.toml:3:1: overrides[0].fail-on: unknown key (fail-on applies to the whole run; set it at the top level)']],
    ['a mistake in the second override', '[[overrides]]\npaths = ["a.spec"]\n[[overrides]]\npaths = ["b.spec"]\ntarget = "rhel9"', [`/proj/speclint.toml:5:1: overrides[1].target: unknown target "rhel9" (known targets: ${[...TARGETS.keys()].join(', ')})`]],
  ])('%s', (_name, source, expected) => {
    expect(problems(source)).toEqual(expected);
  });

  it('name the key path when the position cannot be told', () => {
    expect(problems('overrides = [{ paths = ["a.spec"], select = ["PY999"] }]')).toEqual([
      '/proj/speclint.toml:1:1: overrides[0].select[0]: unknown rule "PY999" (speclint rules lists them)',
    ]);
    expect(problems('severity.PY999 = "error"')).toEqual([
      '/proj/speclint.toml:1:1: severity.PY999: unknown rule "PY999" (speclint rules lists them)',
    ]);
    expect(problems('x = """\ny = 1\n"""\ntarget = "el6"')[0]).toMatch(/^\/proj\/speclint\.toml: x: unknown key/);
  });

  it('are all reported at once, in the order they were found', () => {
    expect(problems('target = "el6"\nselect = ["PY999"]\n[severity]\nPY001 = "loud"').map((p) => p.split(': ')[1])).toEqual(['target', 'select[0]', 'severity.PY001']);
  });
});

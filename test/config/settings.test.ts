import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { ConfigDiscovery } from '../../src/config/discover.js';
import { lintOptionsFor, settingsFor, SettingsResolver } from '../../src/config/settings.js';
import { lintText } from '../../src/engine/lint.js';
import { IoError, UsageError } from '../../src/errors.js';
import { ALL_CODES } from '../../src/rules/codes.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh directory tree: `files` maps relative paths to contents. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'speclint-config-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const EVERY_CODE = ALL_CODES.map((c) => c.id);
const without = (...codes: string[]) => EVERY_CODE.filter((c) => !codes.includes(c));

describe('config discovery', () => {
  it('uses the nearest config file above the spec, either name', () => {
    const root = tree({
      'speclint.toml': 'target = "el9"',
      'a/.speclint.toml': 'target = "el8"',
      'a/b/x.spec': '',
      'c/y.spec': '',
    });
    const resolver = new SettingsResolver();
    expect(resolver.settingsFor(join(root, 'a/b/x.spec'))).toMatchObject({ target: 'el8', configFile: join(root, 'a/.speclint.toml') });
    expect(resolver.settingsFor(join(root, 'c/y.spec'))).toMatchObject({ target: 'el9', configFile: join(root, 'speclint.toml') });
    expect(resolver.settingsFor(join(root, 'x.spec'))).toMatchObject({ target: 'el9', configFile: join(root, 'speclint.toml') });
  });

  it('gives the built-in defaults when no config file is found', () => {
    const root = tree({ 'x.spec': '' });
    // The test needs a temporary directory with no config file above it.
    expect(new ConfigDiscovery().find(root)).toBeNull();
    const settings = settingsFor(join(root, 'x.spec'));
    expect(settings).toEqual({ target: 'fedora', codes: new Set(EVERY_CODE), severity: new Map(), failOn: 'info', configFile: null });
  });

  it('remembers its answer per directory', () => {
    const root = tree({ 'speclint.toml': '', 'a/b/x.spec': '' });
    const discovery = new ConfigDiscovery();
    expect(discovery.find(join(root, 'a/b'))).toBe(join(root, 'speclint.toml'));
    unlinkSync(join(root, 'speclint.toml'));
    expect(discovery.find(join(root, 'a'))).toBe(join(root, 'speclint.toml'));
    expect(new ConfigDiscovery().find(join(root, 'a'))).not.toBe(join(root, 'speclint.toml'));
  });

  it('ignores a directory that has a config file\'s name', () => {
    const root = tree({ 'speclint.toml': 'target = "el9"', 'a/speclint.toml/keep': '', 'a/x.spec': '' });
    expect(settingsFor(join(root, 'a/x.spec')).configFile).toBe(join(root, 'speclint.toml'));
  });

  it('refuses two config files in one directory', () => {
    const root = tree({ 'speclint.toml': '', '.speclint.toml': '', 'x.spec': '' });
    expect(() => settingsFor(join(root, 'x.spec'))).toThrow(ConfigError);
    expect(() => settingsFor(join(root, 'x.spec'))).toThrow(`${join(root, '.speclint.toml')}: ${join(root, 'speclint.toml')} is in the same directory; keep one of the two`);
  });

  it('reports the mistakes of a discovered config file as usage errors with its path', () => {
    const root = tree({ 'speclint.toml': 'select = ["PY999"]', 'x.spec': '' });
    expect(() => settingsFor(join(root, 'x.spec'))).toThrow(UsageError);
    expect(() => settingsFor(join(root, 'x.spec'))).toThrow(`${join(root, 'speclint.toml')}:1:11: select[0]: unknown rule "PY999"`);
  });
});

describe('an explicit config file', () => {
  it('replaces discovery', () => {
    const root = tree({ 'speclint.toml': 'target = "el9"', 'ci/strict.toml': 'target = "el10"', 'x.spec': '' });
    const settings = settingsFor(join(root, 'x.spec'), { configPath: join(root, 'ci/strict.toml') });
    expect(settings).toMatchObject({ target: 'el10', configFile: join(root, 'ci/strict.toml') });
  });

  it('applies its overrides only below its own directory', () => {
    const root = tree({ 'ci/strict.toml': '[[overrides]]\npaths = ["**"]\ntarget = "el8"', 'ci/a.spec': '', 'x.spec': '' });
    const resolver = new SettingsResolver({ configPath: join(root, 'ci/strict.toml') });
    expect(resolver.settingsFor(join(root, 'ci/a.spec')).target).toBe('el8');
    expect(resolver.settingsFor(join(root, 'x.spec')).target).toBe('fedora');
  });

  it('is an I/O error when it cannot be read', () => {
    const root = tree({});
    expect(() => new SettingsResolver({ configPath: join(root, 'missing.toml') })).toThrow(IoError);
    expect(() => new SettingsResolver({ configPath: join(root, 'missing.toml') })).toThrow(`${join(root, 'missing.toml')}: no such file or directory`);
  });
});

describe('settings from each key', () => {
  it('select and ignore give the codes to report', () => {
    const root = tree({ 'speclint.toml': 'select = ["PY001", "PY002", "SL001"]\nignore = ["PY002"]', 'x.spec': '' });
    expect([...settingsFor(join(root, 'x.spec')).codes]).toEqual(['PY001', 'SL001']);
  });

  it('ignore alone removes from every code', () => {
    const root = tree({ 'speclint.toml': 'ignore = ["unused-suppression", "PY017"]', 'x.spec': '' });
    expect([...settingsFor(join(root, 'x.spec')).codes]).toEqual(without('SL001', 'PY017'));
  });

  it('severity and fail-on come through', () => {
    const root = tree({ 'speclint.toml': 'fail-on = "error"\n[severity]\nPY017 = "error"', 'x.spec': '' });
    expect(settingsFor(join(root, 'x.spec'))).toMatchObject({ failOn: 'error', severity: new Map([['PY017', 'error']]) });
  });
});

describe('[[overrides]]', () => {
  const config = [
    'target = "el9"',
    'ignore = ["PY017"]',
    '[severity]',
    'PY001 = "warning"',
    'PY002 = "warning"',
    '',
    '[[overrides]]',
    'paths = ["legacy/**/*.spec"]',
    'target = "el7"',
    'ignore = ["PY002"]',
    'severity = { PY001 = "info" }',
    '',
    '[[overrides]]',
    'paths = ["legacy/old/*.spec", "python-foo.spec"]',
    'target = "el8"',
    'select = ["PY001", "PY017"]',
    'severity = { PY001 = "style" }',
  ].join('\n');
  const root = tree({ 'speclint.toml': config });
  const at = (path: string) => settingsFor(join(root, path));

  it('leave files that match no glob with the top-level settings', () => {
    expect(at('python-bar.spec')).toMatchObject({ target: 'el9', codes: new Set(without('PY017')), severity: new Map([['PY001', 'warning'], ['PY002', 'warning']]) });
    expect(at('other/legacy/a.spec').target).toBe('el9');
    expect(at('sub/python-foo.spec').target).toBe('el9');
  });

  it('apply on top of the top level: ignore adds up, severity merges per rule', () => {
    expect(at('legacy/a.spec')).toMatchObject({ target: 'el7', codes: new Set(without('PY017', 'PY002')), severity: new Map([['PY001', 'info'], ['PY002', 'warning']]) });
  });

  it('apply in file order, so a later override wins and its select replaces the codes', () => {
    expect(at('legacy/old/a.spec')).toMatchObject({ target: 'el8', codes: new Set(['PY001', 'PY017']), severity: new Map([['PY001', 'style'], ['PY002', 'warning']]) });
    expect(at('python-foo.spec')).toMatchObject({ target: 'el8', codes: new Set(['PY001', 'PY017']) });
  });
});

describe('the command line over the config', () => {
  const root = tree({
    'speclint.toml': 'target = "el9"\nselect = ["PY001", "PY002"]\nfail-on = "error"\n[[overrides]]\npaths = ["*.spec"]\ntarget = "el8"\nignore = ["PY001"]',
  });
  const file = join(root, 'x.spec');

  it('leaves the config alone when it says nothing', () => {
    expect(settingsFor(file, { cli: { select: [], ignore: [] } })).toMatchObject({ target: 'el8', codes: new Set(['PY002']), failOn: 'error' });
  });

  it('wins for target and fail-on, over the overrides too', () => {
    expect(settingsFor(file, { cli: { target: 'el10', failOn: 'warning' } })).toMatchObject({ target: 'el10', failOn: 'warning' });
  });

  it('--select replaces the selection, even bringing back what the config ignored', () => {
    expect(settingsFor(file, { cli: { select: ['PY001,PY003'] } }).codes).toEqual(new Set(['PY001', 'PY003']));
  });

  it('--ignore removes from what the config selected', () => {
    expect(settingsFor(file, { cli: { ignore: ['hardcoded-python-version'] } }).codes).toEqual(new Set());
  });

  it('rejects unknown rules and targets as usage errors', () => {
    expect(() => settingsFor(file, { cli: { select: ['PY999'] } })).toThrow(new UsageError('--select: unknown rule PY999 (speclint rules lists them)'));
    expect(() => settingsFor(file, { cli: { ignore: ['PY001,nope'] } })).toThrow(new UsageError('--ignore: unknown rule nope (speclint rules lists them)'));
    expect(() => settingsFor(file, { cli: { target: 'el6' } })).toThrow(new UsageError('--target: unknown target el6'));
  });
});

describe('lintOptionsFor', () => {
  it('carries the target, the codes and the severities into lintText', () => {
    const root = tree({ 'speclint.toml': 'target = "el9"\nignore = ["PY003"]\n[severity]\nhardcoded-python-version = "info"' });
    const options = lintOptionsFor(settingsFor(join(root, 'x.spec')));
    const result = lintText('Name: q\n%install\ncp a.py %{buildroot}/usr/lib/python3.6/site-packages/\n', options);
    expect(result.target.id).toBe('el9');
    expect(result.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['PY002:info']);
  });
});

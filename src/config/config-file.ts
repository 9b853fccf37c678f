import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type * as Toml from 'smol-toml';
import { describeIoFailure, IoError } from '../errors.js';
import { TARGETS } from '../macros/targets.js';
import { codeOf } from '../rules/codes.js';
import type { Severity } from '../rules/types.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { compileGlob, globProblem, type PathMatcher } from './glob.js';
import { keyLocator, type KeyLocator, type KeyPath } from './locate-key.js';

/** Settings that the top level and each `[[overrides]]` may give; codes are canonical ids. */
export interface ConfigLayer {
  readonly target?: string;
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  readonly severity?: ReadonlyMap<string, Severity>;
}

export interface PathOverride extends ConfigLayer {
  /** As written, relative to the config file's directory. */
  readonly paths: readonly string[];
  /** Whether a path relative to the config file's directory, with `/`, matches one of `paths`. */
  readonly matches: PathMatcher;
}

export interface ConfigFile extends ConfigLayer {
  /** Absolute. */
  readonly path: string;
  readonly directory: string;
  readonly failOn?: Severity;
  /** In file order: later ones win. */
  readonly overrides: readonly PathOverride[];
}

export const CONFIG_FILE_NAMES = ['speclint.toml', '.speclint.toml'] as const;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];
/** The same choices as `--fail-on`. */
const FAIL_ON: readonly Severity[] = ['error', 'warning', 'info', 'style'];
const LAYER_KEYS = ['target', 'select', 'ignore', 'severity'];
const TOP_KEYS = [...LAYER_KEYS, 'fail-on', 'overrides'];
const OVERRIDE_KEYS = ['paths', ...LAYER_KEYS];

// The TOML parser loads only when there is a config file to read, which a pre-commit run on one
// spec usually does not have. require() keeps reading synchronous; smol-toml ships a CommonJS
// build for it.
const require = createRequire(import.meta.url);
let toml: typeof Toml | undefined;

/** Reads and checks a config file. Throws IoError when it cannot be read, ConfigError when it is wrong. */
export function readConfigFile(path: string): ConfigFile {
  const absolute = resolve(path);
  let source: string;
  try {
    source = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new IoError(path, describeIoFailure(error));
  }
  return parseConfig(source, absolute);
}

/** Checks config text; `path` names the file in messages and anchors the override globs. Throws ConfigError. */
export function parseConfig(source: string, path: string): ConfigFile {
  const { parse, TomlError } = (toml ??= require('smol-toml') as typeof Toml);
  let document: Record<string, unknown>;
  try {
    document = parse(source);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new ConfigError([{ file: path, line: error.line, column: error.column, key: '', message: `not valid TOML: ${reason}` }]);
  }
  const check = new Checker(path, keyLocator(source));
  check.keys(document, [], TOP_KEYS);
  const layer = readLayer(document, [], check);
  const failOn = check.choice(document, ['fail-on'], FAIL_ON);
  const overrides = readOverrides(document, check);
  if (check.problems.length > 0) throw new ConfigError(check.problems);
  return { path, directory: dirname(path), ...layer, ...(failOn === undefined ? {} : { failOn }), overrides };
}

function readLayer(table: Record<string, unknown>, at: KeyPath, check: Checker): ConfigLayer {
  const target = check.string(table, [...at, 'target']);
  if (target !== undefined && !TARGETS.has(target)) {
    check.report([...at, 'target'], `unknown target "${target}" (known targets: ${[...TARGETS.keys()].join(', ')})`);
  }
  const select = readCodes(table, [...at, 'select'], check);
  const ignore = readCodes(table, [...at, 'ignore'], check);
  const severity = readSeverity(table, [...at, 'severity'], check);
  return {
    ...(target === undefined ? {} : { target }),
    ...(select === undefined ? {} : { select }),
    ...(ignore === undefined ? {} : { ignore }),
    ...(severity === undefined ? {} : { severity }),
  };
}

function readCodes(table: Record<string, unknown>, at: KeyPath, check: Checker): string[] | undefined {
  const values = check.stringArray(table, at);
  if (values === undefined) return undefined;
  const codes: string[] = [];
  values.forEach((value, i) => {
    const code = codeOf(value);
    if (code === undefined) check.report([...at, i], `unknown rule "${value}" (speclint rules lists them)`, value);
    else codes.push(code);
  });
  return codes;
}

function readSeverity(table: Record<string, unknown>, at: KeyPath, check: Checker): Map<string, Severity> | undefined {
  const entries = check.table(table, at);
  if (entries === undefined) return undefined;
  const severity = new Map<string, Severity>();
  const spelled = new Map<string, string>();
  for (const key of Object.keys(entries)) {
    const code = codeOf(key);
    const value = check.choice(entries, [...at, key], SEVERITIES);
    if (code === undefined) {
      check.report([...at, key], `unknown rule "${key}" (speclint rules lists them)`);
    } else if (spelled.has(code)) {
      check.report([...at, key], `"${key}" and "${spelled.get(code)!}" are the same rule; give its severity once`);
    } else {
      spelled.set(code, key);
      if (value !== undefined) severity.set(code, value);
    }
  }
  return severity;
}

function readOverrides(document: Record<string, unknown>, check: Checker): PathOverride[] {
  const list = document['overrides'];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    check.report(['overrides'], `expected an array of tables ([[overrides]]), found ${describeType(list)}`);
    return [];
  }
  const overrides: PathOverride[] = [];
  list.forEach((entry: unknown, i) => {
    const at = ['overrides', i];
    if (!isTable(entry)) {
      check.report(at, `expected a table, found ${describeType(entry)}`);
      return;
    }
    check.keys(entry, at, OVERRIDE_KEYS);
    const layer = readLayer(entry, at, check);
    const paths = check.stringArray(entry, [...at, 'paths']);
    if (paths === undefined) {
      if (!('paths' in entry)) check.report(at, 'an override needs paths = ["glob", …] to say which files it applies to');
      return;
    }
    if (paths.length === 0) check.report([...at, 'paths'], 'is empty, so the override applies to no file');
    paths.forEach((pattern, j) => {
      const problem = globProblem(pattern);
      if (problem !== null) check.report([...at, 'paths', j], problem, pattern);
    });
    const matchers = paths.map(compileGlob);
    overrides.push({ paths, matches: (relativePath) => matchers.some((m) => m(relativePath)), ...layer });
  });
  return overrides;
}

/** Collects problems with their positions, and reads typed values. */
class Checker {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly file: string, private readonly locator: KeyLocator) {}

  report(at: KeyPath, message: string, item?: string): void {
    const position = this.locator.locate(at, item);
    this.problems.push({ file: this.file, ...position, key: formatKeyPath(at), message });
  }

  keys(table: Record<string, unknown>, at: KeyPath, allowed: readonly string[]): void {
    for (const key of Object.keys(table)) {
      if (allowed.includes(key)) continue;
      const dashed = key.replace(/_/g, '-');
      const hint = allowed.includes(dashed) ? ` (did you mean "${dashed}"?)`
        : key === 'fail-on' ? ' (fail-on applies to the whole run; set it at the top level)'
          : key === 'paths' ? ' (paths belongs in an [[overrides]] table)'
            : ` (expected one of: ${allowed.join(', ')})`;
      this.report([...at, key], `unknown key${hint}`);
    }
  }

  string(table: Record<string, unknown>, at: KeyPath): string | undefined {
    const value = table[at[at.length - 1]!];
    if (value === undefined || typeof value === 'string') return value;
    this.report(at, `expected a string, found ${describeType(value)}`);
    return undefined;
  }

  choice<T extends string>(table: Record<string, unknown>, at: KeyPath, choices: readonly T[]): T | undefined {
    const value = this.string(table, at);
    if (value === undefined) return undefined;
    if ((choices as readonly string[]).includes(value)) return value as T;
    this.report(at, `expected ${choices.map((c) => `"${c}"`).join(', ')}; found "${value}"`);
    return undefined;
  }

  stringArray(table: Record<string, unknown>, at: KeyPath): string[] | undefined {
    const value = table[at[at.length - 1]!];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.report(at, `expected an array of strings, found ${describeType(value)}`);
      return undefined;
    }
    const bad = value.findIndex((v) => typeof v !== 'string');
    if (bad !== -1) {
      this.report([...at, bad], `expected a string, found ${describeType(value[bad])}`);
      return undefined;
    }
    return value as string[];
  }

  table(table: Record<string, unknown>, at: KeyPath): Record<string, unknown> | undefined {
    const value = table[at[at.length - 1]!];
    if (value === undefined) return undefined;
    if (isTable(value)) return value;
    this.report(at, `expected a table, found ${describeType(value)}`);
    return undefined;
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describeType(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  return 'a table';
}

/** `overrides[0].select[1]`, `severity."odd key"`. */
export function formatKeyPath(at: KeyPath): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part)}`)).join('');
}

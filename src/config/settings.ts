import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintOptions } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { DEFAULT_TARGET, TARGETS } from '../macros/targets.js';
import { ALL_CODES, codeOf } from '../rules/codes.js';
import type { Severity } from '../rules/types.js';
import { readConfigFile, type ConfigFile, type ConfigLayer } from './config-file.js';
import { ConfigDiscovery } from './discover.js';

/** What the command line said; absent (or an empty list) means it said nothing. */
export interface CliSettings {
  readonly target?: string;
  /** Ids or names, comma-separated or one per element, as `--select` takes them. */
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  readonly failOn?: Severity;
}

export interface SettingsOptions {
  /** An explicit config file (`--config`): used for every file, and nothing is searched for. */
  readonly configPath?: string;
  readonly cli?: CliSettings;
}

/** The effective settings for one spec file. Plain data (Set and Map clone into worker threads). */
export interface Settings {
  readonly target: string;
  /** The codes to report: rules, parse diagnostics and suppression diagnostics. */
  readonly codes: ReadonlySet<string>;
  /** Severity per code, where the config changes it. */
  readonly severity: ReadonlyMap<string, Severity>;
  readonly failOn: Severity;
  /** The absolute path of the config file used, or null when none was. */
  readonly configFile: string | null;
}

export const DEFAULT_FAIL_ON: Severity = 'info';

/**
 * Settings per spec file, from built-in defaults < config file < its matching `[[overrides]]`
 * (in file order) < the command line. Config files are found upward from each file's directory
 * (nearest wins) unless one is given; each is read once. Throws ConfigError (a UsageError) for a
 * config file with mistakes, UsageError for unknown rules or targets on the command line, and
 * IoError for a config file that cannot be read.
 */
export class SettingsResolver {
  private readonly cli: ConfigLayer;
  private readonly failOn: Severity | undefined;
  private readonly explicit: ConfigFile | null;
  private readonly discovery = new ConfigDiscovery();
  private readonly configs = new Map<string, ConfigFile>();

  constructor(options: SettingsOptions = {}) {
    this.cli = cliLayer(options.cli ?? {});
    this.failOn = options.cli?.failOn;
    this.explicit = options.configPath === undefined ? null : readConfigFile(options.configPath);
  }

  settingsFor(filePath: string): Settings {
    const absolute = resolve(filePath);
    const config = this.explicit ?? this.discovered(dirname(absolute));
    const layers: ConfigLayer[] = config === null ? [] : [config, ...overridesFor(config, absolute)];
    layers.push(this.cli);
    const severity = new Map<string, Severity>();
    for (const layer of layers) for (const [code, value] of layer.severity ?? []) severity.set(code, value);
    return {
      target: layers.reduce<string>((target, layer) => layer.target ?? target, DEFAULT_TARGET),
      codes: selectCodes(layers),
      severity,
      failOn: this.failOn ?? config?.failOn ?? DEFAULT_FAIL_ON,
      configFile: config?.path ?? null,
    };
  }

  private discovered(directory: string): ConfigFile | null {
    const path = this.discovery.find(directory);
    if (path === null) return null;
    let config = this.configs.get(path);
    if (config === undefined) {
      config = readConfigFile(path);
      this.configs.set(path, config);
    }
    return config;
  }
}

/** One-off settings for one file; a run over many files should keep one SettingsResolver. */
export function settingsFor(filePath: string, options: SettingsOptions = {}): Settings {
  return new SettingsResolver(options).settingsFor(filePath);
}

/** The part of lintText's options that settings decide. */
export function lintOptionsFor(settings: Settings): Required<Pick<LintOptions, 'target' | 'codes' | 'severity'>> {
  return { target: settings.target, codes: settings.codes, severity: settings.severity };
}

/** Overrides whose globs match the file, in file order; none for a file outside the config's directory. */
function overridesFor(config: ConfigFile, absolutePath: string): ConfigLayer[] {
  const path = relative(config.directory, absolutePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return [];
  const slashed = path.split(sep).join('/');
  return config.overrides.filter((o) => o.matches(slashed));
}

/**
 * A layer's `select` replaces the codes chosen so far and its `ignore` removes from them, so a
 * later layer can bring back what an earlier one ignored by selecting it.
 */
function selectCodes(layers: readonly ConfigLayer[]): Set<string> {
  let codes = new Set(ALL_CODES.map((c) => c.id));
  for (const layer of layers) {
    if (layer.select !== undefined) codes = new Set(layer.select);
    for (const code of layer.ignore ?? []) codes.delete(code);
  }
  return codes;
}

function cliLayer(cli: CliSettings): ConfigLayer {
  if (cli.target !== undefined && !TARGETS.has(cli.target)) throw new UsageError(`--target: unknown target ${cli.target}`);
  const select = cliCodes(cli.select ?? [], '--select');
  const ignore = cliCodes(cli.ignore ?? [], '--ignore');
  return {
    ...(cli.target === undefined ? {} : { target: cli.target }),
    ...(select.length === 0 ? {} : { select }),
    ignore,
  };
}

function cliCodes(values: readonly string[], option: string): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '').map((value) => {
    const code = codeOf(value);
    if (code === undefined) throw new UsageError(`${option}: unknown rule ${value} (speclint rules lists them)`);
    return code;
  });
}

/** Config files (`speclint.toml`) and the settings they give each spec file. */
export { ConfigError, formatConfigProblem, type ConfigProblem } from './config-error.js';
export { CONFIG_FILE_NAMES, parseConfig, readConfigFile, type ConfigFile, type ConfigLayer, type PathOverride } from './config-file.js';
export { ConfigDiscovery } from './discover.js';
export { DEFAULT_FAIL_ON, lintOptionsFor, settingsFor, SettingsResolver, type CliSettings, type Settings, type SettingsOptions } from './settings.js';

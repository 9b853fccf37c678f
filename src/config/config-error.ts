import { UsageError } from '../errors.js';

/** One mistake in a config file: where it is, as far as it can be told, and what is wrong. */
export interface ConfigProblem {
  readonly file: string;
  /** 1-based; absent when the position cannot be told (a key inside an inline table, say). */
  readonly line?: number;
  readonly column?: number;
  /** The key path, such as `overrides[0].select[1]`; empty for the document itself. */
  readonly key: string;
  readonly message: string;
}

/**
 * A config file speclint cannot use. A usage error (exit code 2), so the CLI handles it like a bad
 * option; the message holds every problem, one `file:line:column: key: message` per line.
 */
export class ConfigError extends UsageError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatConfigProblem).join('\n'));
  }
}

export function formatConfigProblem(p: ConfigProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${p.key === '' ? '' : `${p.key}: `}${p.message}`;
}

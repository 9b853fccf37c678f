import type { Severity } from '../rules/types.js';

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, style: 0 };

/** Whether a finding of `severity` makes the run fail at `--fail-on level`. */
export function failsAt(severity: Severity, level: Severity): boolean {
  return RANK[severity] >= RANK[level];
}

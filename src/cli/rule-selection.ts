import { UsageError } from '../errors.js';
import { PARSE_DIAGNOSTICS } from '../parse/diagnostics.js';
import { RULES } from '../rules/index.js';
import type { Rule, Severity } from '../rules/types.js';

/** Codes and names of everything speclint reports: the rules and the parse diagnostics. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ...RULES.flatMap((r): [string, string][] => [[r.meta.id, r.meta.id], [r.meta.name, r.meta.id]]),
  ...Object.entries(PARSE_DIAGNOSTICS).flatMap(([code, meta]): [string, string][] => [[code, code], [meta.name, code]]),
]);

/** The codes `--select` and `--ignore` leave, given as ids or names, comma-separated or repeated. */
export class RuleSelection {
  private readonly selected: ReadonlySet<string> | null;
  private readonly ignored: ReadonlySet<string>;

  constructor(select: readonly string[], ignore: readonly string[]) {
    this.selected = select.length === 0 ? null : codesOf(select, '--select');
    this.ignored = codesOf(ignore, '--ignore');
  }

  includes(code: string): boolean {
    return (this.selected === null || this.selected.has(code)) && !this.ignored.has(code);
  }

  /** The rules to run, so that fixes too come only from selected rules. */
  rules(): readonly Rule[] {
    return RULES.filter((rule) => this.includes(rule.meta.id));
  }
}

/** The code of a rule or parse diagnostic given by id (any case) or name; undefined when unknown. */
export function codeOf(idOrName: string): string | undefined {
  return KNOWN.get(idOrName) ?? KNOWN.get(idOrName.toUpperCase());
}

function codesOf(values: readonly string[], option: string): Set<string> {
  const codes = new Set<string>();
  for (const value of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')) {
    const code = codeOf(value);
    if (code === undefined) throw new UsageError(`${option}: unknown rule ${value} (speclint rules lists them)`);
    codes.add(code);
  }
  return codes;
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, style: 0 };

/** Whether a finding of `severity` makes the run fail at `--fail-on level`. */
export function failsAt(severity: Severity, level: Severity): boolean {
  return RANK[severity] >= RANK[level];
}

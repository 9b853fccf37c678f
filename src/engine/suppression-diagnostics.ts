import type { FixAvailability, Severity } from '../rules/types.js';

/** What `speclint rules`, `explain`, `--select` and the reporters need to know about a code that is not a rule. */
export interface DiagnosticMeta {
  readonly name: string;
  readonly severity: Severity;
  readonly fixable: FixAvailability;
  readonly summary: string;
  /** Markdown, like a rule's `docs.explanation`. */
  readonly explanation: string;
  /** A spec that gets this finding (tested). */
  readonly bad: string;
  /** The same spec without it (tested). */
  readonly good: string;
}

/**
 * Findings about `# speclint:` pragmas use the reserved range SL0xx. They are reported by the
 * engine after the rules have run, and cannot themselves be suppressed by a pragma (that would
 * make "unused" circular); `--ignore` and the config file switch them off.
 */
export const SUPPRESSION_DIAGNOSTICS = {
  SL001: {
    name: 'unused-suppression',
    severity: 'warning',
    fixable: 'always',
    summary: 'A suppression pragma suppresses nothing',
    explanation: [
      'A `# speclint: disable=…` line whose rules report nothing where it applies hides nothing today, but',
      'it would silently hide a real problem later. The fix removes the pragma, or only the unused rules',
      'when others in its list are still needed. A pragma for a rule that did not run (left out by',
      '`--select`, `--ignore` or the config file) is not reported.',
      '',
      'The fix is unsafe: a pragma that suppresses nothing on one target may be what a spec shared',
      'with another release needs there (PY018 fires on EL7 only), so check the other targets first.',
    ].join('\n'),
    bad: [
      'Name:           quokka',
      'BuildRequires:  python3-devel',
      '# speclint: disable=PY001 -- plugins are compiled by the upstream build',
      '%files',
      '',
    ].join('\n'),
    good: [
      'Name:           quokka',
      'BuildRequires:  python3-devel',
      '%files',
      '',
    ].join('\n'),
  },
  SL002: {
    name: 'invalid-suppression',
    severity: 'warning',
    fixable: 'never',
    summary: 'A suppression pragma cannot be read, names an unknown rule, or contains %',
    explanation: [
      'A pragma reads `# speclint: disable=ID[,ID…]` (the next line) or `# speclint: disable-file=ID[,ID…]`',
      '(the whole file), with rule ids or names, optionally followed by ` -- reason`. rpm expands macros even',
      'inside comments, so a pragma must not contain `%`: such a pragma is ignored. Unknown rules are',
      'reported and the known ones in the same list still apply.',
    ].join('\n'),
    bad: [
      'Name:           quokka',
      'BuildRequires:  python3-devel',
      '# speclint: disable=PY001 -- %{_datadir} is compiled elsewhere',
      '%files',
      '',
    ].join('\n'),
    good: [
      'Name:           quokka',
      'BuildRequires:  python3-devel',
      '%files',
      '',
    ].join('\n'),
  },
} as const satisfies Record<string, DiagnosticMeta>;

export type SuppressionDiagnosticCode = keyof typeof SUPPRESSION_DIAGNOSTICS;

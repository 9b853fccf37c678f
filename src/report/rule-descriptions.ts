import { PARSE_DIAGNOSTICS, type ParseDiagnosticCode } from '../parse/diagnostics.js';
import type { Rule, Severity } from '../rules/types.js';

/** What a report says about a rule or parse diagnostic that can be reported, found or not. */
export interface RuleDescription {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  /** One line that states the problem. */
  readonly summary: string;
  /** Markdown: why it matters. */
  readonly explanation?: string;
  /** Markdown: when the fix is unsafe. */
  readonly fixSafety?: string;
  readonly examples?: { readonly bad: string; readonly good: string };
  readonly url?: string;
  readonly tags: readonly string[];
}

const ALL_PARSE_DIAGNOSTICS = Object.keys(PARSE_DIAGNOSTICS) as ParseDiagnosticCode[];

/**
 * The rules, then the parse diagnostics, that a run can report: pass the rules that run, and the
 * parse diagnostic codes that are not ignored (all of them by default).
 */
export function describeRules(rules: readonly Rule[], parseDiagnostics: readonly ParseDiagnosticCode[] = ALL_PARSE_DIAGNOSTICS): RuleDescription[] {
  const fromRules = rules.map(({ meta }): RuleDescription => ({
    id: meta.id,
    name: meta.name,
    severity: meta.severity,
    summary: meta.docs.summary,
    explanation: meta.docs.explanation,
    ...(meta.docs.fixSafety === undefined ? {} : { fixSafety: meta.docs.fixSafety }),
    examples: { bad: meta.docs.bad, good: meta.docs.good },
    url: meta.url,
    tags: meta.tags,
  }));
  const fromParser = parseDiagnostics.map((code): RuleDescription => ({
    id: code,
    name: PARSE_DIAGNOSTICS[code].name,
    severity: PARSE_DIAGNOSTICS[code].severity,
    summary: PARSE_DIAGNOSTICS[code].summary,
    tags: ['parse'],
  }));
  return [...fromRules, ...fromParser];
}

/** A diagnostic documented like a rule, such as the engine's `SL0xx` suppression diagnostics. */
export interface DocumentedDiagnostic {
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly explanation?: string;
  readonly bad?: string;
  readonly good?: string;
}

/** Descriptions for a table of diagnostics keyed by id, tagged with what reports them. */
export function describeDiagnostics(table: Readonly<Record<string, DocumentedDiagnostic>>, tag: string): RuleDescription[] {
  return Object.entries(table).map(([id, meta]): RuleDescription => ({
    id,
    name: meta.name,
    severity: meta.severity,
    summary: meta.summary,
    ...(meta.explanation === undefined ? {} : { explanation: meta.explanation }),
    ...(meta.bad === undefined || meta.good === undefined ? {} : { examples: { bad: meta.bad, good: meta.good } }),
    tags: [tag],
  }));
}

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

// PARSE_DIAGNOSTICS carries no prose, and a report needs a sentence for each; the Record type
// makes a new diagnostic code fail to compile until it has one.
export const PARSE_DIAGNOSTIC_SUMMARIES: Readonly<Record<ParseDiagnosticCode, string>> = {
  SP000: 'The parser failed on this file (a speclint bug); the file was read as plain lines',
  SP001: 'A %{, %( or %[ is never closed',
  SP002: 'An %else, %elif or %endif has no %if to belong to',
  SP003: 'An %if is still open at the end of the file',
  SP004: 'An %else or %elif comes after the %else of the same block',
  SP005: 'An %if or %elif has no condition, or one rpm cannot read as an expression',
  SP006: 'A line looks like a misspelt section name',
  SP007: 'A preamble tag that rpm does not know',
  SP008: 'A line in the preamble or a %package section that is neither a tag nor a macro',
  SP009: 'A %define or %global has nothing to define',
  SP010: 'Macro references are nested too deep to analyse',
  SP011: 'The file is UTF-16 encoded, which rpm cannot read',
};

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
    summary: PARSE_DIAGNOSTIC_SUMMARIES[code],
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

import { buildBuildrootModel, type BuildrootModel } from '../model/buildroot.js';
import { expandSpec, type SpecExpansion } from '../macros/spec-expander.js';
import { DEFAULT_TARGET, findTarget, type Target } from '../macros/targets.js';
import type { Span } from '../parse/cst.js';
import { parseSpec, type ParseResult } from '../parse/index.js';
import { LineIndex } from '../parse/line-index.js';
import { PARSE_DIAGNOSTICS } from '../parse/diagnostics.js';
import { RULES } from '../rules/index.js';
import type { Finding, Messages, Report, ReportOptions, Rule, RuleContext, Severity } from '../rules/types.js';
import { Suppressions } from './suppressions.js';

export interface LintOptions {
  readonly filename?: string;
  readonly target?: Target | string;
  /** Rules to run, in registry order; all of them by default. */
  readonly rules?: readonly Rule[];
  /**
   * The codes to report (rules, parse and suppression diagnostics); all by default. Rules outside
   * it do not run, so their fixes are never offered.
   */
  readonly codes?: ReadonlySet<string>;
  /** A severity per code, replacing the rule's and any single finding's (the config file's `[severity]`). */
  readonly severity?: ReadonlyMap<string, Severity>;
}

export interface LintResult {
  readonly source: string;
  readonly parse: ParseResult;
  readonly target: Target;
  /** Parse diagnostics and rule findings, in source order. */
  readonly findings: readonly Finding[];
  /** Rules that threw: the tool could not do its job on this file. */
  readonly internalErrors: readonly string[];
  /** The spec as the target reads it, and what its %install and %files do: the rules' own, made once. */
  readonly expansion: SpecExpansion;
  readonly buildroot: BuildrootModel;
}

/** Lints spec text: parses, expands for the target, runs the rules, and stamps their reports. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const filename = options.filename ?? '<input>';
  const target = typeof options.target === 'object' ? options.target : findTarget(options.target ?? DEFAULT_TARGET);
  if (target === undefined) throw new Error(`unknown target ${String(options.target)}`);
  const parse = parseSpec(text, { filename });
  const index = new LineIndex(text);
  const findings: Finding[] = parse.diagnostics.map((d) => ({
    ruleId: d.code, ruleName: d.name, severity: d.severity, url: '', filename,
    messageId: d.name, message: d.message, span: d.span, start: d.start, end: d.end,
    related: d.related.map((r) => ({ message: r.message, span: r.span })),
  }));
  let expansion: SpecExpansion | undefined;
  let buildroot: BuildrootModel | undefined;
  const shared = {
    get expansion(): SpecExpansion {
      expansion ??= expandSpec(parse.file, target);
      return expansion;
    },
    get buildroot(): BuildrootModel {
      buildroot ??= buildBuildrootModel(this.expansion);
      return buildroot;
    },
  };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const internalErrors: string[] = [];
  const ruleFindings: { finding: Finding; order: number }[] = [];
  const reported = (code: string): boolean => options.codes?.has(code) ?? true;
  const completed = new Set<string>();
  (options.rules ?? RULES).filter((rule) => reported(rule.meta.id)).forEach((rule, order) => {
    try {
      for (const report of rule.check(contextFor(rule, { filename, source: text, file: parse.file, target, eol, shared }))) {
        checkReport(rule, report, text, filename);
        ruleFindings.push({
          order,
          finding: {
            ...report,
            ruleId: rule.meta.id, ruleName: rule.meta.name, severity: report.severity ?? rule.meta.severity, url: rule.meta.url,
            filename, start: index.position(report.span.start), end: index.position(report.span.end),
          },
        });
      }
      completed.add(rule.meta.id);
    } catch (error) {
      internalErrors.push(`rule ${rule.meta.id} ${rule.meta.name} failed on ${filename}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  // Suppressed findings leave here, before fixText can see their fixes.
  const suppressions = new Suppressions(parse.file, filename, index, target.id);
  const kept = [...findings.filter((f) => reported(f.ruleId)).map((finding) => ({ finding, order: -1 })), ...ruleFindings]
    .filter((r) => !suppressions.suppress(r.finding));
  const ran = (code: string): boolean => (code in PARSE_DIAGNOSTICS ? reported(code) : completed.has(code));
  const pragmaFindings = suppressions.findings(ran).filter((f) => reported(f.ruleId)).map((finding) => ({ finding, order: Number.MAX_SAFE_INTEGER }));
  // By position; at one position parse diagnostics first, then the rules in registry order, then pragma findings.
  const all = [...kept, ...pragmaFindings]
    .sort((a, b) => a.finding.span.start - b.finding.span.start || a.order - b.order)
    .map((r) => withSeverity(r.finding, options.severity));
  return {
    source: text, parse, target, findings: all, internalErrors,
    get expansion() { return shared.expansion; },
    get buildroot() { return shared.buildroot; },
  };
}

function withSeverity(finding: Finding, overrides: ReadonlyMap<string, Severity> | undefined): Finding {
  const severity = overrides?.get(finding.ruleId);
  return severity === undefined || severity === finding.severity ? finding : { ...finding, severity };
}

interface ContextParts {
  readonly filename: string;
  readonly source: string;
  readonly file: ParseResult['file'];
  readonly target: Target;
  readonly eol: '\n' | '\r\n';
  readonly shared: { readonly expansion: SpecExpansion; readonly buildroot: BuildrootModel };
}

function contextFor<M extends Messages>(rule: Rule<M>, parts: ContextParts): RuleContext<M> {
  return {
    filename: parts.filename,
    source: parts.source,
    file: parts.file,
    target: parts.target,
    eol: parts.eol,
    get expansion() { return parts.shared.expansion; },
    get buildroot() { return parts.shared.buildroot; },
    report(messageId, data, span: Span, options: ReportOptions = {}): Report {
      const template = rule.meta.messages[messageId] as (data: unknown) => string;
      return { messageId, message: template(data), span, ...options };
    },
  };
}

/** A rule that reports outside the file or offers a fix it says it never has is a bug: fail loudly. */
function checkReport(rule: Rule, report: Report, text: string, filename: string): void {
  const { start, end } = report.span;
  if (!(start >= 0 && end >= start && end <= text.length)) {
    throw new Error(`rule ${rule.meta.id} reported span [${start}, ${end}) outside ${filename}`);
  }
  if (report.fix !== undefined && rule.meta.fixable === 'never') {
    throw new Error(`rule ${rule.meta.id} is declared fixable: never but offered a fix`);
  }
  for (const e of report.fix?.edits ?? []) {
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length)) throw new Error(`rule ${rule.meta.id} proposed an edit outside ${filename}`);
  }
}

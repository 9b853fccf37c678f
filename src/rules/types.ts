import type { Fix } from '../fix/edit.js';
import type { SpecExpansion } from '../macros/spec-expander.js';
import type { Target } from '../macros/targets.js';
import type { BuildrootModel } from '../model/buildroot.js';
import type { Position, Span, SpecFile } from '../parse/cst.js';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type FixAvailability = 'always' | 'sometimes' | 'never';
// Message templates take one data object; `never` lets each rule declare its own shape.
export type Messages = Record<string, (data: never) => string>;

export interface RuleDocs {
  /** One line that states the problem. */
  readonly summary: string;
  /** Markdown: why it matters and which guideline says so. */
  readonly explanation: string;
  /** A spec that must trigger the rule (tested). */
  readonly bad: string;
  /** The corrected spec, which must not (tested). */
  readonly good: string;
  /** When the fix is unsafe, and why. */
  readonly fixSafety?: string;
  /** The guideline or source behind the rule. */
  readonly link: string;
  /** The target the examples are for, when not the default (Fedora). */
  readonly target?: string;
}

export interface RuleMeta<M extends Messages> {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  readonly fixable: FixAvailability;
  readonly messages: M;
  readonly docs: RuleDocs;
  readonly tags: readonly string[];
  /** Filled by defineRule(). */
  readonly url: string;
}

export interface Related {
  readonly message: string;
  readonly span: Span;
}

/** What a rule yields. */
export interface Report {
  readonly messageId: string;
  readonly message: string;
  readonly span: Span;
  /** Overrides the rule's default severity for this finding (e.g. warning for loose files). */
  readonly severity?: Severity;
  readonly fix?: Fix;
  readonly related?: readonly Related[];
}

/** What the engine emits. */
export interface Finding extends Report {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly url: string;
  readonly filename: string;
  readonly start: Position;
  readonly end: Position;
}

export interface ReportOptions {
  readonly fix?: Fix;
  readonly severity?: Severity;
  readonly related?: readonly Related[];
}

export interface RuleContext<M extends Messages> {
  readonly filename: string;
  readonly source: string;
  readonly file: SpecFile;
  readonly target: Target;
  /** The spec as the target reads it (memoised). */
  readonly expansion: SpecExpansion;
  /** What %install puts in the buildroot and what %files ships (memoised). */
  readonly buildroot: BuildrootModel;
  /** The file's own line ending, for inserted lines. */
  readonly eol: '\n' | '\r\n';
  report<K extends keyof M & string>(messageId: K, data: Parameters<M[K]>[0], span: Span, options?: ReportOptions): Report;
}

export interface Rule<M extends Messages = Messages> {
  readonly meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): Iterable<Report>;
}

export type RuleDefinition<M extends Messages> = Omit<RuleMeta<M>, 'url'> & { check(ctx: RuleContext<M>): Iterable<Report> };

/** The library API: parse, lint and fix spec text. */
export { parseSpec, parseMacroText, MAX_MACRO_NESTING } from './parse/index.js';
export type { ParseOptions, ParseResult } from './parse/index.js';
export { printSpec, linesOf } from './parse/print.js';
export { PARSE_DIAGNOSTICS } from './parse/diagnostics.js';
export type { ParseDiagnostic, ParseDiagnosticCode, RelatedLocation } from './parse/diagnostics.js';
export type * from './parse/cst.js';
export { decodeSpec, encodeSpec, readSpecFile } from './io/spec-source.js';
export type { SpecEncoding, SpecSource } from './io/spec-source.js';
export { lintText } from './engine/lint.js';
export type { LintOptions, LintResult } from './engine/lint.js';
export { fixText } from './engine/fix-text.js';
export type { FixTextResult } from './engine/fix-text.js';
export { RULES } from './rules/index.js';
export type { Finding, Rule, RuleMeta, Severity } from './rules/types.js';
export type { Applicability, Edit, Fix } from './fix/edit.js';
export type { Target } from './macros/targets.js';
export { TARGETS, findTarget } from './macros/targets.js';

/** The library API: the parser today; lintText(), lintFile() and fixText() join it with the rules. */
export { parseSpec, parseMacroText, MAX_MACRO_NESTING } from './parse/index.js';
export type { ParseOptions, ParseResult } from './parse/index.js';
export { printSpec, linesOf } from './parse/print.js';
export { PARSE_DIAGNOSTICS } from './parse/diagnostics.js';
export type { ParseDiagnostic, ParseDiagnosticCode, RelatedLocation } from './parse/diagnostics.js';
export type * from './parse/cst.js';
export { decodeSpec, encodeSpec, readSpecFile } from './io/spec-source.js';
export type { SpecEncoding, SpecSource } from './io/spec-source.js';

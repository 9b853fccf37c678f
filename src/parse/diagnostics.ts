import type { Position, Span } from './cst.js';

/**
 * Parse diagnostics use the reserved id range SP0xx; rules use the catalogue's PY0xx.
 * `name` follows the rule naming style so suppressions and reports treat both alike.
 */
export const PARSE_DIAGNOSTICS = {
  SP000: { name: 'parser-failure', severity: 'error', summary: 'The parser failed on this file (a speclint bug); the file was read as plain lines' },
  SP001: { name: 'unclosed-macro', severity: 'error', summary: 'A %{, %( or %[ is never closed' },
  SP002: { name: 'unmatched-conditional', severity: 'error', summary: 'An %else, %elif or %endif has no %if to belong to' },
  SP003: { name: 'missing-endif', severity: 'error', summary: 'An %if is still open at the end of the file' },
  SP004: { name: 'misplaced-else', severity: 'error', summary: 'An %else or %elif comes after the %else of the same block' },
  SP005: { name: 'invalid-condition', severity: 'error', summary: 'An %if or %elif has no condition, or one rpm cannot read as an expression' },
  SP006: { name: 'unknown-section', severity: 'error', summary: 'A line looks like a misspelt section name' },
  SP007: { name: 'unknown-tag', severity: 'error', summary: 'A preamble tag that rpm does not know' },
  SP008: { name: 'unexpected-preamble-line', severity: 'error', summary: 'A line in the preamble or a %package section that is neither a tag nor a macro' },
  SP009: { name: 'empty-macro-body', severity: 'error', summary: 'A %define or %global has nothing to define' },
  SP010: { name: 'macro-nesting-too-deep', severity: 'warning', summary: 'Macro references are nested too deep to analyse' },
  SP011: { name: 'utf16-encoded', severity: 'error', summary: 'The file is UTF-16 encoded, which rpm cannot read' },
} as const satisfies Record<string, { name: string; severity: 'error' | 'warning'; summary: string }>;

export type ParseDiagnosticCode = keyof typeof PARSE_DIAGNOSTICS;

export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
}

/** A diagnostic as the structure pass produces it, before line/column are known. */
export interface PendingDiagnostic {
  readonly code: ParseDiagnosticCode;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedLocation[];
}

export interface ParseDiagnostic {
  readonly code: ParseDiagnosticCode;
  readonly name: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly span: Span;
  readonly start: Position;
  readonly end: Position;
  readonly related: readonly (RelatedLocation & { readonly start: Position })[];
}

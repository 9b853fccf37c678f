import type { Position, Span } from './cst.js';

/**
 * Parse diagnostics use the reserved id range SP0xx; rules use the catalogue's PY0xx.
 * `name` follows the rule naming style so suppressions and reports treat both alike.
 */
export const PARSE_DIAGNOSTICS = {
  SP000: { name: 'parser-failure', severity: 'error' },
  SP001: { name: 'unclosed-macro', severity: 'error' },
  SP002: { name: 'unmatched-conditional', severity: 'error' },
  SP003: { name: 'missing-endif', severity: 'error' },
  SP004: { name: 'misplaced-else', severity: 'error' },
  SP005: { name: 'invalid-condition', severity: 'error' },
  SP006: { name: 'unknown-section', severity: 'error' },
  SP007: { name: 'unknown-tag', severity: 'error' },
  SP008: { name: 'unexpected-preamble-line', severity: 'error' },
  SP009: { name: 'empty-macro-body', severity: 'error' },
  SP010: { name: 'macro-nesting-too-deep', severity: 'warning' },
  SP011: { name: 'utf16-encoded', severity: 'error' },
} as const satisfies Record<string, { name: string; severity: 'error' | 'warning' }>;

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

import type { Fix } from '../fix/edit.js';
import type { Position, Span } from '../parse/cst.js';

/** What reporters print: a parse diagnostic today, a rule finding once rules exist. */
export interface Problem {
  readonly code: string;
  readonly name: string;
  readonly severity: 'error' | 'warning' | 'info' | 'style';
  readonly message: string;
  readonly span: Span;
  readonly start: Position;
  readonly end: Position;
  readonly fix?: Fix;
}

export interface FileProblems {
  readonly filename: string;
  readonly source: string;
  readonly problems: readonly Problem[];
}

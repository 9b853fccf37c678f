import type { Fix } from '../fix/edit.js';
import type { Position, Span } from '../parse/cst.js';

/** What reporters print: a parse diagnostic, a rule finding or a suppression diagnostic. */
export interface Problem {
  readonly code: string;
  readonly name: string;
  readonly severity: 'error' | 'warning' | 'info' | 'style';
  readonly message: string;
  readonly span: Span;
  readonly start: Position;
  readonly end: Position;
  readonly fix?: Fix;
  /** Other places the message refers to (the %if an %endif lacks, a second definition). */
  readonly related?: readonly { readonly message: string; readonly span: Span }[];
}

export interface FileProblems {
  readonly filename: string;
  readonly source: string;
  readonly problems: readonly Problem[];
}

import type { Span } from '../parse/cst.js';
import { LineIndex } from '../parse/line-index.js';

/** 1-based lines and columns in UTF-16 code units; `endColumn` is one past the last character. */
export interface TextRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Line/column positions as SARIF and GitHub count them, which differs from `LineIndex` in two
 * places: a leading byte-order mark takes no column, and the end of a file that ends with a
 * newline is the end of its last line, not the start of a line that does not exist.
 */
export class TextPositions {
  private readonly index: LineIndex;
  private readonly lineStarts: readonly number[];
  private readonly bom: boolean;
  /** How many lines the text has; an empty text has one, empty, line. */
  readonly lineCount: number;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
    this.lineStarts = this.index.lineStarts();
    // The start "after" a final newline is not a line; counting it would put EOF on a phantom line.
    const phantom = this.lineStarts.length > 1 && this.lineStarts[this.lineStarts.length - 1] === text.length;
    this.lineCount = this.lineStarts.length - (phantom ? 1 : 0);
    this.bom = text.startsWith('\uFEFF');
  }

  /** The 1-based line holding `offset`; the end of the text belongs to the last line. */
  lineOf(offset: number): number {
    return Math.min(this.index.lineOf(offset), this.lineCount);
  }

  /** The offset where a 1-based line starts. */
  lineStart(line: number): number {
    return line <= this.lineCount ? this.lineStarts[line - 1]! : this.text.length;
  }

  /** The offset just past a line's newline (the next line's start), or the end of the text. */
  lineEnd(line: number): number {
    return line < this.lineCount ? this.lineStarts[line]! : this.text.length;
  }

  /** A line's text without its line ending. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line)).replace(/\r?\n$/, '');
  }

  column(offset: number): number {
    const line = this.lineOf(offset);
    const column = offset - this.lineStart(line) + 1;
    return line === 1 && this.bom && offset > 0 ? column - 1 : column;
  }

  region(span: Span): TextRegion {
    return { startLine: this.lineOf(span.start), startColumn: this.column(span.start), endLine: this.lineOf(span.end), endColumn: this.column(span.end) };
  }
}

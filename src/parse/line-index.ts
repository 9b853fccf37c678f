import type { Position } from './cst.js';

/** Maps offsets to 1-based line/column; built on first use, since most files report nothing. */
export class LineIndex {
  private starts: readonly number[] | null = null;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, column: offset - this.lineStarts()[line - 1]! + 1 };
  }

  /** The 1-based line holding `offset`; after a final newline that is a line of its own, empty. */
  lineOf(offset: number): number {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The offset each line starts at; the first is 0. */
  lineStarts(): readonly number[] {
    if (this.starts === null) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
}

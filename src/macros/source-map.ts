import type { Span } from '../parse/cst.js';

/**
 * Where a piece of expanded text came from: `[start, end)` of the expanded text maps to `source`
 * in the spec. Literal text maps character for character; a macro's expansion maps as a whole to
 * the reference (with its arguments) that produced it.
 */
export interface SourcePiece {
  readonly start: number;
  readonly end: number;
  readonly source: Span;
  readonly literal: boolean;
}

export interface MappedText {
  readonly text: string;
  /** In output order, each starting where the one before ends (withoutLineEnd() relies on it). */
  readonly pieces: readonly SourcePiece[];
}

/** The source span behind `[start, end)` of mapped text: from the first to the last piece it touches. */
export function sourceOf(mapped: MappedText, start: number, end = start + 1): Span | null {
  let from: number | null = null;
  let to: number | null = null;
  for (const piece of mapped.pieces) {
    if (piece.end <= start || piece.start >= Math.max(end, start + 1)) continue;
    const pieceFrom = piece.literal ? piece.source.start + Math.max(0, start - piece.start) : piece.source.start;
    const pieceTo = piece.literal ? piece.source.start + (Math.min(end, piece.end) - piece.start) : piece.source.end;
    from = from === null ? pieceFrom : Math.min(from, pieceFrom);
    to = to === null ? pieceTo : Math.max(to, pieceTo);
  }
  return from === null || to === null ? null : { start: from, end: to };
}

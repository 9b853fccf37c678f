import type { Edit } from '../fix/edit.js';

/** The fix a piece of new text came from. */
export interface ChangeOrigin {
  readonly ruleId: string;
  readonly title: string;
}

type Piece =
  | { readonly kind: 'kept'; readonly start: number; readonly end: number }
  | { readonly kind: 'added'; readonly text: string; readonly at: number; readonly origin: ChangeOrigin };

/** One change against the original text, and where its new text lies in the current text. */
export interface TrailChange {
  readonly origin: ChangeOrigin;
  /** The original text it replaces: an insertion has start === end. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly currentStart: number;
  readonly currentEnd: number;
}

/**
 * The original text and every edit made to it over several fix passes, as a piece table: each
 * pass edits the text the previous one produced, and the trail maps those edits back to the
 * original, so that a change found in the third pass can still be shown at the line the author
 * knows, and the text after the passes can be told apart from the text the author wrote.
 */
export class EditTrail {
  private constructor(private readonly original: string, private readonly pieces: readonly Piece[]) {}

  static of(original: string): EditTrail {
    return new EditTrail(original, original === '' ? [] : [{ kind: 'kept', start: 0, end: original.length }]);
  }

  /** The trail after `edits`, given in offsets of the current text (sorted, not overlapping). */
  apply(edits: readonly Edit[], originOf: (edit: Edit) => ChangeOrigin): EditTrail {
    const pieces = [...this.pieces];
    // From the last edit backwards, so the offsets of the earlier ones still hold.
    for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
      splitAt(pieces, edit.end);
      const first = splitAt(pieces, edit.start);
      const last = splitAt(pieces, edit.end);
      const at = first < pieces.length ? anchorOf(pieces[first]!) : this.original.length;
      pieces.splice(first, last - first, { kind: 'added', text: edit.text, at, origin: originOf(edit) });
    }
    return new EditTrail(this.original, pieces);
  }

  text(): string {
    return this.pieces.map((p) => (p.kind === 'kept' ? this.original.slice(p.start, p.end) : p.text)).join('');
  }

  /** The original offset a current offset comes from; new text maps to where it was inserted. */
  toOriginal(offset: number): number {
    let position = 0;
    for (const piece of this.pieces) {
      const length = lengthOf(piece);
      if (offset < position + length) return piece.kind === 'kept' ? piece.start + (offset - position) : piece.at;
      position += length;
    }
    return this.original.length;
  }

  /** Where an original offset is now; deleted text maps to where the text after it went. */
  toCurrent(offset: number): number {
    let position = 0;
    for (const piece of this.pieces) {
      if (piece.kind === 'kept' && offset < piece.end) return position + Math.max(0, offset - piece.start);
      position += lengthOf(piece);
    }
    return position;
  }

  /** The changes in original order; original text deleted between two kept pieces goes to the first change there. */
  changes(): TrailChange[] {
    const changes: TrailChange[] = [];
    let expected = 0;
    let position = 0;
    let group: TrailChange[] = [];
    const close = (next: number): void => {
      if (group.length > 0) group[0] = { ...group[0]!, start: expected, end: next };
      changes.push(...group);
      group = [];
    };
    for (const piece of this.pieces) {
      if (piece.kind === 'kept') {
        close(piece.start);
        expected = piece.end;
      } else {
        group.push({ origin: piece.origin, start: piece.at, end: piece.at, text: piece.text, currentStart: position, currentEnd: position + piece.text.length });
      }
      position += lengthOf(piece);
    }
    close(this.original.length);
    return changes;
  }
}

function lengthOf(piece: Piece): number {
  return piece.kind === 'kept' ? piece.end - piece.start : piece.text.length;
}

function anchorOf(piece: Piece): number {
  return piece.kind === 'kept' ? piece.start : piece.at;
}

/** Makes a piece start at `offset` of the current text and returns its index (the length when at the end). */
function splitAt(pieces: Piece[], offset: number): number {
  let position = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const length = lengthOf(piece);
    if (offset === position) return i;
    if (offset < position + length) {
      const cut = offset - position;
      const [head, tail]: [Piece, Piece] = piece.kind === 'kept'
        ? [{ ...piece, end: piece.start + cut }, { ...piece, start: piece.start + cut }]
        : [{ ...piece, text: piece.text.slice(0, cut) }, { ...piece, text: piece.text.slice(cut) }];
      pieces.splice(i, 1, head, tail);
      return i + 1;
    }
    position += length;
  }
  return pieces.length;
}

/**
 * rpm's matchchar(): the offset of the bracket closing the one at `open`, counting only its kind.
 * The expander asks once per reference, and each unclosed `%{` scans to the end of its text, so a
 * long text has its brackets matched in one pass and looked up after that; otherwise a line of
 * 50,000 `%{` takes minutes.
 */
export function matchClose(text: string, open: number, left: string, right: string): number {
  // The one-pass index starts at offset 0; it agrees with a scan from `open` unless a backslash may escape `open`.
  if (text.length >= INDEX_FROM_LENGTH && text[open] === left && text[open - 1] !== '\\') {
    return closesOf(text, left, right).get(open) ?? -1;
  }
  return scanForClose(text, open, left, right);
}

const INDEX_FROM_LENGTH = 4096;
/** An expansion works through a few nested texts at a time; older indexes are dropped. */
const RECENT_TEXTS = 8;
const recent = new Map<string, Map<string, Map<number, number>>>();

/**
 * Where each `left` of the text closes, for those that close, skipping a character after a
 * backslash. parse/brackets.ts counts the same way for the parser, but only from macro openers
 * (`%{`), while the expander also matches bare brackets: a change to the rule belongs in both.
 */
function closesOf(text: string, left: string, right: string): Map<number, number> {
  let byKind = recent.get(text);
  if (byKind === undefined) {
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    byKind = new Map();
  }
  recent.delete(text);
  recent.set(text, byKind);
  let closes = byKind.get(left);
  if (closes === undefined) {
    closes = new Map();
    const opens: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
      } else if (c === left) {
        opens.push(i);
      } else if (c === right) {
        const at = opens.pop();
        if (at !== undefined) closes.set(at, i);
      }
    }
    byKind.set(left, closes);
  }
  return closes;
}

function scanForClose(text: string, open: number, left: string, right: string): number {
  let level = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === right) {
      if (--level <= 0) return i;
    } else if (c === left) {
      level++;
    }
  }
  return -1;
}

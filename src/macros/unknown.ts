/**
 * Text speclint cannot know without running the spec (the output of `%(…)` or `%{lua:…}`) is kept
 * in expanded text between these two private-use characters, around the original source text.
 * Expansion copies such a region untouched, and a condition that contains one is undecided.
 */
export const UNKNOWN_OPEN = '\uE000';
export const UNKNOWN_CLOSE = '\uE001';

export function unknownText(original: string): string {
  return `${UNKNOWN_OPEN}${original}${UNKNOWN_CLOSE}`;
}

export function hasUnknown(text: string): boolean {
  return text.includes(UNKNOWN_OPEN);
}

/** The text with each unknown region shown as the source that produced it. */
export function showUnknown(text: string): string {
  return text.replaceAll(UNKNOWN_OPEN, '').replaceAll(UNKNOWN_CLOSE, '');
}

/** The offset after the unknown region opening at `at` (regions nest). */
export function endOfUnknown(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === UNKNOWN_OPEN) depth++;
    else if (text[i] === UNKNOWN_CLOSE && --depth === 0) return i + 1;
  }
  return text.length;
}

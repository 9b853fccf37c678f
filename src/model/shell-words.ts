import { endOfUnknown, UNKNOWN_OPEN } from '../macros/unknown.js';

/**
 * Words of a shell text with their offsets, for finding what commands install where. Quotes group
 * (and stay in the word), a backslash-newline joins lines, `#` starts a comment; with `operators`
 * the command separators `;` `&&` `||` `|` `&` and newlines come out as operator words.
 */
export interface ShellWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly operator: boolean;
}

const UNKNOWN_CODE = UNKNOWN_OPEN.charCodeAt(0);

export function shellWords(text: string, operators = false): ShellWord[] {
  const words: ShellWord[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const operator = operatorAt(text, i);
    if (operator !== null) {
      if (operators) words.push({ text: operator, start: i, end: i + operator.length, operator: true });
      i += operator.length;
      continue;
    }
    const start = i;
    // Character codes and indexOf(): this loop reads every character of every %install command.
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === UNKNOWN_CODE) {
        // Text from `%(…)` speclint did not run (macros/unknown.ts): one piece of one word, what
        // its source holds (blanks, `|`, quotes) included, since what it stands for is unknown.
        i = endOfUnknown(text, i);
      } else if (d === 0x22 || d === 0x27) {
        // A quoted part runs to the same quote, or to the end of the text.
        const close = text.indexOf(text[i]!, i + 1);
        i = close < 0 ? text.length : close + 1;
      } else if (d === 0x5c && i + 1 < text.length) {
        i += 2;
      } else if (d === 0x20 || d === 0x09 || d === 0x0d || d === 0x0a || d === 0x3b || d === 0x26 || d === 0x7c) {
        // Only the blanks skipped above end a word: ending one on any other `\s` (a no-break
        // space, a BOM) made an empty word there and looped forever.
        break;
      } else {
        i++;
      }
    }
    words.push({ text: text.slice(start, i), start, end: i, operator: false });
  }
  return words;
}

/** The command separator at `i`: `&&`, `||`, `;;`, or one of `;`, `|`, `&` and newline. */
function operatorAt(text: string, i: number): string | null {
  const c = text[i];
  if (c === '\n') return c;
  if (c !== ';' && c !== '|' && c !== '&') return null;
  return text[i + 1] === c ? c + c : c;
}

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
    const operator = /^(&&|\|\||;;|[;|&\n])/.exec(text.slice(i, i + 2));
    if (operator !== null) {
      if (operators) words.push({ text: operator[0], start: i, end: i + operator[0].length, operator: true });
      i += operator[0].length;
      continue;
    }
    const start = i;
    let quote: string | null = null;
    while (i < text.length) {
      const d = text[i]!;
      if (quote !== null) {
        if (d === quote) quote = null;
        i++;
      } else if (d === '"' || d === "'") {
        quote = d;
        i++;
      } else if (d === '\\' && i + 1 < text.length) {
        i += 2;
      } else if (/[\s;&|]/.test(d)) {
        break;
      } else {
        i++;
      }
    }
    words.push({ text: text.slice(start, i), start, end: i, operator: false });
  }
  return words;
}

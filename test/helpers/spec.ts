/**
 * A spec snippet written indented inside a test: strips the first newline, the common
 * indentation and the trailing indentation before the closing backtick. Keeps a final newline.
 */
export function spec(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** The offset of the `n`th (0-based) occurrence of `needle` in `text`; throws when absent. */
export function offsetOf(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${n + 1} times`);
  }
  return at;
}

/** The span of the `n`th occurrence of `needle`. */
export function spanOf(text: string, needle: string, n = 0): { start: number; end: number } {
  const start = offsetOf(text, needle, n);
  return { start, end: start + needle.length };
}

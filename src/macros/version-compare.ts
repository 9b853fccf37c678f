/**
 * rpm's version comparison (rpmvercmp): versions split into runs of digits and runs of letters,
 * separators ignored; digits beat letters, numbers compare numerically, `~` sorts before
 * anything (even the end), `^` after the end but before anything else.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !/[A-Za-z0-9~^]/.test(a[i]!)) i++;
    while (j < b.length && !/[A-Za-z0-9~^]/.test(b[j]!)) j++;
    const ta = a[i];
    const tb = b[j];
    if (ta === '~' || tb === '~') {
      if (ta !== '~') return 1;
      if (tb !== '~') return -1;
      i++; j++;
      continue;
    }
    if (ta === '^' || tb === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (ta !== '^') return 1;
      if (tb !== '^') return -1;
      i++; j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = /\d/.test(ta!);
    const segment = numeric ? /^\d+/ : /^[A-Za-z]+/;
    const sa = segment.exec(a.slice(i))?.[0] ?? '';
    const sb = segment.exec(b.slice(j))?.[0] ?? '';
    if (sb === '') return numeric ? 1 : -1;
    i += sa.length;
    j += sb.length;
    if (numeric) {
      const na = sa.replace(/^0+/, '');
      const nb = sb.replace(/^0+/, '');
      if (na.length !== nb.length) return na.length > nb.length ? 1 : -1;
      if (na !== nb) return na > nb ? 1 : -1;
    } else if (sa !== sb) {
      return sa > sb ? 1 : -1;
    }
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

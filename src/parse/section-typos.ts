/** Section keywords a misspelt `%word` line most likely meant (all but the rare trigger forms). */
const SECTION_KEYWORDS = [
  'package', 'description', 'prep', 'build', 'install', 'check', 'clean', 'files', 'changelog',
  'generate_buildrequires', 'preun', 'postun', 'pretrans', 'posttrans', 'verifyscript',
  'triggerin', 'triggerun', 'triggerpostun',
];

/**
 * The section keyword `word` is one edit (insertion, deletion, substitution or swap of adjacent
 * letters) away from, or null. Words of three letters or fewer are left alone: too many real
 * macros (`%pre`, `%doc`) sit one edit from something.
 */
export function suggestSectionKeyword(word: string): string | null {
  const lower = word.toLowerCase();
  // `%_description` and the like are the packager's own macros, named after what they hold.
  if (lower.length < 4 || lower.startsWith('_')) return null;
  for (const keyword of SECTION_KEYWORDS) {
    if (lower !== keyword && isOneEditAway(lower, keyword)) return keyword;
  }
  return null;
}

function isOneEditAway(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || a.slice(i + 1) === b.slice(i + 1);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Preamble tags rpm accepts (parsePreamble.c's table, current and legacy names), lower-cased.
 * `Source` and `Patch` also take a number (`Source0`, `Patch12`).
 */
const KNOWN_TAGS: ReadonlySet<string> = new Set([
  'name', 'version', 'release', 'epoch', 'serial', 'summary', 'license', 'sourcelicense', 'copyright',
  'distribution', 'disturl', 'vendor', 'group', 'packager', 'url', 'bugurl', 'vcs', 'modularitylabel',
  'source', 'patch', 'nosource', 'nopatch', 'excludearch', 'exclusivearch', 'excludeos', 'exclusiveos',
  'icon', 'provides', 'requires', 'recommends', 'suggests', 'supplements', 'enhances', 'prereq',
  'conflicts', 'obsoletes', 'prefixes', 'prefix', 'buildroot', 'buildarchitectures', 'buildarch',
  'buildconflicts', 'buildprereq', 'buildrequires', 'autoreqprov', 'autoreq', 'autoprov', 'docdir',
  'disttag', 'orderwithrequires', 'removepathpostfixes', 'translationurl', 'upstreamreleases',
  'buildsystem', 'buildoption',
]);

export function isKnownTag(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_TAGS.has(lower) || /^(source|patch)\d+$/.test(lower);
}

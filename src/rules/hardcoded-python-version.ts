import { edit, makeFix, type Fix } from '../fix/edit.js';
import { MacroExpander } from '../macros/expand.js';
import { type ExpandedLine, isPlain } from '../macros/spec-expander.js';
import { type MappedText, sourceOf } from '../macros/source-map.js';
import type { Span } from '../parse/cst.js';
import { defineRule } from './define-rule.js';
import { isInterpreterPackage } from './utils/interpreter-package.js';
import type { Report, RuleContext } from './types.js';

/** Sections whose text names real paths and commands. */
const CHECKED_SECTIONS = new Set([
  'build', 'install', 'check', 'files', 'pre', 'post', 'preun', 'postun', 'pretrans', 'posttrans',
  'triggerin', 'triggerun', 'triggerpostun', 'filetriggerin', 'filetriggerun', 'transfiletriggerin',
]);

interface Pattern {
  readonly regex: RegExp;
  /** `X.Y` from the match; cpython-XY tags spell it without the dot. */
  readonly version?: (match: RegExpMatchArray) => string;
  /** The replacement for Python 3 and, on EL7/EL8, Python 2.7; null: report without a fix. */
  readonly python3: string | null;
  readonly python2: string | null;
}

/** Longest first, as the catalogue orders them; group 1 holds the version. */
const PATTERNS: readonly Pattern[] = [
  { regex: /(?:\/usr\/lib64|%\{?_libdir\}?|%\{?_prefix\}?\/lib64)\/python(\d\.\d+)\/site-packages/g, python3: '%{python3_sitearch}', python2: '%{python2_sitearch}' },
  { regex: /(?:\/usr\/lib|%\{?_prefix\}?\/lib)\/python(\d\.\d+)\/site-packages/g, python3: '%{python3_sitelib}', python2: '%{python2_sitelib}' },
  { regex: /(?:\/usr\/lib64|%\{?_libdir\}?)\/python(\d\.\d+)(?![\d.])/g, python3: '%{_libdir}/python%{python3_version}', python2: '%{_libdir}/python%{python2_version}' },
  { regex: /(?:\/usr\/lib|%\{?_prefix\}?\/lib)\/python(\d\.\d+)(?![\d.])/g, python3: '%{_prefix}/lib/python%{python3_version}', python2: '%{_prefix}/lib/python%{python2_version}' },
  { regex: /python(\d\.\d+)\/site-packages/g, python3: null, python2: null },
  { regex: /-py(\d\.\d+)\.egg-info/g, python3: '-py%{python3_version}.egg-info', python2: '-py%{python2_version}.egg-info' },
  { regex: /cpython-(\d)(\d+)(?=\D)/g, version: (m) => `${m[1]}.${m[2]}`, python3: 'cpython-%{python3_version_nodots}', python2: null },
  { regex: /(?:\/usr\/bin\/|(?<=^|[\s;&|(`])(?=python\d))python(\d\.\d+)(?![\d.\w-])/g, python3: '%{python3}', python2: '%{python2}' },
];

const messages = {
  literal: (d: { version: string; text: string; expected: string }) =>
    `${d.text} hard-codes Python ${d.version}${d.version === d.expected ? '' : ` (the target's Python is ${d.expected})`}`,
  viaMacro: (d: { version: string; macro: string; expected: string }) =>
    `%{${d.macro}} hard-codes Python ${d.version} into a path${d.version === d.expected ? '' : ` (the target's Python is ${d.expected})`}`,
};

export default defineRule({
  id: 'PY002',
  name: 'hardcoded-python-version',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'interpreter'],
  messages,
  docs: {
    summary: 'A Python version is written into a path or command instead of coming from the Python macros',
    explanation: [
      'Paths such as `/usr/lib/python3.9/site-packages` break at the next Python rebuild, and on a target',
      "with another Python they install where nothing imports them (and generate a wrong `python(abi)`",
      'dependency). Use `%{python3_sitelib}`, `%{python3_sitearch}`, `%{python3_version}` and `%{python3}`.',
    ].join('\n'),
    bad: ['Name: quokka', '%install', 'install -m644 hook.py %{buildroot}/usr/lib/python3.9/site-packages/', '%files', '/usr/lib/python3.9/site-packages/hook.py', ''].join('\n'),
    good: ['Name: quokka', '%install', 'install -m644 hook.py %{buildroot}%{python3_sitelib}/', '%files', '%{python3_sitelib}/hook.py', ''].join('\n'),
    fixSafety: 'The fix keeps the installed paths on the target when the written version is the target\'s; when it is another version the fix moves files, so it is offered as unsafe.',
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python/#_mandatory_macros',
  },
  *check(ctx) {
    const expander = new MacroExpander(ctx.expansion.scope);
    // An interpreter's own package (python3.12, pypy3.10) is that version: its paths are right.
    if (isInterpreterPackage(ctx.expansion)) return;
    const expected = expander.expand('%{python3_version}');
    const python2Allowed = ctx.target.id === 'el7' || ctx.target.id === 'el8';
    const reported = new Set<string>();
    // Every checked line of the spec comes by here: one that cannot match costs its slice and a search.
    for (const line of ctx.expansion.lines) {
      if (!isChecked(line)) continue;
      const text = ctx.source.slice(line.line.span.start, line.line.span.end);
      if (mayMatch(text)) yield* literals(ctx, line, text, expected, python2Allowed, reported);
      // Checked here, not in viaMacros(): a generator made for every line costs more than the check.
      // A plain line expands to itself, and asking for its expansion would make it.
      const expanded = isPlain(line) ? null : line.expanded;
      if (expanded !== null && mayMatch(expanded.text)) yield* viaMacros(ctx, expanded, expected, python2Allowed, reported);
    }
  },
});

/** Versions written out in the line's source text, `/usr/lib/python3.9/site-packages` and the like. */
function* literals(
  ctx: RuleContext<typeof messages>, line: ExpandedLine, text: string, expected: string, python2Allowed: boolean, reported: Set<string>,
): Generator<Report> {
  // Spans reported on other lines cannot overlap this line's: checking them would be quadratic.
  const reportedHere: Span[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const start = line.line.span.start + match.index;
      const span = { start, end: start + match[0].length };
      if (reportedHere.some((other) => other.start < span.end && span.start < other.end)) continue;
      const version = pattern.version?.(match) ?? match[1]!;
      const major = version.split('.')[0];
      const wanted = major === '2' && python2Allowed ? '2.7' : expected;
      const replacement = selfReferential(line, pattern) ? null
        : major === '2' ? (python2Allowed ? pattern.python2 : null) : pattern.python3;
      const fix = replacement === null ? undefined
        : makeFix(`Replace ${match[0]} with ${replacement}`, version === wanted ? 'safe' : 'unsafe', [edit.replace(span, replacement)]);
      reported.add(`${span.start}:${span.end}`);
      reportedHere.push(span);
      yield ctx.report('literal', { version, text: match[0], expected: wanted }, span, {
        severity: version === wanted ? 'warning' : 'error',
        ...(fix === undefined ? {} : { fix }),
      });
    }
  }
}

/** `%global pyver 3.9` used in `python%{pyver}/site-packages`: reported at the use, fixed at the definition. */
function* viaMacros(
  ctx: RuleContext<typeof messages>, expanded: MappedText, expected: string, python2Allowed: boolean, reported: Set<string>,
): Generator<Report> {
  for (const match of expanded.text.matchAll(/python(\d\.\d+)(?=\/|\s|$|")|-py(\d\.\d+)\.egg-info/g)) {
    const versionAt = match.index + match[0].indexOf(match[1] ?? match[2]!);
    const span = sourceOf(expanded, versionAt, versionAt + (match[1] ?? match[2]!).length);
    if (span === null) continue;
    const written = ctx.source.slice(span.start, span.end);
    const name = /^%\{?\??([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(written)?.[1];
    const definition = name === undefined ? undefined : ctx.expansion.scope.get(name);
    if (definition === undefined || definition.origin.kind !== 'spec' || typeof definition.body !== 'string' || !/^\d\.\d+$/.test(definition.body.trim())) continue;
    // A %global keeps its value expanded: only a version the spec itself writes is hard-coded.
    if (!ctx.source.slice(definition.origin.span.start, definition.origin.span.end).includes(definition.body.trim())) continue;
    const key = `${span.start}:${span.end}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const version = definition.body.trim();
    const wanted = version.startsWith('2') && python2Allowed ? '2.7' : expected;
    yield ctx.report('viaMacro', { version, macro: name!, expected: wanted }, span, {
      severity: version === wanted ? 'warning' : 'error',
      related: [{ message: `%${name} is defined here`, span: definition.origin.span }],
      ...definitionFix(ctx.source, definition.origin.span, version, wanted, version.startsWith('2') && python2Allowed),
    });
  }
}

function definitionFix(source: string, span: Span, version: string, wanted: string, python2: boolean): { fix?: Fix } {
  const text = source.slice(span.start, span.end);
  const at = text.lastIndexOf(version);
  if (at < 0) return {};
  const macro = python2 ? '%{python2_version}' : '%{python3_version}';
  return { fix: makeFix(`Define it as ${macro}`, version === wanted ? 'safe' : 'unsafe', [edit.replace({ start: span.start + at, end: span.start + at + version.length }, macro)], 'PY002-definition') };
}

/** Lines the target reads whose text names paths or commands: requirements, definitions, scripts, %files. */
function isChecked(line: ExpandedLine): boolean {
  if (line.state !== 'active') return false;
  const { kind } = line.line;
  if (kind === 'comment' || kind === 'blank' || kind === 'conditional' || kind === 'changelog-entry') return false;
  if (kind === 'tag') return /^(build)?requires$/i.test(line.line.name.text);
  return kind === 'macro-definition' || CHECKED_SECTIONS.has(line.section.name);
}

/** The macros `%{python3}` and `%{python2}` are made of: defining them as themselves would recurse. */
const INTERPRETER_MACROS: ReadonlySet<string> = new Set(['__python3', 'python3', '__python2', 'python2', '__python', 'python']);

function selfReferential(line: ExpandedLine, pattern: Pattern): boolean {
  return line.line.kind === 'macro-definition' && INTERPRETER_MACROS.has(line.line.name.text)
    && (pattern.python3?.startsWith('%{python') ?? false) && !pattern.python3!.includes('/');
}

/** Every pattern holds `python` or `-py`: most lines hold neither and need no regex run. */
function mayMatch(text: string): boolean {
  return text.includes('python') || text.includes('-py');
}


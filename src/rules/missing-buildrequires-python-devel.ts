import { makeFix } from '../fix/edit.js';
import { pythonMacroPackage } from '../macros/builtins/python-packages.js';
import { MacroExpander } from '../macros/expand.js';
import { type ExpandedLine, isPlain } from '../macros/spec-expander.js';
import { isInPythonDir, pythonDirVersion } from '../model/python-paths.js';
import type { Line, MacroText, Span } from '../parse/cst.js';
import { textsOfLine } from '../parse/texts-of-line.js';
import { defineRule } from './define-rule.js';
import { isInterpreterPackage } from './utils/interpreter-package.js';
import { type BuildRequire, buildRequires } from './utils/build-requires.js';
import { insertAfterLine } from './utils/insert-after-line.js';
import { preambleAnchors } from './utils/preamble-anchors.js';

/** Packages whose macros need python3-devel in the buildroot (python-srpm-macros is always there). */
const NEEDS_DEVEL = new Set(['python3-rpm-macros', 'python-rpm-macros', 'pyproject-rpm-macros']);
/** Python tools that build documentation or generate C code: requiring them is not building Python. */
const BUILD_TOOLS = /^python3(dist\()?-?(sphinx|docutils|recommonmark|myst-parser|markdown|pygments|mako|jinja2|breathe|lxml|pyyaml|PyYAML)/i;

/**
 * Names that satisfy the requirement; `python3`, `python3-libs` and `python3dist(…)` do not.
 * The Python 2 names belong to Python 2 packages, which PY006 and PY007 are about.
 */
const DEVEL = /^(python3(\.\d+)?-devel|python3\d+-devel|pypy3?(\.\d+)?-devel|python2?-devel|python27-devel)$/;

export default defineRule({
  id: 'PY003',
  name: 'missing-buildrequires-python-devel',
  severity: 'error',
  fixable: 'sometimes',
  tags: ['python', 'buildrequires'],
  messages: {
    missing: (d: { reason: string }) => `The spec uses Python (${d.reason}) but does not BuildRequire python3-devel`,
  },
  docs: {
    summary: 'A Python package does not BuildRequire python3-devel',
    explanation: [
      'The Fedora Python Guidelines require `BuildRequires: python3-devel` in every package that builds',
      'with Python: it brings the interpreter, python3-rpm-macros and pyproject-rpm-macros, without which',
      '`%{python3_sitelib}`, `%py3_build` or `%pyproject_wheel` stay undefined and the build fails.',
      'A spec whose `%generate_buildrequires` runs `%pyproject_buildrequires` gets it generated. The fix',
      'adds the line after a tag of the main preamble; a tag whose expansion holds a conditional line (an',
      '`%if` inside a multi-line `%(…)`) is not followed, and without another tag there is no fix.',
    ].join('\n'),
    bad: ['Name:           quokka', 'BuildArch:      noarch', 'BuildRequires:  python3', '%files -n python3-quokka', '%{python3_sitelib}/quokka/', ''].join('\n'),
    good: ['Name:           quokka', 'BuildArch:      noarch', 'BuildRequires:  python3', 'BuildRequires:  python3-devel', '%files -n python3-quokka', '%{python3_sitelib}/quokka/', ''].join('\n'),
    link: 'https://docs.fedoraproject.org/en-US/packaging-guidelines/Python/#_mandatory_macros',
  },
  *check(ctx) {
    const { expansion } = ctx;
    // The interpreter's own package builds Python itself.
    if (isInterpreterPackage(expansion)) return;
    const requires = buildRequires(expansion);
    if (requires.some((br) => DEVEL.test(br.name))) return;
    // %pyproject_buildrequires (also through BuildSystem: pyproject) generates python3-devel.
    if (generatesBuildRequires(expansion.lines, ctx.source)) return;
    const use = firstPythonUse(expansion.lines, requires, ctx.buildroot.installed.filter((i) => i.state === 'active').map((i) => ({ path: i.path, span: i.span })));
    if (use === null) return;
    const anchor = insertionPoint(expansion.lines);
    const name = expansion.lines.some((l) => l.state !== 'inactive' && l.line.kind === 'macro-definition' && l.line.name.text === 'python3_pkgversion')
      ? 'python%{python3_pkgversion}-devel'
      : 'python3-devel';
    const fix = anchor === null ? undefined : makeFix(`Add BuildRequires: ${name}`, 'safe', [insertAfterLine(anchor.line, `${anchor.prefix}${name}`, ctx.eol)]);
    yield ctx.report('missing', { reason: use.reason }, use.span, fix === undefined ? {} : { fix });
  },
});

function generatesBuildRequires(lines: readonly ExpandedLine[], source: string): boolean {
  return lines.some((l) => {
    if (l.state === 'inactive') return false;
    return (l.section.name === 'generate_buildrequires' && /%\{?pyproject_buildrequires\b/.test(source.slice(l.line.span.start, l.line.span.end)))
      || (l.line.kind === 'tag' && /^buildsystem$/i.test(l.line.name.text) && /pyproject/.test(l.expanded?.text ?? ''));
  });
}

/** The first sign that the spec builds with Python 3, and where it is. */
function firstPythonUse(lines: readonly ExpandedLine[], requires: readonly BuildRequire[], installed: readonly { path: string; span: Span }[]): { reason: string; span: Span } | null {
  const requiredOn = new Map<ExpandedLine, string[]>();
  for (const { name, line } of requires) {
    const names = requiredOn.get(line);
    if (names === undefined) requiredOn.set(line, [name]);
    else names.push(name);
  }
  const refs: NamedRef[] = [];
  for (const l of lines) {
    if (l.state !== 'active') continue;
    refs.length = 0;
    // Most lines name no macro; their trees need no walk.
    if (!isPlain(l)) for (const text of textsOfLine(l.line)) collectRefs(text, refs);
    for (const ref of refs) {
      const pkg = pythonMacroPackage(ref.name);
      if (pkg !== undefined && NEEDS_DEVEL.has(pkg)) return { reason: `%${ref.name}`, span: ref.span };
      if ((ref.name === 'python3' || ref.name === '__python3') && SCRIPT_SECTIONS.has(l.section.name)) return { reason: `%${ref.name}`, span: ref.span };
    }
    // Building with Python modules means building with Python; a runtime Requires does not.
    const names = requiredOn.get(l);
    if (names !== undefined && l.line.kind === 'tag' && l.line.value !== null) {
      const python = names.find((n) => /^python3(\.\d+)?(-|dist\()/.test(n) && !DEVEL.test(n) && !BUILD_TOOLS.test(n));
      if (python !== undefined) return { reason: `requires ${python}`, span: l.line.value.span };
    }
  }
  const inPythonDir = installed.find((i) => isInPythonDir(i.path) && pythonDirVersion(i.path)?.startsWith('3') === true);
  return inPythonDir === undefined ? null : { reason: `installs into ${inPythonDir.path}`, span: inPythonDir.span };
}

/** Where the fix goes: after the last unconditional BuildRequires of the main preamble, in its alignment. */
function insertionPoint(lines: readonly ExpandedLine[]): { line: Line; prefix: string } | null {
  const tags = preambleAnchors(lines);
  const requires = tags.filter((l) => /^buildrequires$/i.test(l.line.name.text));
  const anchor = requires.at(-1) ?? tags.find((l) => /^buildarch$/i.test(l.line.name.text))
    ?? tags.find((l) => /^license$/i.test(l.line.name.text)) ?? tags.at(-1);
  if (anchor === undefined) return null;
  const alignment = requires.at(-1)?.line ?? anchor.line;
  return { line: anchor.line, prefix: alignedTag(alignment) };
}

/** `BuildRequires:` padded like the author's tag lines: `BuildRequires:  ` when they align values. */
function alignedTag(line: Line): string {
  if (line.kind !== 'tag' || line.value === null) return 'BuildRequires: ';
  const width = line.value.span.start - line.span.start;
  return 'BuildRequires:'.padEnd(Math.max(width, 'BuildRequires: '.length), ' ');
}

interface NamedRef {
  readonly name: string;
  readonly span: Span;
}

/** Where calling the interpreter means building with it. */
const SCRIPT_SECTIONS: ReadonlySet<string> = new Set(['build', 'install', 'check']);

/** Adds the references in `text` to `refs`, in order (no closures: this runs on every line). */
function collectRefs(text: MacroText | null, refs: NamedRef[]): void {
  if (text === null) return;
  for (const part of text.parts) {
    if (part.kind === 'macro') {
      // `%{?python_provide:…}` works without the macro, so it is no sign that the package needs it.
      if (part.flags.includes('?')) continue;
      if (part.name !== null) refs.push({ name: part.name.text, span: part.span });
      collectRefs(part.body, refs);
      collectRefs(part.args, refs);
    } else if (part.kind === 'shell' || part.kind === 'expr') {
      collectRefs(part.body, refs);
    }
  }
}

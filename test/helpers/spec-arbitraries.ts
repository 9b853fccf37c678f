import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORPUS_DIR, corpusSpecs, HAVE_CORPUS } from './corpus.js';
import { EXAMPLE_NAMES, EXAMPLES_DIR } from './examples.js';

/** Real spec files by name, so that a counterexample names its file instead of printing its bytes. */
export type SpecFiles = ReadonlyMap<string, Buffer>;

/** Every specs-examples/*.spec. */
export function exampleSpecBytes(): SpecFiles {
  return new Map(EXAMPLE_NAMES.map((n) => [`specs-examples/${n}`, readFileSync(join(EXAMPLES_DIR, n))]));
}

/**
 * A spread of real specs from ../shared/corpus: every `step`th file, the largest left out so a
 * fuzz case stays in milliseconds (test/engine/corpus-lint.test.ts lints them all). Empty, with
 * the reason, when the corpus is absent.
 */
export function corpusSampleBytes(step: number, maxBytes: number): { samples: SpecFiles; skipped: string | null } {
  if (!HAVE_CORPUS) return { samples: new Map(), skipped: `${CORPUS_DIR} is absent` };
  const samples = corpusSpecs().filter((_, i) => i % step === 0)
    .map((p): [string, Buffer] => [`corpus/${p}`, readFileSync(join(CORPUS_DIR, p))])
    .filter(([, bytes]) => bytes.length <= maxBytes);
  return { samples: new Map(samples), skipped: null };
}

// Characters parsers and encoders get wrong: NUL, lone surrogates, a BOM in the middle, the
// private-use marks the expander uses for unknown text (U+E000/U+E001) and for %{quote:}
// (U+001F), non-BMP text, C1/latin-1 bytes as a latin-1 read gives them, and blanks that `\s`
// matches but the shell does not (a no-break space once hung the shell-word splitter).
const AWKWARD_CHARS = [
  '\0', '\uD800', '\uDFFF', '\uFEFF', '\uE000', '\uE001', '\u001F', '\u00E9', '\u00FF', '\u0085', '\u65E5\u672C', '\u{1F40D}',
  '\t', '\r', '\\', '\u000B', '\f', '\u00A0', '\u2028', '\u3000',
];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('foo', 'python3', 'x86_64', '1.0', '/usr/share/foo', 'bar.py', '*.py', '-n', '-f', '--', '0', '1', '>=', '&&', '||', '"', "'", '#', 'v"3.9"') },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const macroName = fc.constantFrom(
  'name', 'version', 'release', 'x', 'a', 'b', 'with_tests', 'fedora', 'rhel', 'dist', '_bindir', '_datadir', 'buildroot',
  'python3', 'python3_sitelib', 'python3_version', 'py_byte_compile', 'py3_build', 'pyproject_wheel', 'SOURCE0', 'nil',
  'expand', 'quote', 'basename', 'shrink', 'defined', 'undefined', 'getenv', 'exists', 'load', 'dnl', 'undefine', 'macrobody',
  'bcond_with', 'with', 'without', 'setup', 'autosetup', 'autopatch', 'error', 'warn', '1', '*', '**', '#', '-f', '-f*', '0',
);

/** Macro text with nesting: references, conditionals, %{expand:}, shell, Lua, expressions. */
const { macroText } = fc.letrec<{ macroText: string; piece: string }>((tie) => ({
  macroText: fc.array(tie('piece'), { maxLength: 4 }).map((pieces) => pieces.join('')),
  piece: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    word,
    word.map((w) => ` ${w}`),
    macroName.map((n) => `%${n}`),
    macroName.map((n) => `%{${n}}`),
    fc.tuple(fc.constantFrom('?', '!?', '?!', '!'), macroName, tie('macroText')).map(([q, n, body]) => `%{${q}${n}:${body}}`),
    fc.tuple(macroName, tie('macroText')).map(([n, args]) => `%{${n} ${args}}`),
    tie('macroText').map((body) => `%{expand:${body}}`),
    tie('macroText').map((body) => `%(${body})`),
    tie('macroText').map((body) => `%[${body}]`),
    fc.constantFrom('print("x")', 'os.execute("true")', 'for i=1,3 do print(i) end', 'rpm.expand("%{name}")', '}', '{').map((lua) => `%{lua:${lua}}`),
    fc.constantFrom('%{', '%(', '%[', '}', ')', ']', '%%', '%', '\\', '%{}', '%{?}', '%{:}', '%{ }'),
  ),
}));

const sectionHeader = fc.oneof(
  fc.constantFrom('%prep', '%build', '%install', '%check', '%files', '%changelog', '%description', '%generate_buildrequires', '%post', '%preun', '%pretrans -p <lua>', '%sourcelist', '%patchlist', '%conf', '%instal', '%FILES'),
  fc.tuple(fc.constantFrom('%package', '%files', '%description', '%post'), fc.constantFrom(' -n python3-foo', ' devel', ' -f files.lst', ' -n %{name}-doc', '')).map(([s, a]) => s + a),
);

const tagLine = fc.tuple(
  fc.constantFrom('Name', 'Version', 'Release', 'Summary', 'License', 'URL', 'Source0', 'Source', 'Source1', 'Patch0', 'Patch', 'Patch3', 'BuildRequires', 'Requires', 'Requires(post)', 'Provides', 'BuildArch', 'BuildRequries', 'Obsoletes', '%{name}'),
  fc.constantFrom(':', ': ', ':\t', ' :  '),
  macroText,
).map(([tag, colon, value]) => `${tag}${colon}${value}`);

const definitionLine = fc.tuple(
  fc.constantFrom('%global', '%define', '%undefine', '%{!?x:%global', '%global\t'),
  fc.constantFrom(' ', '\t'),
  fc.constantFrom('x', 'a', 'b', 'name', 'f(a:b)', 'g(n)', 'py_byte_compile', '_bindir', 'with_tests', '1bad', ''),
  fc.constantFrom(' ', '\t', ''),
  fc.array(macroText, { maxLength: 3 }).map((parts) => parts.join(' \\\n')),
).map(([kw, sep, n, sep2, body]) => `${kw}${sep}${n}${sep2}${body}${kw.startsWith('%{') ? '}' : ''}`);

const conditionalLine = fc.oneof(
  fc.tuple(fc.constantFrom('%if', '%elif', '%if 0%{?fedora} >=', '%if %{with', '%if !', '%ifarch', '%ifnarch', '%elifarch', '%ifos'), macroText).map(([kw, c]) => `${kw} ${c}`),
  fc.constantFrom('%if 0', '%if 1', '%if', '%else', '%endif', '%endif # comment', '  %endif', '%elif 1', '%if 0%{?rhel} && 0%{?rhel} < 8', '%if "%{name}" == "foo"', '%if v"%{version}" > v"1.0"'),
);

/** `arbitrary`'s value one time in `n`, null the other times (fc.option cannot make null the likelier). */
const oneTimeIn = <T>(n: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const shellLine = fc.tuple(
  fc.constantFrom(
    'install -m644 foo.py %{buildroot}%{_datadir}/foo/', 'cp -a lib %{buildroot}/usr/share/x', 'mkdir -p $RPM_BUILD_ROOT/usr/lib/foo',
    '%py_byte_compile %{python3} %{buildroot}%{_datadir}/foo', '%py_byte_compile /usr/bin/python2 %{buildroot}/usr/share/foo', '%{python3} setup.py build',
    './configure \\', '%setup -q', '%autosetup -p1', '%patch0 -p1', '%patch -P1', '%pyproject_wheel', '%pyproject_buildrequires', '%py3_install',
    '%global __python %{__python3}', '%undefine __brp_python_bytecompile', '%global _python_bytecompile_extra 0', 'sed -i "s|/usr/bin/python2.7|%{python3}|" x',
  ),
  // Mostly the command alone: a random tail would spoil most destinations the rules look for.
  oneTimeIn(3, macroText),
).map(([cmd, rest]) => (rest === null ? cmd : `${cmd} ${rest}`));

const filesLine = fc.tuple(
  fc.constantFrom('', '%doc ', '%license ', '%dir ', '%ghost ', '%exclude ', '%config(noreplace) ', '%attr(0644,root,root) ', '%{python3_sitelib}/', '%{_datadir}/foo/', '/usr/lib/python3.9/site-packages/'),
  fc.constantFrom('foo', '*.py', 'bar.py', '__pycache__', 'foo/', '%{name}', 'README.md', 'x.py*'),
).map(([a, b]) => a + b);

const changelogLine = fc.tuple(
  fc.constantFrom('* Mon Jan 01 2024 A <a@b> - 1-1', '* Thu Feb 30 2023 Ren\u00E9 M\u00FCller <r@x> - 2.0-1', '- Fix %{name} build', '- 100% more %', '*'),
  fc.constantFrom('', ' ', '\u65E5\u672C\u8A9E', '\u00E9'),
).map(([a, b]) => a + b);

/** Definitions that recurse or grow, so that the expansion limits are reached, not just approached. */
const runawayDefinition = fc.oneof(
  fc.constantFrom(
    '%define a %{a}%{a}', '%global b %{b}%{b}', '%global b x%{b}%{b}%{b}%{b}', '%define r %r', '%define r %{expand:%r}',
    '%define a %b\n%define b %a', '%define f(a:b) %{f -a %*}', '%global x %{?x:%{x}%{x}}%{!?x:xx}', '%define big %{b}%{b}%{b}%{b}%{b}%{b}%{b}%{b}',
  ),
  // Each line quadruples %g: past the fuzzer's small output budget within a few lines.
  fc.integer({ min: 1, max: 8 }).map((times) => `%global g 0123456789\n${'%global g %{g}%{g}%{g}%{g}\n'.repeat(times)}%{g}`),
);

/** `# speclint: disable…` comments, well-formed or not, naming rules that exist or do not. */
const suppressionPragma = fc.tuple(
  fc.constantFrom('# speclint: disable=', '# speclint: disable-file=', '#speclint:disable=', '# speclint: disable', '# speclint: enable=', '  # speclint: disable='),
  fc.array(fc.constantFrom('PY001', 'PY002', 'PY003', 'SP007', 'SL001', 'hardcoded-python-version', 'no-such-rule', '', ' ', '%{name}'), { maxLength: 3 }),
  fc.constantFrom('', ' -- why', ' --', '\\'),
).map(([head, codes, reason]) => `${head}${codes.join(',')}${reason}`);

/** One line of text without its end: any of the kinds above, macro text, or noise. */
const specLine = fc.oneof(
  { weight: 2, arbitrary: sectionHeader },
  { weight: 4, arbitrary: tagLine },
  { weight: 3, arbitrary: definitionLine },
  { weight: 1, arbitrary: runawayDefinition },
  { weight: 3, arbitrary: conditionalLine },
  { weight: 3, arbitrary: shellLine },
  { weight: 2, arbitrary: filesLine },
  { weight: 1, arbitrary: changelogLine },
  { weight: 3, arbitrary: macroText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '#', '# %{name} %(touch x)', '%dnl a comment', '%include foo.inc') },
  { weight: 1, arbitrary: suppressionPragma },
);

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', ' \\\n', '\\\n', '\r', '');

const physicalLine = (line: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('', '', '', ' ', '\t'), line, lineEnd).map(([indent, text, end]) => indent + text + end);

/** Lines in any order: sections, tags and conditionals where rpm would never expect them. */
const shuffledSpec = fc.array(physicalLine(specLine), { maxLength: 40 }).map((lines) => lines.join(''));

/**
 * Lines in the order of a real spec (preamble, %prep, %build, %install, %files, %changelog),
 * each section with lines of its own kind and some of any kind, so that the rules see the
 * structures they look for (an %install that installs .py files, a %files that ships them).
 */
const orderedSpec = fc.record({
  preamble: fc.array(physicalLine(fc.oneof({ weight: 5, arbitrary: tagLine }, definitionLine, conditionalLine, runawayDefinition)), { maxLength: 12 }),
  build: fc.array(physicalLine(fc.oneof(shellLine, conditionalLine, macroText)), { maxLength: 6 }),
  install: fc.array(physicalLine(fc.oneof({ weight: 3, arbitrary: shellLine }, conditionalLine, definitionLine)), { maxLength: 10 }),
  files: fc.array(physicalLine(fc.oneof({ weight: 3, arbitrary: filesLine }, conditionalLine)), { maxLength: 8 }),
  changelog: fc.array(physicalLine(changelogLine), { maxLength: 4 }),
  anywhere: fc.array(fc.tuple(fc.nat(), physicalLine(specLine)), { maxLength: 3 }),
}).map(({ preamble, build, install, files, changelog, anywhere }) => {
  const lines = [...preamble, '%description\n', 'text\n', '%prep\n', '%autosetup\n', '%build\n', ...build, '%install\n', ...install, '%files\n', ...files, '%changelog\n', ...changelog];
  for (const [at, line] of anywhere) lines.splice(at % (lines.length + 1), 0, line);
  return lines.join('');
});

/**
 * A well-formed Python spec built from the shapes the Python rules look for: private modules
 * installed and shipped, %py_byte_compile with this or that interpreter, directory and section,
 * switches of automatic byte-compilation, reproducible .pyc paths, BuildRequires present or not,
 * sometimes inside a conditional. Noise-free, so that every rule's finding and fix is reached.
 */
const privateDir = fc.constantFrom('%{_datadir}/%{name}', '%{_datadir}/foo/plugins', '%{_libexecdir}/foo', '/usr/lib/foo', '%{appdir}', '/opt/foo');
const pythonDir = fc.constantFrom('%{python3_sitelib}', '%{python3_sitearch}', '/usr/lib/python3.9/site-packages', '%{python_sitelib}', '/usr/lib/python%{python3_version}/site-packages');
const interpreter = fc.constantFrom('%{python3}', '%{__python3}', '%{__python2}', '%{__python}', '/usr/bin/python3', '/usr/bin/python3.9', '/usr/bin/python2', 'python3');
const installModules = fc.tuple(fc.oneof(privateDir, pythonDir), fc.constantFrom(
  (d: string) => `install -m644 plugins/*.py %{buildroot}${d}/`,
  (d: string) => `install -Dm644 foo.py %{buildroot}${d}/foo.py`,
  (d: string) => `cp -a lib %{buildroot}${d}/`,
  (d: string) => `cp -pr src/*.py $RPM_BUILD_ROOT${d}`,
  (d: string) => `mkdir -p %{buildroot}${d}`,
  (d: string) => `install -d %{buildroot}${d}`,
)).map(([dir, command]) => command(dir));
const byteCompile = fc.tuple(interpreter, fc.constantFrom('%{buildroot}', '', '$RPM_BUILD_ROOT'), fc.oneof(privateDir, pythonDir), fc.constantFrom('', ' extra'))
  .map(([python, root, dir, extra]) => `%py_byte_compile ${python} ${root}${dir}${extra}`);
const switchLine = fc.constantFrom(
  '%global _python_bytecompile_extra 0', '%global _python_bytecompile_extra 1', '%undefine __brp_python_bytecompile',
  '%global __brp_python_bytecompile %{nil}', '%global __os_install_post %{nil}', '%global py_reproducible_pyc_path %{buildroot}%{python3_sitelib}',
  '%global py_reproducible_pyc_path %{buildroot}%{_datadir}/foo', '%global appdir %{_datadir}/%{name}', '%global pyver 3.9', '%global __python %{__python3}',
  '%global __python /usr/bin/python3', '%global python3_pkgversion 36', '%global _python_bytecompile_errors_terminate_build 0',
);
const buildRequires = fc.constantFrom(
  'python3-devel', 'python3-devel', 'python%{python3_pkgversion}-devel', 'python3', 'python3-setuptools', 'python3dist(setuptools)', '/usr/bin/marshalparser',
  'python2-devel', 'pyproject-rpm-macros', 'gcc',
);
const shippedLine = fc.oneof(
  fc.oneof(privateDir, pythonDir).map((dir) => `${dir}/`),
  fc.oneof(privateDir, pythonDir).map((dir) => `${dir}/*.py`),
  fc.constantFrom('%{_bindir}/foo', '%license LICENSE', '%doc README.md', '%{python3_sitelib}/foo-*.dist-info/', '%dir %{_datadir}/%{name}', '%{_datadir}/%{name}/__pycache__/'),
);
/** Wraps the lines in `%if … %endif` one time in three, as specs switch Python stacks. */
const maybeConditional = (lines: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> => fc.tuple(
  lines,
  oneTimeIn(3, fc.constantFrom('%if 0%{?fedora}', '%if 0%{?rhel} && 0%{?rhel} < 8', '%if %{with python3}', '%ifarch x86_64', '%if 0')),
).map(([body, condition]) => (condition === null ? body : [condition, ...body, '%endif']));

/** The lines of a Python spec, with no noise: everything in it is a shape some rule looks for. */
const pythonSpecLines = fc.record({
  definitions: fc.array(switchLine, { maxLength: 2 }),
  requires: maybeConditional(fc.array(buildRequires.map((br) => `BuildRequires:  ${br}`), { maxLength: 3 })),
  build: fc.array(fc.constantFrom('%py3_build', '%pyproject_wheel', '%{python3} setup.py build', 'make'), { maxLength: 2 }),
  install: maybeConditional(fc.tuple(fc.array(installModules, { minLength: 1, maxLength: 4 }), fc.array(byteCompile, { maxLength: 2 }), oneTimeIn(4, switchLine))
    .map(([installs, calls, switches]) => [...installs, ...calls, ...(switches === null ? [] : [switches])])),
  check: fc.array(fc.oneof(byteCompile, fc.constant('%pytest')), { maxLength: 1 }),
  files: fc.array(shippedLine, { minLength: 1, maxLength: 4 }),
}).map(({ definitions, requires, build, install, check, files }) => [
  ...definitions, 'Name:           foo', 'Version:        1.0', 'Release:        1%{?dist}', 'Summary:        Foo', 'License:        MIT', ...requires,
  '%description', 'Foo.', '%prep', '%autosetup', '%build', ...build, '%install', ...install,
  ...(check.length === 0 ? [] : ['%check', ...check]), '%files', ...files, '%changelog', '* Mon Jan 01 2024 A <a@b> - 1.0-1', '- Initial',
]);

/** A well-formed Python spec: every fix a rule offers in it must apply (test/robustness/fuzz.test.ts). */
export const pythonSpec = pythonSpecLines.map((lines) => lines.map((line) => `${line}\n`).join(''));

/** The same with a line of any kind, noise included, somewhere in it. */
const pythonSpecWithNoise = fc.tuple(pythonSpecLines, fc.nat(), specLine).map(([lines, at, noise]) => {
  const spliced = [...lines];
  spliced.splice(at % (lines.length + 1), 0, noise);
  return spliced.map((line) => `${line}\n`).join('');
});

/** Spec-like text: lines with mixed line ends, tabs, non-ASCII text, and sometimes a byte-order mark. */
export const specLikeText = fc.tuple(fc.constantFrom('', '', '', '\uFEFF'), fc.oneof(shuffledSpec, orderedSpec, pythonSpec, pythonSpecWithNoise)).map(([bom, text]) => bom + text);

/** A line of spec-like text, for splicing into a real spec. */
export const specLikeLine = specLine;

type Mutation =
  | { readonly kind: 'delete-line' | 'duplicate-line' | 'to-crlf' | 'to-lf'; readonly at: number }
  | { readonly kind: 'swap-lines'; readonly at: number; readonly other: number }
  | { readonly kind: 'insert-line'; readonly at: number; readonly line: string }
  | { readonly kind: 'insert-chars'; readonly at: number; readonly chars: string }
  | { readonly kind: 'delete-range'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const latin1Chars = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }).map((codes) => String.fromCharCode(...codes));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'to-crlf', 'to-lf'), at: fraction }),
  fc.record({ kind: fc.constant('swap-lines'), at: fraction, other: fraction }),
  fc.record({ kind: fc.constant('insert-line'), at: fraction, line: specLine }),
  fc.record({ kind: fc.constant('insert-chars'), at: fraction, chars: fc.oneof(latin1Chars, fc.constantFrom(...AWKWARD_CHARS), macroText) }),
  fc.record({ kind: fc.constant('delete-range'), at: fraction, length: fc.nat({ max: 300 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fraction }),
) as fc.Arbitrary<Mutation>;

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

/** Applies mutations in order; line operations work on lines with their ends. */
export function mutate(text: string, edits: readonly Mutation[]): string {
  return edits.reduce((current, edit) => {
    const lines = current.split(/(?<=\n)/);
    const line = Math.floor(edit.at * lines.length);
    const offset = Math.floor(edit.at * current.length);
    switch (edit.kind) {
      case 'delete-line': lines.splice(line, 1); return lines.join('');
      case 'duplicate-line': lines.splice(line, 0, lines[line] ?? ''); return lines.join('');
      case 'to-crlf': lines[line] = (lines[line] ?? '').replace(/\r?\n$/, '\r\n'); return lines.join('');
      case 'to-lf': lines[line] = (lines[line] ?? '').replace(/\r?\n$/, '\n'); return lines.join('');
      case 'swap-lines': {
        const other = Math.floor(edit.other * lines.length);
        [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
        return lines.join('');
      }
      case 'insert-line': lines.splice(line, 0, `${edit.line}\n`); return lines.join('');
      case 'insert-chars': return current.slice(0, offset) + edit.chars + current.slice(offset);
      case 'delete-range': return current.slice(0, offset) + current.slice(offset + edit.length);
      case 'truncate': return current.slice(0, offset);
    }
    return current;
  }, text);
}

type ByteMutation =
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'overwrite'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number };

/** Byte edits that make text invalid UTF-8, cut a multi-byte sequence, or add NUL and BOM bytes. */
export const byteMutations = fc.array(fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0xe9], [0x00], [0xff, 0xfe], [0xf0, 0x9f, 0x90], [0x0d, 0x0a], [0xed, 0xa0, 0x80]),
    ),
  }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fraction, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
), { minLength: 1, maxLength: 4 });

export function mutateBytes(bytes: Buffer, edits: readonly ByteMutation[]): Buffer {
  return edits.reduce((current, edit) => {
    const at = Math.floor(edit.at * current.length);
    switch (edit.kind) {
      case 'insert': return Buffer.concat([current.subarray(0, at), Buffer.from(edit.bytes), current.subarray(at)]);
      case 'overwrite': {
        const copy = Buffer.from(current);
        if (at < copy.length) copy[at] = edit.byte;
        return copy;
      }
      case 'truncate': return current.subarray(0, at);
    }
    return current;
  }, bytes);
}

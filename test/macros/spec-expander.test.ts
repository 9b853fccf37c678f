import { describe, expect, it } from 'vitest';
import { printRpmspec } from '../../src/macros/rpmspec-output.js';
import { sourceOf } from '../../src/macros/source-map.js';
import { type ExpandedLine, expandSpec } from '../../src/macros/spec-expander.js';
import { findTarget } from '../../src/macros/targets.js';
import { parseSpec } from '../../src/parse/index.js';
import { spec } from '../helpers/spec.js';

function expand(text: string, target = 'fedora') {
  return expandSpec(parseSpec(text).file, findTarget(target)!);
}

function lineWith(lines: readonly ExpandedLine[], needle: string, text: string): ExpandedLine {
  const found = lines.find((l) => text.slice(l.line.span.start, l.line.span.end).includes(needle));
  if (found === undefined) throw new Error(`no line with ${needle}`);
  return found;
}

describe('expanding a spec for a target', () => {
  it('resolves the standard and Python macros per target', () => {
    const text = 'Name: quokka\n%global mydir %{_datadir}/%{name}\n%description\n%{mydir} %{python3_sitelib} %{?dist}\n';
    const byTarget = ['fedora', 'el9', 'el8', 'el7'].map((t) => lineWith(expand(text, t).lines, '%{mydir}', text).expanded?.text);
    expect(byTarget).toEqual([
      '/usr/share/quokka /usr/lib/python3.14/site-packages .fc44',
      '/usr/share/quokka /usr/lib/python3.9/site-packages .el9',
      '/usr/share/quokka /usr/lib/python3.6/site-packages .el8',
      '/usr/share/quokka /usr/lib/python3.6/site-packages .el7',
    ]);
  });

  it('takes the conditional branch the target takes, and marks the others inactive', () => {
    const text = spec`
      Name: quokka
      %if 0%{?rhel} && 0%{?rhel} < 8
      Requires: python2
      %else
      Requires: python3
      %endif
      %ifarch x86_64
      Requires: fast
      %endif
    `;
    const states = (target: string) => {
      const lines = expand(text, target).lines;
      return ['python2', 'python3', 'fast'].map((n) => lineWith(lines, `Requires: ${n}`, text).state);
    };
    expect(states('el7')).toEqual(['active', 'inactive', 'active']);
    expect(states('fedora')).toEqual(['inactive', 'active', 'active']);
  });

  it('leaves a condition on %(…) output undecided, and both branches visible', () => {
    const text = 'Name: q\n%if %(test -x /usr/bin/foo && echo 1 || echo 0)\nRequires: foo\n%else\nRequires: bar\n%endif\nRequires: baz\n';
    const lines = expand(text).lines;
    expect(['foo', 'bar', 'baz'].map((n) => lineWith(lines, `Requires: ${n}`, text).state)).toEqual(['undecided', 'undecided', 'active']);
  });

  it('defines %{name}, %{version}, %{SOURCE0} and the like from tags, as rpm does', () => {
    const text = 'Name: quokka\nVersion: 1.2\nRelease: 3%{?dist}\nSource0: https://example.org/dl/quokka-%{version}.tar.gz\nSource: extra.txt\n%description\n%{name}-%{version}-%{release} %{SOURCE0} %{SOURCE1} %{SOURCEURL0}\n';
    const { lines, sources } = expand(text);
    expect(lineWith(lines, '%{name}-', text).expanded?.text)
      .toBe('quokka-1.2-3.fc44 /builddir/build/SOURCES/quokka-1.2.tar.gz /builddir/build/SOURCES/extra.txt https://example.org/dl/quokka-1.2.tar.gz');
    expect(sources.map((s) => [s.kind, s.number, s.name])).toEqual([['source', 0, 'quokka-1.2.tar.gz'], ['source', 1, 'extra.txt']]);
  });

  it('maps expanded text back to what the author wrote', () => {
    const text = 'Name: quokka\n%install\ncp -a x %{buildroot}%{_datadir}/%{name}/\n';
    const line = lineWith(expand(text).lines, 'cp -a', text);
    const expanded = line.expanded!;
    const at = expanded.text.indexOf('/usr/share');
    const span = sourceOf(expanded, at, at + '/usr/share'.length)!;
    expect(text.slice(span.start, span.end)).toBe('%{_datadir}');
    const literal = sourceOf(expanded, 0, 5)!;
    expect(text.slice(literal.start, literal.end)).toBe('cp -a');
  });

  it('reports a macro error with the line it comes from', () => {
    const text = 'Name: q\n%description\n%{python_sitelib}\n';
    const { diagnostics } = expand(text);
    expect(diagnostics.map((d) => [d.severity, d.message, text.slice(d.line.span.start, d.line.span.end)])).toEqual([
      ['error', 'attempt to use unversioned python, define %__python to /usr/bin/python2 or /usr/bin/python3 explicitly', '%{python_sitelib}\n'],
    ]);
  });

  it('stops a macro bomb in the spec quickly, with a diagnostic', () => {
    const definitions = Array.from({ length: 60 }, (_, i) => `%global a${i + 1} %%{a${i}}%%{a${i}}`).join('\n');
    const text = `%global a0 xx\n${definitions}\nName: q\n%description\n%{a60}\n`;
    const started = performance.now();
    const { diagnostics } = expand(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diagnostics.some((d) => d.kind === 'limit')).toBe(true);
  });

  it('prints what rpmspec -P prints for a small spec', () => {
    const text = spec`
      # comment
      %global srcname quokka
      Name: python-%{srcname}
      Version: 1.0
      Release: 1%{?dist}
      Source0: %{srcname}-%{version}.tar.gz
      %if 0
      Requires: never
      %endif
      %description
      Text.
      %prep
      %setup -q -n %{srcname}-%{version}
      %build
      %py3_build
      %files
      # gone
      %license LICENSE
    `;
    expect(printRpmspec(expand(text, 'el9'))).toBe([
      '', '', 'Name: python-quokka', 'Version: 1.0', 'Release: 1.el9', 'Source0: quokka-1.0.tar.gz', '', '', '',
      '%description', 'Text.', '%prep',
      "cd '/builddir/build/BUILD'", "rm -rf 'quokka-1.0'", '/usr/lib/rpm/rpmuncompress -x /builddir/build/SOURCES/quokka-1.0.tar.gz',
      'STATUS=$?', 'if [ $STATUS -ne 0 ]; then', '  exit $STATUS', 'fi', "cd 'quokka-1.0'", '/usr/bin/chmod -Rf a+rX,u+w,g-w,o-w .',
      'CFLAGS="${CFLAGS:-${RPM_OPT_FLAGS}}" LDFLAGS="${LDFLAGS:-${RPM_LD_FLAGS}}" /usr/bin/python3 setup.py  build --executable="/usr/bin/python3 -s" ',
      '%files', '%license LICENSE', '',
    ].join('\n'));
  });
});

describe('sections rpm records lines of', () => {
  it('numbers each line of %sourcelist and %patchlist on from the tags, a plain line as any other', () => {
    const text = 'Name: q\nSource0: q.tar.gz\n%sourcelist\nhttps://example.org/extra.tar.gz\n# a comment\n\n%patchlist\nfix-%{name}.patch\nplain.patch\n';
    const { sources } = expand(text);
    expect(sources.map((s) => `${s.kind}${s.number} ${s.name}`)).toEqual(['source0 q.tar.gz', 'source1 extra.tar.gz', 'patch0 fix-q.patch', 'patch1 plain.patch']);
  });
});

describe('macros speclint implements in place of rpm\'s', () => {
  it('leaves the name undefined after one %undefine, as rpm\'s own definition would', () => {
    const text = 'Name: q\n%undefine autopatch\n%undefine py_byte_compile\n%build\n[%{?autopatch:yes}][%{?py_byte_compile:yes}]\n';
    expect(lineWith(expand(text).lines, '[%{?autopatch', text).expanded?.text).toBe('[][]');
  });
});

describe('%prep with text speclint did not run', () => {
  it('keeps %(…) in a %setup argument whole, so %{buildsubdir} is unknown rather than a piece of it', () => {
    const text = spec`
      Name: quokka
      Version: 1
      Source0: quokka.tar.gz
      %prep
      %setup -q -n %(echo "quokka 1")
      %build
      cd %{buildsubdir}
    `;
    const expansion = expand(text);
    const printed = printRpmspec(expansion).split('\n');
    expect(printed).toContain("rm -rf '%(echo \"quokka 1\")'");
    expect(printed).toContain("cd '%(echo \"quokka 1\")'");
    expect(printed).toContain('cd %(echo "quokka 1")');
    expect(expansion.diagnostics).toEqual([]);
  });
});

describe('target tables', () => {
  it('say which package defines each Python macro', () => {
    const { scope } = expand('Name: q\n');
    const origin = (name: string) => {
      const o = scope.get(name)?.origin;
      return o?.kind === 'target' ? o.package : o?.kind;
    };
    expect(['python3_sitelib', 'py_byte_compile', 'pyproject_wheel', 'pypi_source', '_datadir', 'dist'].map(origin))
      .toEqual(['python3-rpm-macros', 'python-rpm-macros', 'pyproject-rpm-macros', 'python-srpm-macros', 'rpm', 'fedora-release']);
  });
});

describe('definitions and build conditionals', () => {
  const valueOf = (text: string, needle: string, target = 'fedora') =>
    lineWith(expand(text, target).lines, needle, text).expanded?.text;

  it('expands %define when used and %global when defined', () => {
    const text = '%global v 1\n%define lazy %{v}\n%global eager %{v}\n%global v 2\nName: q\n%description\n%{lazy} %{eager}\n';
    expect(valueOf(text, '%{lazy}')).toBe('2 1');
  });

  it('stacks redefinitions, and %undefine uncovers the previous one', () => {
    const text = '%define x one\n%define x two\nName: q\n%description\n[%x]\n%undefine x\n[%x]\n%undefine x\n[%x]\n';
    const lines = expand(text).lines;
    expect(lines.filter((l) => l.line.kind === 'text').map((l) => l.expanded?.text)).toEqual(['[two]', '[one]', '[%x]']);
  });

  it('turns %bcond_with, %bcond_without and %bcond into %{with …}, and --define _with_x flips them', () => {
    const text = '%bcond_with docs\n%bcond_without tests\n%bcond lto 0\n%bcond check 1\nName: q\n%description\n%{with docs}%{with tests}%{with lto}%{with check}%{without docs}\n';
    expect(valueOf(text, '%{with docs}')).toBe('01011');
    const flipped = expandSpec(parseSpec(text).file, findTarget('fedora')!, { defines: ['_with_docs 1', '_without_tests 1'] });
    expect(lineWith(flipped.lines, '%{with docs}', text).expanded?.text).toBe('10010');
  });

  it('knows %{__python3} follows %python3_pkgversion, and EL8 accepts the compact spelling', () => {
    const text = '%global python3_pkgversion %{pv}\nName: q\n%description\n%{__python3} %{python3_sitearch}\n';
    expect(valueOf(text.replace('%{pv}', '3.12'), '%{__python3}', 'el9')).toBe('/usr/bin/python3.12 /usr/lib64/python3.12/site-packages');
    expect(valueOf(text.replace('%{pv}', '38'), '%{__python3}', 'el8')).toBe('/usr/bin/python3.8 /usr/lib64/python3.8/site-packages');
  });
});

import { describe, expect, it } from 'vitest';
import type { Line, SectionHeaderLine } from '../../src/parse/cst.js';
import { parseSpec } from '../../src/parse/index.js';
import { linesOf } from '../../src/parse/print.js';
import { spanOf, spec } from '../helpers/spec.js';

function lines(text: string): Line[] {
  return [...linesOf(parseSpec(text).file)];
}

function only<K extends Line['kind']>(text: string, kind: K): Extract<Line, { kind: K }> {
  const found = lines(text).filter((l) => l.kind !== 'blank');
  expect(found.map((l) => l.kind)).toEqual([kind]);
  return found[0] as Extract<Line, { kind: K }>;
}

function slice(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span === undefined ? undefined : text.slice(span.start, span.end);
}

describe('preamble tags', () => {
  it('splits a tag into name and value with exact spans', () => {
    const text = 'Name:           python-quokka\n';
    const tag = only(text, 'tag');
    expect(tag.span).toEqual({ start: 0, end: text.length });
    expect(tag.name).toEqual({ span: spanOf(text, 'Name'), text: 'Name' });
    expect(tag.value?.span).toEqual(spanOf(text, 'python-quokka'));
    expect(tag.eol).toBe('\n');
  });

  it('keeps a qualifier such as Requires(post)', () => {
    const text = 'Requires(post,postun): systemd\n';
    const tag = only(text, 'tag');
    expect(tag.name.text).toBe('Requires');
    expect(tag.qualifier).toEqual({ span: spanOf(text, 'post,postun'), text: 'post,postun' });
    expect(slice(text, tag.value?.span)).toBe('systemd');
  });

  it('reads numbered Source and Patch tags and rich dependencies', () => {
    const text = 'Source0: %{pypi_source}\nPatch12: fix.patch\nBuildRequires: (python3-devel or python3.12-devel)\n';
    const tags = lines(text).filter((l) => l.kind === 'tag');
    expect(tags.map((t) => t.kind === 'tag' && t.name.text)).toEqual(['Source0', 'Patch12', 'BuildRequires']);
    const rich = tags[2]!;
    expect(rich.kind === 'tag' && slice(text, rich.value?.span)).toBe('(python3-devel or python3.12-devel)');
  });

  it('parses %{?…} references inside a value', () => {
    const text = 'Release: 1%{?dist}\n';
    const tag = only(text, 'tag');
    expect(tag.value?.parts.map((p) => p.kind)).toEqual(['literal', 'macro']);
    const ref = tag.value!.parts[1]!;
    expect(ref.kind === 'macro' && [ref.flags, ref.name?.text, ref.span]).toEqual(['?', 'dist', spanOf(text, '%{?dist}')]);
  });

  it('does not read tags outside the preamble and %package', () => {
    const text = spec`
      %description
      Summary: this is prose
      %build
      Name: not a tag either
    `;
    expect(lines(text).map((l) => l.kind)).toEqual(['section-header', 'text', 'section-header', 'text']);
  });
});

describe('section headers', () => {
  const header = (text: string): SectionHeaderLine => only(text, 'section-header');

  it('reads %package -n with the name as macro text', () => {
    const text = '%package -n python3-%{srcname}\n';
    const h = header(text);
    expect(h.name).toBe('package');
    expect(h.keyword).toEqual({ span: spanOf(text, '%package'), text: '%package' });
    expect(h.options).toHaveLength(1);
    expect(h.options[0]!.flag.text).toBe('-n');
    expect(slice(text, h.options[0]!.value?.span)).toBe('python3-%{srcname}');
    expect(h.subpackage).toBeNull();
  });

  it('reads %files -f list -n name and a positional subpackage', () => {
    const text = '%files -f %{pyproject_files} -n python3-quokka\n%files devel\n';
    const [a, b] = lines(text) as SectionHeaderLine[];
    expect(a!.options.map((o) => [o.flag.text, slice(text, o.value?.span)])).toEqual([
      ['-f', '%{pyproject_files}'],
      ['-n', 'python3-quokka'],
    ]);
    expect(slice(text, b!.subpackage?.span)).toBe('devel');
  });

  it.each([
    'prep', 'build', 'install', 'check', 'clean', 'generate_buildrequires', 'conf', 'pre', 'post', 'preun',
    'postun', 'pretrans', 'posttrans', 'preuntrans', 'postuntrans', 'verifyscript', 'description', 'changelog',
  ])('recognises the %s section', (name) => {
    expect(header(`%${name}\n`).name).toBe(name);
  });

  it('reads scriptlets with -p and triggers with --', () => {
    const text = '%post -p /sbin/ldconfig\n%triggerin -n sub -- python3 >= 3.12\n%filetriggerin -P 1000 -- /usr/lib/python3\n';
    const [post, trigger, filetrigger] = lines(text) as SectionHeaderLine[];
    expect(post!.options.map((o) => [o.flag.text, slice(text, o.value?.span)])).toEqual([['-p', '/sbin/ldconfig']]);
    expect(trigger!.name).toBe('triggerin');
    expect(slice(text, trigger!.trigger?.span)).toBe('python3 >= 3.12');
    expect(filetrigger!.options[0]!.flag.text).toBe('-P');
    expect(slice(text, filetrigger!.trigger?.span)).toBe('/usr/lib/python3');
  });

  it('maps %trigger to triggerin and matches names case-insensitively, as rpm does', () => {
    expect(header('%trigger -- foo\n').name).toBe('triggerin');
    expect(header('%Description\n').name).toBe('description');
  });

  it('needs a word boundary: %prepare and %configure are not sections', () => {
    expect(lines('%configure --prefix=/usr\n%prepare\n').map((l) => l.kind)).toEqual(['text', 'text']);
  });
});

describe('macro definitions', () => {
  it('reads %global name and body', () => {
    const text = '%global srcname quokka\n';
    const d = only(text, 'macro-definition');
    expect([d.keyword.text, d.name.text, d.params, slice(text, d.body?.span)]).toEqual(['%global', 'srcname', null, 'quokka']);
  });

  it('reads parametric %define f(a:b) with its option string', () => {
    const text = '%define mkdir_p(m:v) install -d %{-m:-m %{-m*}} %1\n';
    const d = only(text, 'macro-definition');
    expect(d.params).toEqual({ span: spanOf(text, 'm:v'), text: 'm:v' });
    expect(d.body!.parts.filter((p) => p.kind !== 'literal').map((p) => text.slice(p.span.start, p.span.end)))
      .toEqual(['%{-m:-m %{-m*}}', '%1']);
  });

  it('continues a body over backslash-newline', () => {
    const text = '%global _description \\\nLine one\\\nline two.\nName: x\n';
    const [d, tag] = lines(text);
    expect(d!.kind).toBe('macro-definition');
    expect(d!.span).toEqual({ start: 0, end: text.indexOf('Name') });
    expect(tag!.kind).toBe('tag');
  });

  it('spans a multi-line %{expand:…} body', () => {
    const text = '%global desc %{expand:\nFirst.\n\nSecond %{name}.\n}\n%build\n';
    const [d, build] = lines(text);
    expect(d!.kind).toBe('macro-definition');
    const body = d!.kind === 'macro-definition' ? d!.body! : null;
    const expand = body!.parts[0]!;
    expect(expand.kind === 'macro' && expand.name?.text).toBe('expand');
    expect(expand.span).toEqual({ start: text.indexOf('%{expand'), end: text.indexOf('}\n%build') + 1 });
    expect(build!.kind).toBe('section-header');
  });

  it('keeps a %{lua:…} block opaque, whatever its braces and percents', () => {
    const text = '%{lua:\nlocal t = {1, 2}\nprint("%{x}")\n}\nName: x\n';
    const [line, tag] = lines(text);
    expect(line!.kind).toBe('text');
    const lua = line!.kind === 'text' ? line!.text.parts[0]! : null;
    expect(lua!.kind).toBe('lua');
    expect(lua!.kind === 'lua' && lua!.code.text).toBe('\nlocal t = {1, 2}\nprint("%{x}")\n');
    expect(tag!.kind).toBe('tag');
  });

  it('reads %undefine', () => {
    const d = only('%undefine _hardened_build\n', 'macro-definition');
    expect([d.keyword.text, d.name.text, d.body]).toEqual(['%undefine', '_hardened_build', null]);
  });
});

describe('other lines', () => {
  it('reads comments, %dnl and %include', () => {
    const text = '# a comment\n%dnl dropped by rpm\n%include %{SOURCE1}\n';
    const [comment, dnl, include] = lines(text);
    expect(comment!.kind === 'comment' && comment!.style).toBe('#');
    expect(dnl!.kind === 'comment' && dnl!.style).toBe('dnl');
    expect(include!.kind === 'include' && slice(text, include!.path?.span)).toBe('%{SOURCE1}');
  });

  it('keeps backslash-continued shell lines separate so %if can sit between them', () => {
    const text = spec`
      %build
      %configure \\
      %if %{with docs}
        --enable-docs \\
      %endif
        --disable-static
    `;
    expect(lines(text).map((l) => l.kind)).toEqual(['section-header', 'text', 'conditional', 'text', 'conditional', 'text']);
  });

  it('reads %files entries with their directives', () => {
    const text = spec`
      %files -n python3-quokka
      %license LICENSE
      %doc README.md CHANGES.rst
      %config(noreplace) %attr(0640,root,quokka) %{_sysconfdir}/quokka.conf
      %dir %{_datadir}/quokka
      %ghost %verify(not md5 size mtime) /var/log/quokka.log
      %exclude %{python3_sitelib}/quokka/tests
      %lang(de) %caps(cap_net_raw=p) %artifact %readme %docdir %defattr(-,root,root,-)
      "%{_datadir}/with space/file"
    `;
    const entries = lines(text).filter((l) => l.kind === 'file-entry');
    const show = entries.map((e) => e.kind === 'file-entry' && [
      e.directives.map((d) => d.args === null ? d.name : `${d.name}(${d.args.text})`).join(' '),
      e.paths.map((p) => slice(text, p.span)).join(' '),
    ]);
    expect(show).toEqual([
      ['license', 'LICENSE'],
      ['doc', 'README.md CHANGES.rst'],
      ['config(noreplace) attr(0640,root,quokka)', '%{_sysconfdir}/quokka.conf'],
      ['dir', '%{_datadir}/quokka'],
      ['ghost verify(not md5 size mtime)', '/var/log/quokka.log'],
      ['exclude', '%{python3_sitelib}/quokka/tests'],
      ['lang(de) caps(cap_net_raw=p) artifact readme docdir defattr(-,root,root,-)', ''],
      ['', '"%{_datadir}/with space/file"'],
    ]);
  });

  it('reads changelog entries', () => {
    const text = spec`
      %changelog
      * Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-1
      - Initial package
      * Tue Feb 06 2024 John Roe <john@example.org> 2:1.1-3.fc40
    `;
    const entries = lines(text).filter((l) => l.kind === 'changelog-entry');
    expect(entries.map((e) => e.kind === 'changelog-entry' && [e.date?.text, e.author?.text, e.evr?.text])).toEqual([
      ['Mon Jan 01 2024', 'Jane Doe <jane@example.org>', '1.0-1'],
      ['Tue Feb 06 2024', 'John Roe <john@example.org>', '2:1.1-3.fc40'],
    ]);
    const first = entries[0]!;
    expect(first.kind === 'changelog-entry' && slice(text, first.evr?.span)).toBe('1.0-1');
  });

  it('reads blank lines, CRLF endings and a missing final newline', () => {
    const text = 'Name: a\r\n\r\n  \t\r\nVersion: 1';
    const all = lines(text);
    expect(all.map((l) => [l.kind, l.eol])).toEqual([['tag', '\r\n'], ['blank', '\r\n'], ['blank', '\r\n'], ['tag', '']]);
    const first = all[0]!;
    expect(first.kind === 'tag' && slice(text, first.value?.span)).toBe('a');
  });
});

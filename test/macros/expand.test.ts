import { describe, expect, it } from 'vitest';
import { MacroExpander } from '../../src/macros/expand.js';
import { MacroScope } from '../../src/macros/scope.js';
import { showUnknown, UNKNOWN_CLOSE, UNKNOWN_OPEN } from '../../src/macros/unknown.js';

/** An expander over a few plain definitions, `name(opts)` declaring a parametric macro. */
function expander(definitions: Record<string, string> = {}): MacroExpander {
  const scope = new MacroScope();
  for (const [key, body] of Object.entries(definitions)) {
    const [, name = '', opts] = /^(\w+)(?:\((.*)\))?$/.exec(key) ?? [];
    scope.define({ name, opts: opts ?? null, body, origin: { kind: 'command-line' }, level: 0 });
  }
  return new MacroExpander(scope);
}

const DEFINITIONS = {
  'f(n:)': '[%{-n}][%{-n*}][%1][%#][%*][%**]',
  'g()': '[%1][%2][%#][%*]',
  h: 'X%{?1:1}',
  dir: '/usr/share',
  name: 'quokka',
  ver: '1.2',
  'opt(ab:)': '%{?-a:A}%{-b*}',
  inner: '<%1>',
  'outer()': '%{inner} %1',
};

// Every expected value below is what `rpm -E` (rpm 4.18) prints for the same definitions.
describe('macro expansion agrees with rpm 4.18', () => {
  it.each([
    ['%f x -n y z', '[-n y][y][x][2][x z][x -n y z]'],
    ['%{f x -n y}', '[-n y][y][x][1][x][x -n y]'],
    ['%{g:a b}', '[a b][%2][1][a b]'],
    ['%{g a b}', '[a][b][2][a b]'],
    ['%g a b\nnext', '[a][b][2][a b]\nnext'],
    ['%{g}', '[%1][%2][0][]'],
    ['%{?g}', '[%1][%2][%#][%*]'],
    ['%{h a b}', 'X'],
    ['%{undefined_m %{dir}}', '%{undefined_m /usr/share}'],
    ['%undefined_m/x', '%undefined_m/x'],
    ['%{?undefined_m:yes}%{!?undefined_m:no}', 'no'],
    ['%{expand:%%{dir}}', '/usr/share'],
    ['%{!dir}', '/usr/share'],
    ['%{?!dir:x}|%{!?dir:y}|%{?dir:z}', '||z'],
    ['%{dir}/%{name}-%{ver}', '/usr/share/quokka-1.2'],
    ['%%{dir} 100%', '%{dir} 100%'],
    ['%foo*', '%foo*'],
    ['%{opt -a -b B}', 'AB'],
    ['%{outer z}', '<z> z'],
    ['%{defined dir}%{undefined dir}%{defined nope}', '100'],
    ['%{?dir:%{dir}/x}', '/usr/share/x'],
    ['%{-x}%{?-x:yes}', ''],
    ['a %dnl gone\nb', 'a b'],
    ['%{shrink:  a   b  }|%{basename:/a/b.c}|%{dirname:/a/b.c}|%{suffix:/a/b.tar.gz}', 'a b|b.c|/a|gz'],
    ['%{url2path:http://x.org/a/b}|%{u2p:ftp://h/c}', '/a/b|/c'],
    ["%{shescape:it's}", "'it'\\''s'"],
    ['%{getconfdir}|%{verbose}', '/usr/lib/rpm|0'],
    ['%{macrobody dir}', '/usr/share'],
    ['%{expand:%%global gg 7}%gg', '7'],
    ['%define dd a\\.b c\\\\d\n%dd', 'a.b c\\d'],
    ['%global ge {x y}\n[%ge]', '[x y]'],
  ])('%s', (input, expected) => {
    const x = expander(DEFINITIONS);
    expect(showUnknown(x.expand(input))).toBe(expected);
    expect(x.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['%[1 + 2 * 3]', '7'],
    ['%[ "a" + "b" ]', 'ab'],
    ['%[ 1 && 5 ]', '5'],
    ['%[ v"1.2" < v"1.10" ]', '1'],
    ['%[ 3 / 2 ]', '1'],
    ['%[ "abc" == "abc" ]|%[ 2 > 10 ]|%[ "2" > "10" ]|%[ !0 ]|%[ -3 ]', '1|0|1|1|-3'],
    ['%[ 1 ? "a" : "b" ]', 'a'],
    ['%[%{?fedora} + 0]', '0'],
  ])('expression %s', (input, expected) => {
    expect(expander().expand(input)).toBe(expected);
  });

  it.each([
    ['%[ 0 || "" ]', 'types must match'],
    ['%[ 1 + "a" ]', 'types must match'],
    ['%[ foo ]', 'bare words'],
    ['%f -z', 'unknown option z'],
    ['%{error:stop here}', 'stop here'],
  ])('reports what rpm rejects: %s', (input, message) => {
    const x = expander(DEFINITIONS);
    x.expand(input);
    expect(x.diagnostics.map((d) => d.message).join('\n')).toContain(message);
  });

  it('makes %define inside a parametric macro local to the call, and %global global', () => {
    const x = expander({ 'mk()': '%define loc 1\n%global glob 2\n' });
    expect(x.expand('%{mk}[%{?loc}][%{?glob}]')).toBe('[][2]');
  });

  it('keeps %{quote:…} one argument', () => {
    expect(showUnknown(expander(DEFINITIONS).expand('%{g %{quote:a b} c}'))).toBe('[a b][c][2][a b c]');
  });

  it('keeps shell output one argument: its source\'s blanks and dashes are no arguments or options', () => {
    const x = expander({ ...DEFINITIONS, v: '%(curl -s x | cut -c1-7)' });
    expect(showUnknown(x.expand('%g a-%{v} c'))).toBe('[a-%(curl -s x | cut -c1-7)][c][2][a-%(curl -s x | cut -c1-7) c]');
    expect(showUnknown(x.expand('%{f -n %{v}}'))).toBe('[-n %(curl -s x | cut -c1-7)][%(curl -s x | cut -c1-7)][%1][0][][-n %(curl -s x | cut -c1-7)]');
    expect(x.diagnostics).toEqual([]);
  });

  it.each([
    ['nested regions', `a ${UNKNOWN_OPEN}b ${UNKNOWN_OPEN}c d${UNKNOWN_CLOSE} e${UNKNOWN_CLOSE} f`, ['a', `${UNKNOWN_OPEN}b ${UNKNOWN_OPEN}c d${UNKNOWN_CLOSE} e${UNKNOWN_CLOSE}`, 'f']],
    ['a close mark with no region open', `a${UNKNOWN_CLOSE} b`, [`a${UNKNOWN_CLOSE}`, 'b']],
    ['a region never closed', `a ${UNKNOWN_OPEN}b c`, ['a', `${UNKNOWN_OPEN}b c`]],
    ['a quote mark inside a region', `a ${UNKNOWN_OPEN}b \u001f c${UNKNOWN_CLOSE} d`, ['a', `${UNKNOWN_OPEN}b \u001f c${UNKNOWN_CLOSE}`, 'd']],
  ])('splits arguments around %s', (_, args, expected) => {
    const x = expander();
    x.scope.define({ name: 'args', opts: '', origin: { kind: 'target', package: 'test' }, level: 0, body: (call) => JSON.stringify(call.args) });
    expect(JSON.parse(x.expand(`%{args ${args}}`))).toEqual(expected);
  });
});

describe('what is never run or read', () => {
  it.each(['%(touch /tmp/x)', '%{lua:os.execute("touch /tmp/x")}', '%{load:/etc/passwd}', '%{getenv:HOME}', '%{exists:/etc}'])(
    '%s expands to an unknown region holding its source',
    (input) => {
      const out = expander().expand(`a ${input} b`);
      expect(out).toContain(UNKNOWN_OPEN);
      expect(showUnknown(out)).toBe(`a ${input} b`);
    },
  );

  it('carries unknown regions through later expansion untouched', () => {
    const x = expander({ v: '%(echo 1)' });
    expect(showUnknown(x.expand('%{expand:%v}-%{v}'))).toBe('%(echo 1)-%(echo 1)');
  });
});

describe('limits', () => {
  it('stops a self-recursive macro with a diagnostic', () => {
    const x = expander({ r: '%r' });
    const started = performance.now();
    x.expand('%r');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(x.diagnostics.map((d) => d.kind)).toContain('limit');
  });

  it('stops a macro that doubles itself 60 times, well under a second', () => {
    const definitions: Record<string, string> = { a0: 'xx' };
    for (let i = 1; i <= 60; i++) definitions[`a${i}`] = `%{a${i - 1}}%{a${i - 1}}`;
    const x = expander(definitions);
    const started = performance.now();
    const out = x.expand('%a60');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.length).toBeLessThan(5_000_000);
    expect(x.diagnostics.map((d) => d.message).join()).toContain('more than');
  });

  it('reports an unterminated reference and goes on', () => {
    const x = expander(DEFINITIONS);
    expect(x.expand('%{name x %{dir}')).toBe('%{name x /usr/share');
    expect(x.diagnostics.map((d) => d.kind)).toEqual(['syntax']);
  });
});

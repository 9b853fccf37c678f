import { describe, expect, it } from 'vitest';
import { commandEnd } from '../../src/parse/command-end.js';
import { parseSpec } from '../../src/parse/index.js';

/** The text of the line commandEnd() gives for the line of `install` that starts with `from`. */
function endOf(install: string, from: string): string | null {
  const { file } = parseSpec(`Name: q\n%install\n${install}`);
  const section = file.sections.find((s) => s.name === 'install')!;
  const line = section.lines.find((l) => file.source.slice(l.span.start, l.span.end).startsWith(from))!;
  const end = commandEnd(file, line);
  return end === null ? null : file.source.slice(end.span.start, end.span.end);
}

describe('commandEnd', () => {
  it('is the line itself when no backslash continues it', () => {
    expect(endOf('make install\ntouch x\n', 'make')).toBe('make install\n');
  });
  it('follows backslashes to the line that ends the command', () => {
    expect(endOf('install -m644 \\\n  a.py \\\n  %{buildroot}/x\ntouch y\n', 'install')).toBe('  %{buildroot}/x\n');
  });
  it('takes two backslashes for an escaped one, which ends the command', () => {
    expect(endOf('echo a\\\\\ntouch y\n', 'echo')).toBe('echo a\\\\\n');
  });
  it('does not count a comment\'s backslash', () => {
    expect(endOf('# see \\\ntouch y\n', '#')).toBe('# see \\\n');
  });
  it('takes a blank line for the end of the command, as the shell does', () => {
    expect(endOf('make \\\n\ntouch y\n', 'make')).toBe('\n');
  });
  it('is null when an rpm line comes inside the command', () => {
    expect(endOf('make install \\\n%dnl a note\n  DESTDIR=x\n', 'make')).toBeNull();
    expect(endOf('make install \\\n%if 0%{?fedora}\n  DESTDIR=x\n%endif\n', 'make')).toBeNull();
  });
  it('is null when the section ends inside the command', () => {
    expect(endOf('make install \\\n', 'make')).toBeNull();
  });
});

import type { ExpandedLine, SpecExpansion } from '../../macros/spec-expander.js';
import type { TagLine } from '../../parse/cst.js';

export interface BuildRequire {
  /** A package name or a path, as expanded (`python3-devel`, `/usr/bin/marshalparser`). */
  readonly name: string;
  readonly line: ExpandedLine & { readonly line: TagLine };
}

/**
 * Every name a `BuildRequires:` asks for, expanded, from lines the target reads or may read. In a
 * `%package` section it still belongs to the one source package. Versions (`>= 1.0`) and the
 * words of rich dependencies are left out.
 */
export function buildRequires(expansion: SpecExpansion): readonly BuildRequire[] {
  // Several rules ask for the same spec's BuildRequires: read them once.
  let found = cache.get(expansion);
  if (found === undefined) cache.set(expansion, found = readBuildRequires(expansion));
  return found;
}

const cache = new WeakMap<SpecExpansion, readonly BuildRequire[]>();

function readBuildRequires(expansion: SpecExpansion): BuildRequire[] {
  const found: BuildRequire[] = [];
  for (const expanded of expansion.lines) {
    const { line } = expanded;
    if (line.kind !== 'tag' || expanded.state === 'inactive' || !['preamble', 'package'].includes(expanded.section.name)) continue;
    if (!/^buildrequires$/i.test(line.name.text) || expanded.expanded === null) continue;
    const value = expanded.expanded.text.slice(expanded.expanded.text.indexOf(':') + 1);
    for (const name of dependencyNames(value)) found.push({ name, line: expanded as BuildRequire['line'] });
  }
  return found;
}

/** Names in a dependency list: `a, b >= 1, (c or python3dist(d))` → a, b, c, python3dist(d). */
function dependencyNames(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map(stripRichParentheses)
    .filter((word) => word !== '' && !/^(>=|<=|=|<|>|or|and|if|else|with|without|unless)$/.test(word) && !/^[0-9]/.test(word));
}

/** `(a` → a and `b)` → b, but `python3dist(b)` keeps its own parentheses. */
function stripRichParentheses(word: string): string {
  let name = word.replace(/^\(+/, '');
  const count = (c: string): number => name.split(c).length - 1;
  while (name.endsWith(')') && count(')') > count('(')) name = name.slice(0, -1);
  return name;
}

import type { ExpandedLine } from '../../macros/spec-expander.js';
import type { TagLine } from '../../parse/cst.js';

export type ExpandedTag = ExpandedLine & { readonly line: TagLine };

/**
 * The tag lines of the main preamble that a new line may follow: read on the target, and not a
 * tag whose expansion holds a conditional line (an `%if`, `%else` or `%endif` inside a multi-line
 * `%(…)`), which may leave the lines after it in a branch where an added line is never read. Such
 * a tag is passed over even where its conditionals close again.
 */
export function preambleAnchors(lines: readonly ExpandedLine[]): ExpandedTag[] {
  return lines.filter((l): l is ExpandedTag => l.section.name === 'preamble' && l.state === 'active' && l.line.kind === 'tag' && !l.physical.some((p) => p.conditional));
}

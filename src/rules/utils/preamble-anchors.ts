import type { ExpandedLine } from '../../macros/spec-expander.js';

/**
 * The tag lines of the main preamble that a new line may follow: read on the target, and not a
 * tag whose expansion opens a conditional (an `%if` line inside a multi-line `%(…)`), which leaves
 * the lines after it in that branch, where an added line may never be read.
 */
export function preambleAnchors(lines: readonly ExpandedLine[]): ExpandedLine[] {
  return lines.filter((l) => l.section.name === 'preamble' && l.state === 'active' && l.line.kind === 'tag' && !l.physical.some((p) => p.conditional));
}

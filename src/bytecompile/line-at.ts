import type { ExpandedLine } from '../macros/spec-expander.js';

/**
 * The line holding `offset` (an empty line holds its own position), found by bisection: a spec
 * of many megabytes can have thousands of changes to place. An expansion's lines are in source
 * order and do not overlap, so their ends, taken as at least one past their starts, only grow.
 */
export function lineAt(lines: readonly ExpandedLine[], offset: number): ExpandedLine | undefined {
  const endOf = (l: ExpandedLine): number => Math.max(l.line.span.end, l.line.span.start + 1);
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (endOf(lines[mid]!) > offset) high = mid;
    else low = mid + 1;
  }
  const found = lines[low];
  return found !== undefined && found.line.span.start <= offset ? found : undefined;
}

import type { ConditionalBranch, ConditionalBlock, Section, SpecFile } from '../parse/cst.js';
import type { TextPositions } from './text-region.js';

/**
 * Where a line boundary or a line is in a spec, as a packager would say it: "in %install",
 * "in %files -n python3-foo", "in the preamble", and the innermost `%if` branch around it.
 * `between` places a boundary between two lines, where new lines go: it belongs to the line
 * before it, so a boundary just before `%else` or a section header is still inside the branch
 * or section above.
 */
export function describePlace(file: SpecFile, positions: TextPositions, offset: number, between: boolean): string {
  const anchor = between && offset > 0 ? offset - 1 : offset;
  const section = sectionAt(file.sections, anchor);
  const where = section === undefined || section.header === null
    ? 'in the preamble'
    : `in ${positions.lineText(positions.lineOf(section.header.span.start)).trim()}`;
  const branch = branchAt(file.conditionals, offset, between);
  if (branch === undefined) return where;
  const line = positions.lineOf(branch.directive.span.start);
  return `${where}, inside ${positions.lineText(line).trim()} (line ${line})`;
}

function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let found = sections[0];
  for (const section of sections) if (section.span.start <= offset) found = section;
  return found;
}

/** The innermost branch whose body (the lines after its directive) holds the place. */
function branchAt(blocks: readonly ConditionalBlock[], offset: number, between: boolean): ConditionalBranch | undefined {
  for (const block of blocks) {
    for (const branch of block.branches) {
      const bodyStart = branch.directive.span.end;
      const bodyEnd = branch.span.end;
      const inside = offset >= bodyStart && (between ? offset <= bodyEnd : offset < bodyEnd);
      if (inside) return branchAt(branch.children, offset, between) ?? branch;
    }
  }
  return undefined;
}

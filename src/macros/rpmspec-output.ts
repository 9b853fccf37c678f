import type { SectionName } from '../parse/cst.js';
import { sectionHeaderOf } from './section-header.js';
import type { SpecExpansion } from './spec-expander.js';
import { showUnknown } from './unknown.js';

/**
 * Prints an expanded spec the way `rpmspec -P` does (rpm 4.18): rpm collects every line its
 * reader hands out, as the current section reads it. The preamble, %description and file lists
 * strip trailing blanks and blank out comments, conditionals and lines of untaken branches (one
 * empty line each); %files and %changelog drop comments and those lines; scripts keep every line
 * as it is; %prep keeps its lines with `%setup`/`%patch` turned into shell, and the header that
 * ends %prep is not printed at all.
 */
type ReadMode = 'preamble' | 'files' | 'script' | 'prep';

const SECTION_MODE: Partial<Record<SectionName, ReadMode>> = {
  package: 'preamble',
  description: 'preamble',
  sourcelist: 'preamble',
  patchlist: 'preamble',
  sepolicy: 'preamble',
  // %end closes a section; rpm reads what follows like the preamble until the next header.
  end: 'preamble',
  files: 'files',
  changelog: 'files',
  prep: 'prep',
};

export function printRpmspec(expansion: SpecExpansion, options: { keepUnknown?: boolean } = {}): string {
  const out: string[] = [];
  let mode: ReadMode = 'preamble';

  const emit = (line: string): void => {
    switch (mode) {
      case 'preamble': {
        out.push(`${stripComment(line).replace(/\s+$/, '')}\n`);
        break;
      }
      case 'files':
        out.push(stripComment(line));
        break;
      case 'script': case 'prep':
        out.push(line);
        break;
    }
  };
  const blank = (): void => {
    if (mode === 'preamble') out.push('\n');
  };

  for (const expanded of expansion.lines) {
    for (const physical of expanded.physical) {
      if (physical.conditional || physical.state === 'inactive') {
        blank();
        continue;
      }
      const header = sectionHeaderOf(physical.text);
      if (header !== null) {
        // The header is read by the section it ends; %prep's reader keeps it to itself.
        if (mode !== 'prep') emit(physical.text);
        mode = SECTION_MODE[header] ?? 'script';
        continue;
      }
      emit(physical.text);
    }
  }
  const text = out.join('');
  return options.keepUnknown === true ? text : showUnknown(text);
}

/** rpm's handleComments(): a line whose first non-blank is `#` is cut there (line end included). */
function stripComment(line: string): string {
  const at = line.search(/\S/);
  return at >= 0 && line[at] === '#' ? line.slice(0, at) : line;
}

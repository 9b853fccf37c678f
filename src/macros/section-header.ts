import type { SectionName } from '../parse/cst.js';

/** rpm's isPart(): a section keyword at the start of a line, in any case, then a blank or the end. */
const SECTION_HEADER = /^%(package|description|prep|generate_buildrequires|conf|build|install|check|clean|files|changelog|preuntrans|postuntrans|preun|postun|pretrans|posttrans|pre|post|verifyscript|triggerprein|triggerin|triggerun|triggerpostun|trigger|filetriggerin|filetriggerun|filetriggerpostun|filetrigger|transfiletriggerin|transfiletriggerun|transfiletriggerpostun|transfiletrigger|sepolicy|patchlist|sourcelist|end)(?=\s|$)/i;

const ALIASES: Readonly<Record<string, SectionName>> = {
  trigger: 'triggerin', filetrigger: 'filetriggerin', transfiletrigger: 'transfiletriggerin',
};

/** The section a line opens, as rpm reads it after expansion, or null. */
export function sectionHeaderOf(line: string): SectionName | null {
  // Most lines are none: a character test is cheaper than the regex failing.
  if (line.charCodeAt(0) !== 0x25) return null;
  const match = SECTION_HEADER.exec(line);
  if (match === null) return null;
  const word = match[1]!.toLowerCase();
  return ALIASES[word] ?? (word as SectionName);
}

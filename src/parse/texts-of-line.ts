import type { Line, MacroText } from './cst.js';

/** Every macro text a line holds, in source order: values, bodies, paths, header words. */
export function textsOfLine(line: Line): MacroText[] {
  const texts: (MacroText | null)[] = (() => {
    switch (line.kind) {
      case 'blank': return [];
      case 'comment': case 'changelog-entry': case 'text': case 'conditional': return [line.text];
      case 'tag': return [line.value];
      case 'macro-definition': return [line.body];
      case 'include': return [line.path];
      case 'file-entry': return [...line.paths];
      case 'section-header': return [line.subpackage, ...line.options.map((o) => o.value), line.trigger, ...line.extra];
    }
  })();
  return texts.filter((text): text is MacroText => text !== null);
}

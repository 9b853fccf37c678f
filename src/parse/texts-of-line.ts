import type { Line, MacroText } from './cst.js';

/** Every macro text a line holds, in source order: values, bodies, paths, header words. */
export function textsOfLine(line: Line): MacroText[] {
  // Rules ask this of every line: the common kinds make one small array and nothing else.
  switch (line.kind) {
    case 'blank': return [];
    case 'comment': case 'changelog-entry': case 'text': case 'conditional': return present(line.text);
    case 'tag': return present(line.value);
    case 'macro-definition': return present(line.body);
    case 'include': return present(line.path);
    case 'file-entry': return [...line.paths];
    case 'section-header':
      return [line.subpackage, ...line.options.map((o) => o.value), line.trigger, ...line.extra].filter((text): text is MacroText => text !== null);
  }
}

function present(text: MacroText | null): MacroText[] {
  return text === null ? [] : [text];
}

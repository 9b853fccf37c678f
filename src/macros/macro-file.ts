import type { MacroTable } from './builtins/rpm.js';
import { parseDefinition } from './expand.js';

/**
 * Reads an rpm macro file (`/usr/lib/rpm/macros` and the like): `%name(opts) body` lines, a
 * backslash at the end of a line continuing the body, `#` comments. Definitions are taken as rpm
 * takes them (doDefine): escapes resolved, trailing blanks trimmed.
 */
export function parseMacroFile(text: string): MacroTable {
  const table: Record<string, MacroTable[string]> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (!line.startsWith('%')) continue;
    // A definition continues while its lines end in a backslash or a %{ is open (rpm's rdcl()).
    while ((line.endsWith('\\') || !bracketsClosed(line)) && i + 1 < lines.length) line += `\n${lines[++i]}`;
    const parsed = parseDefinition(line, 1);
    if (parsed === null || parsed.body === '') continue;
    table[parsed.name] = parsed.opts === null ? parsed.body : { opts: parsed.opts, body: parsed.body };
  }
  return table;
}

function bracketsClosed(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '%' && text[i + 1] === '{') { depth++; i++; }
    else if (text[i] === '{' && depth > 0) depth++;
    else if (text[i] === '}' && depth > 0) depth--;
  }
  return depth === 0;
}

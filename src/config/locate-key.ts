import { LineIndex } from '../parse/line-index.js';

/**
 * Positions for config keys, which the TOML parser does not report once a document is valid.
 * A line scanner that knows table headers, `key = value` lines and where a value's brackets close;
 * when a key is written some other way (inside an inline table, say) it answers for the nearest
 * enclosing key it did see, and undefined when it saw none. It never guesses past that.
 */
export type KeyPath = readonly (string | number)[];

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface KeyLocator {
  /** Where `path` is written; with `item`, where that string stands inside the key's value. */
  locate(path: KeyPath, item?: string): SourcePosition | undefined;
}

interface Seen {
  readonly offset: number;
  /** Where the value ends (after the line its brackets close on). */
  readonly valueEnd: number;
}

const KEY = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const DOTTED = String.raw`${KEY}(?:\s*\.\s*${KEY})*`;
const ARRAY_HEADER = new RegExp(String.raw`^(\s*)\[\[\s*(${DOTTED})\s*\]\]`);
const TABLE_HEADER = new RegExp(String.raw`^(\s*)\[\s*(${DOTTED})\s*\]`);
const KEY_LINE = new RegExp(String.raw`^(\s*)(${DOTTED})\s*=`);

export function keyLocator(source: string): KeyLocator {
  const seen = scan(source);
  const index = new LineIndex(source);
  const position = (offset: number): SourcePosition => index.position(offset);
  return {
    locate(path, item) {
      for (let n = path.length; n > 0; n--) {
        const at = seen.get(JSON.stringify(path.slice(0, n)));
        if (at === undefined) continue;
        if (item !== undefined && n === path.length - 1) {
          const inValue = findQuoted(source, item, at.offset, at.valueEnd);
          if (inValue !== -1) return position(inValue);
        }
        return position(at.offset);
      }
      return undefined;
    },
  };
}

function scan(source: string): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  // Multi-line strings can hold text that looks like keys; rather no positions than wrong ones.
  if (source.includes('"""') || source.includes("'''")) return seen;
  const record = (path: KeyPath, offset: number, valueEnd: number) => {
    const key = JSON.stringify(path);
    if (!seen.has(key)) seen.set(key, { offset, valueEnd });
  };
  const arrayCounts = new Map<string, number>();
  let table: KeyPath = [];
  const lines = source.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineOffset = offset;
    offset += line.length + 1;
    const header = ARRAY_HEADER.exec(line) ?? TABLE_HEADER.exec(line);
    if (header !== null) {
      const keys = splitDotted(header[2]!);
      if (keys === null) continue;
      const at = lineOffset + header[1]!.length;
      if (header[0].trimStart().startsWith('[[')) {
        const name = JSON.stringify(keys);
        const index = arrayCounts.get(name) ?? 0;
        arrayCounts.set(name, index + 1);
        record(keys, at, at);
        table = [...keys, index];
      } else {
        table = keys;
      }
      record(table, at, at);
      continue;
    }
    const keyLine = KEY_LINE.exec(line);
    if (keyLine === null) continue;
    const keys = splitDotted(keyLine[2]!);
    if (keys === null) continue;
    // Skip the lines of a value that spans several, so its contents are not read as keys.
    let depth = bracketDepth(line.slice(keyLine[0].length), 0);
    while (depth > 0 && i + 1 < lines.length) {
      i++;
      offset += lines[i]!.length + 1;
      depth = bracketDepth(lines[i]!, depth);
    }
    const at = lineOffset + keyLine[1]!.length;
    for (let n = 1; n <= keys.length; n++) record([...table, ...keys.slice(0, n)], at, offset);
  }
  return seen;
}

/** The parts of `a."b c".'d'`, unquoted; null when a quoted part does not decode. */
function splitDotted(dotted: string): string[] | null {
  const parts: string[] = [];
  for (const [raw] of dotted.matchAll(new RegExp(KEY, 'g'))) {
    if (raw.startsWith('"')) {
      try {
        parts.push(JSON.parse(raw) as string);
      } catch {
        return null;
      }
    } else {
      parts.push(raw.startsWith("'") ? raw.slice(1, -1) : raw);
    }
  }
  return parts;
}

/** Open `[`/`{` after scanning `text`, ignoring brackets in strings and comments. */
function bracketDepth(text: string, depth: number): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

function findQuoted(source: string, item: string, from: number, to: number): number {
  const candidates = [JSON.stringify(item), `'${item}'`].map((q) => source.indexOf(q, from)).filter((i) => i !== -1 && i < to);
  return candidates.length === 0 ? -1 : Math.min(...candidates);
}

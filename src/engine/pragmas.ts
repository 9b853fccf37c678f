import type { Line, Span, SpecFile } from '../parse/cst.js';
import { endsWithContinuation } from '../parse/command-end.js';
import { linesOf } from '../parse/print.js';
import { codeOf } from '../rules/codes.js';
import { SUPPRESSION_DIAGNOSTICS } from './suppression-diagnostics.js';

export type PragmaScope = 'next-line' | 'file';

export interface PragmaEntry {
  /** As written: an id or a name. */
  readonly text: string;
  readonly span: Span;
  /** The code it suppresses; undefined for an unknown rule or one no pragma may suppress (both reported as SL002). */
  readonly code: string | undefined;
}

/** A `# speclint: disable=…` or `# speclint: disable-file=…` comment line. */
export interface Pragma {
  readonly scope: PragmaScope;
  /** The whole comment line with its line ending: what removing the pragma deletes. */
  readonly line: Span;
  /** From `#` to the end of the comment's text. */
  readonly span: Span;
  /** Every entry of the list, in order, known or not. */
  readonly entries: readonly PragmaEntry[];
  /** The text after ` -- `, kept for reports that want it. */
  readonly reason: string | undefined;
  /** For `next-line`: the line it covers (a line as rpm reads it, continuations included); null when none follows. */
  readonly target: Span | null;
}

/** A pragma that cannot be used as written: reported as SL002. */
export interface PragmaProblem {
  readonly message: string;
  readonly span: Span;
}

export interface PragmaScan {
  readonly pragmas: readonly Pragma[];
  readonly problems: readonly PragmaProblem[];
}

const DIRECTIVES: Readonly<Record<string, PragmaScope>> = { disable: 'next-line', 'disable-file': 'file' };
const SYNTAX = 'expected "# speclint: disable=ID[,ID…]" or "# speclint: disable-file=ID[,ID…]", optionally followed by " -- reason"';

/** How a pragma's comment starts, after blanks; a file where it appears nowhere has no pragma. */
const PRAGMA_HEAD = /#\s*speclint:/;
const PRAGMA_LINE = new RegExp(`^(\\s*)${PRAGMA_HEAD.source}`);
const NO_PRAGMAS: PragmaScan = { pragmas: [], problems: [] };

/** Finds the pragmas in `#` comment lines, in source order; `%dnl` lines are never pragmas. */
export function scanPragmas(file: SpecFile): PragmaScan {
  // Most specs have none, and one search of the text is cheaper than a walk of every line.
  if (!PRAGMA_HEAD.test(file.source)) return NO_PRAGMAS;
  const pragmas: { pragma: Pragma; target: Span | null }[] = [];
  const problems: PragmaProblem[] = [];
  let waiting: { pragma: Pragma; target: Span | null }[] = [];
  // A shell command continued with `\` is one line to the reader: its pragma covers all of it.
  let continuing: { pragma: Pragma; target: Span | null }[] = [];
  for (const line of linesOf(file)) {
    if (continuing.length > 0) {
      for (const c of continuing) c.target = { start: c.target!.start, end: line.span.end };
      if (!endsWithContinuation(file.source, line)) continuing = [];
      continue;
    }
    if (line.kind === 'blank') continue;
    if (line.kind !== 'comment') {
      for (const w of waiting) w.target = line.span;
      if (endsWithContinuation(file.source, line)) continuing = waiting;
      waiting = [];
      continue;
    }
    if (line.style !== '#') continue;
    const read = readPragma(file.source, line);
    if (read === null) continue;
    problems.push(...read.problems);
    if (read.pragma === null) continue;
    const entry = { pragma: read.pragma, target: null };
    pragmas.push(entry);
    if (read.pragma.scope === 'next-line') waiting.push(entry);
  }
  return { pragmas: pragmas.map(({ pragma, target }) => ({ ...pragma, target })), problems };
}

/** null when the comment is not a pragma at all; `pragma` null when it is one that cannot be used. */
function readPragma(source: string, line: Line): { pragma: Pragma | null; problems: PragmaProblem[] } | null {
  const contentEnd = line.span.end - line.eol.length;
  const content = source.slice(line.span.start, contentEnd).replace(/\s+$/, '');
  const head = PRAGMA_LINE.exec(content);
  if (head === null) return null;
  const base = line.span.start;
  const span = { start: base + head[1]!.length, end: base + content.length };
  const invalid = (message: string, at: Span = span) => ({ pragma: null, problems: [{ message, span: at }] });

  // Checked on the raw line: rpm expands macros in every comment, so the reason counts too.
  const percent = content.indexOf('%');
  if (percent !== -1) {
    return invalid('a suppression must not contain "%": rpm expands macros even in comments, so this one is ignored', { start: base + percent, end: base + percent + 1 });
  }
  const body = head[0].length;
  const dashes = /\s--(?:\s|$)/.exec(content.slice(body));
  const listEnd = dashes === null ? content.length : body + dashes.index;
  const reason = dashes === null ? undefined : content.slice(body + dashes.index + dashes[0].length).trim() || undefined;

  const directive = /^\s*([^\s=]*)\s*(=?)/.exec(content.slice(body, listEnd))!;
  const name = directive[1]!;
  const scope = DIRECTIVES[name];
  if (scope === undefined) return invalid(name === '' ? `malformed suppression: ${SYNTAX}` : `unknown suppression "${name}": ${SYNTAX}`);
  if (directive[2] === '') return invalid(`malformed suppression: "=" and a list of rules must follow ${name}`);

  const listStart = body + directive[0].length;
  if (content.slice(listStart, listEnd).trim() === '') return invalid('malformed suppression: it lists no rule');
  const entries: PragmaEntry[] = [];
  const problems: PragmaProblem[] = [];
  let at = listStart;
  for (const piece of content.slice(listStart, listEnd).split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    const entrySpan = { start: base + at + lead, end: base + at + lead + text.length };
    at += piece.length + 1;
    if (text === '') return invalid('malformed suppression: an entry of its list is empty');
    if (/\s/.test(text)) return invalid(`malformed suppression: "${text}" is not one rule; separate rules with commas`, entrySpan);
    const code = codeOf(text);
    if (code === undefined) {
      problems.push({ message: `unknown rule "${text}" in suppression (speclint rules lists them)`, span: entrySpan });
    } else if (code in SUPPRESSION_DIAGNOSTICS) {
      problems.push({ message: `${code} cannot be suppressed by a pragma; use --ignore or the config file`, span: entrySpan });
    }
    // Unusable entries stay in the list so that removing a neighbour edits the text around them correctly.
    entries.push({ text, span: entrySpan, code: code === undefined || code in SUPPRESSION_DIAGNOSTICS ? undefined : code });
  }
  const usable = entries.some((e) => e.code !== undefined);
  return { pragma: usable ? { scope, line: line.span, span, entries, reason, target: null } : null, problems };
}

import type {
  BinaryOperator, BlankLine, ChangelogEntryLine, CommentLine, ConditionalDirective, ConditionalLine,
  Expr, FileDirective, FileDirectiveName, FileEntryLine, IncludeLine, Line, Literal, MacroDefinitionLine,
  MacroRef, MacroText, RawFile, SectionHeaderLine, SectionName, SectionOption, Span, TagLine, TextLine,
  TextPart, Token,
} from './cst.js';
import { compact } from './compact.js';

/** How the lines after a section header are read. */
export type BodyKind = 'preamble' | 'files' | 'changelog' | 'description' | 'script';

type BraceInside =
  | { readonly kind: 'call'; readonly flags: string; readonly name: Token | null; readonly body: MacroText | null; readonly args: MacroText | null }
  | { readonly kind: 'lua'; readonly code: Token }
  | { readonly kind: 'opaque' };

/** One element of a left-associative operator chain as the grammar hands it over. */
type ChainLink = readonly [unknown, string, unknown, Expr];

const SECTION_KEYWORDS: ReadonlySet<string> = new Set([
  'package', 'description', 'prep', 'generate_buildrequires', 'conf', 'build', 'install', 'check',
  'clean', 'files', 'changelog', 'pre', 'post', 'preun', 'postun', 'pretrans', 'posttrans',
  'preuntrans', 'postuntrans', 'verifyscript', 'triggerprein', 'triggerin', 'trigger', 'triggerun',
  'triggerpostun', 'filetriggerin', 'filetrigger', 'filetriggerun', 'filetriggerpostun',
  'transfiletriggerin', 'transfiletrigger', 'transfiletriggerun', 'transfiletriggerpostun',
  'sepolicy', 'patchlist', 'sourcelist', 'end',
]);

const SECTION_ALIASES: Readonly<Record<string, SectionName>> = {
  trigger: 'triggerin',
  filetrigger: 'filetriggerin',
  transfiletrigger: 'transfiletriggerin',
};

const BODY_OF_SECTION: Partial<Record<SectionName, BodyKind>> = {
  package: 'preamble',
  files: 'files',
  changelog: 'changelog',
  description: 'description',
  // rpm reads these as lists of file names, one per line.
  sourcelist: 'description',
  patchlist: 'description',
};

/** Options that take a value, per rpm's section option tables (`-n name`, `-f file`, …). */
const OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-n', '-f', '-p', '-P', '-s']);

/** `Mon Jan  1 2024` (weekday, month, day, year), then the author, then an optional `- evr`. */
const CHANGELOG_HEADER = /^(\s*)([A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{1,2}:\d{2}:\d{2}\s+(?:[A-Z]{2,5}\s+)?)?\d{4})(\s+)(.*?)(?:(\s+-\s*|\s+)(\S+))?\s*$/;

/** The functions grammar actions call; each makes one node with its span. */
export class TreeBuilder {
  /**
   * Whether a reference nested too deep may have been kept opaque (the action may belong to an
   * alternative peggy then dropped); without it the tree need not be searched for one.
   */
  madeOpaque = false;

  constructor(private readonly source: string) {}

  file(bom: Token | null, lines: Line[]): RawFile {
    return { bom, lines };
  }

  token(span: Span, text: string): Token {
    return { span, text };
  }

  /** rpm's isPart() compares section names case-insensitively. */
  isSectionKeyword(word: string): boolean {
    return SECTION_KEYWORDS.has(word.toLowerCase());
  }

  bodyOf(header: SectionHeaderLine): BodyKind {
    return BODY_OF_SECTION[header.name] ?? 'script';
  }

  // --- lines ---------------------------------------------------------------------------------

  blank(span: Span, eol: string): BlankLine {
    return { kind: 'blank', span, eol };
  }

  comment(span: Span, style: '#' | 'dnl', text: MacroText | null, eol: string): CommentLine {
    return { kind: 'comment', span, eol, style, text };
  }

  textLine(span: Span, text: MacroText, eol: string): TextLine {
    return { kind: 'text', span, eol, text };
  }

  include(span: Span, keyword: Token, path: MacroText | null, eol: string): IncludeLine {
    return { kind: 'include', span, eol, keyword, path };
  }

  definition(
    span: Span, keyword: Token, name: Token, params: Token | null, body: MacroText | null, eol: string,
  ): MacroDefinitionLine {
    return { kind: 'macro-definition', span, eol, keyword, name, params, body };
  }

  tag(span: Span, name: Token, qualifier: Token | null, value: MacroText | null, eol: string): TagLine {
    return { kind: 'tag', span, eol, name, qualifier, value };
  }

  sectionHeader(span: Span, keyword: Token, words: MacroText[], eol: string): SectionHeaderLine {
    const word = keyword.text.slice(1).toLowerCase();
    const name = (SECTION_ALIASES[word] ?? word) as SectionName;
    let subpackage: MacroText | null = null;
    let trigger: MacroText | null = null;
    const options: SectionOption[] = [];
    const extra: MacroText[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const literal = this.plainText(word);
      if (literal === '--') {
        const rest = words.slice(i + 1);
        if (rest.length > 0) trigger = this.joinWords(rest);
        break;
      }
      if (literal !== null && /^-[A-Za-z]$/.test(literal)) {
        const flag: Token = { span: word.span, text: literal };
        const value = OPTIONS_WITH_VALUE.has(literal) ? (words[i + 1] ?? null) : null;
        if (value !== null) i++;
        options.push({ span: { start: word.span.start, end: (value ?? word).span.end }, flag, value });
      } else if (subpackage === null && literal?.startsWith('-') !== true) {
        subpackage = word;
      } else {
        extra.push(word);
      }
    }
    return { kind: 'section-header', span, eol, name, keyword, subpackage, options, trigger, extra };
  }

  conditional(span: Span, keyword: Token, expr: Expr | null, text: MacroText | null, eol: string): ConditionalLine {
    const directive = keyword.text.slice(1) as ConditionalDirective;
    return {
      kind: 'conditional', span, eol, directive, keyword, expr,
      text: expr === null ? text : this.textOfExpression(expr),
    };
  }

  /** `%ifpython2`: a macro that expands to an `%if` line, so its condition is the macro itself. */
  flavorConditional(span: Span, keyword: Token, text: MacroText | null, eol: string): ConditionalLine {
    const name: Token = { span: { start: keyword.span.start + 1, end: keyword.span.end }, text: keyword.text.slice(1) };
    const macro = this.macro(keyword.span, false, '', name, null, null);
    const value = this.text(keyword.span, [macro]);
    return {
      kind: 'conditional', span, eol, directive: 'if', keyword,
      expr: { kind: 'operand', span: keyword.span, value }, text: text ?? value,
    };
  }

  fileDirective(span: Span, name: string, args: Token | null): FileDirective {
    return { span, name: name as FileDirectiveName, args };
  }

  fileEntry(span: Span, items: (FileDirective | MacroText)[], eol: string): FileEntryLine {
    const directives: FileDirective[] = [];
    const paths: MacroText[] = [];
    for (const item of items) {
      if ('kind' in item) paths.push(item);
      else directives.push(item);
    }
    return { kind: 'file-entry', span, eol, directives: compact(directives), paths: compact(paths) };
  }

  changelogEntry(span: Span, text: MacroText | null, eol: string): ChangelogEntryLine {
    let date: Token | null = null;
    let author: Token | null = null;
    let evr: Token | null = null;
    if (text !== null) {
      const raw = this.source.slice(text.span.start, text.span.end);
      const match = CHANGELOG_HEADER.exec(raw);
      if (match !== null) {
        let at = text.span.start + match[1]!.length;
        date = this.tokenAt(at, match[2]!);
        at += match[2]!.length + match[3]!.length;
        const authorText = match[4]!;
        if (authorText !== '') author = this.tokenAt(at, authorText);
        if (match[6] !== undefined && match[5] !== undefined && this.looksLikeEvr(match[6], match[5])) {
          at += authorText.length + match[5].length;
          evr = this.tokenAt(at, match[6]);
        } else if (match[6] !== undefined && match[5] !== undefined) {
          author = this.tokenAt(author?.span.start ?? at, authorText + match[5] + match[6]);
        }
      }
    }
    return { kind: 'changelog-entry', span, eol, text, date, author, evr };
  }

  // --- macro text ----------------------------------------------------------------------------

  literal(span: Span, text: string): Literal {
    return { kind: 'literal', span, text };
  }

  escape(span: Span): TextPart {
    return { kind: 'escape', span };
  }

  /** Joins adjacent literals so a run of plain text is one node. */
  text(span: Span, parts: TextPart[]): MacroText {
    // Most texts are one literal (a line without macros): the text shares its span, and its array
    // is made at its size, so the tree keeps one span and no spare room for every such text.
    if (parts.length === 1) {
      const only = parts[0]!;
      const same = only.span.start === span.start && only.span.end === span.end;
      return { kind: 'text', span: same ? only.span : span, parts: [only] };
    }
    const merged: TextPart[] = [];
    // Kept aside: reading merged[-1] of an empty array is a slow property lookup in V8.
    let last: TextPart | undefined;
    for (const part of parts) {
      if (part.kind === 'literal' && last?.kind === 'literal' && last.span.end === part.span.start) {
        last = this.literal({ start: last.span.start, end: part.span.end }, this.source.slice(last.span.start, part.span.end));
        merged[merged.length - 1] = last;
      } else {
        merged.push(part);
        last = part;
      }
    }
    return { kind: 'text', span, parts: compact(merged) };
  }

  operandText(span: Span, first: TextPart[], rest: [Literal, TextPart[]][]): MacroText {
    return this.text(span, first.concat(...rest.map(([gap, items]) => [gap, ...items])));
  }

  macro(
    span: Span, braced: boolean, flags: string | null, name: Token | null,
    body: MacroText | null, args: MacroText | null,
  ): MacroRef {
    return { kind: 'macro', span, braced, flags: flags ?? '', name, body, args };
  }

  braced(span: Span, inside: BraceInside): TextPart {
    switch (inside.kind) {
      case 'lua':
        return { kind: 'lua', span, code: inside.code };
      case 'opaque':
        return { kind: 'opaque', span };
      case 'call':
        return this.macro(span, true, inside.flags, inside.name, inside.body, inside.args);
    }
  }

  callInside(flags: string, name: Token | null, body: MacroText | null, args: MacroText | null): BraceInside {
    return { kind: 'call', flags, name, body, args };
  }

  luaInside(code: Token): BraceInside {
    return { kind: 'lua', code };
  }

  opaqueInside(): BraceInside {
    this.madeOpaque = true;
    return { kind: 'opaque' };
  }

  shell(span: Span, body: MacroText | null): TextPart {
    if (body === null) this.madeOpaque = true;
    return body === null ? { kind: 'opaque', span } : { kind: 'shell', span, body };
  }

  exprRef(span: Span, body: MacroText | null): TextPart {
    if (body === null) this.madeOpaque = true;
    return body === null ? { kind: 'opaque', span } : { kind: 'expr', span, body };
  }

  // --- expressions ---------------------------------------------------------------------------

  chain(head: Expr, tail: ChainLink[]): Expr {
    let left = head;
    for (const [, op, , right] of tail) {
      left = {
        kind: 'binary', span: { start: left.span.start, end: right.span.end },
        op: op as BinaryOperator, left, right,
      };
    }
    return left;
  }

  ternary(span: Span, test: Expr, rest: readonly unknown[] | null): Expr {
    if (rest === null) return test;
    return { kind: 'ternary', span, test, then: rest[3] as Expr, else: rest[7] as Expr };
  }

  unary(span: Span, op: '!' | '-', operand: Expr): Expr {
    return { kind: 'unary', span, op, operand };
  }

  call(span: Span, macro: MacroRef, args: MacroText): Expr {
    return { kind: 'call', span, macro, args };
  }

  group(span: Span, expr: Expr): Expr {
    return { kind: 'group', span, expr };
  }

  string(span: Span, version: boolean, value: MacroText): Expr {
    return { kind: 'string', span, version, value };
  }

  operand(span: Span, value: MacroText): Expr {
    return { kind: 'operand', span, value };
  }

  // --- helpers -------------------------------------------------------------------------------

  private tokenAt(start: number, text: string): Token {
    return { span: { start, end: start + text.length }, text };
  }

  /** The text of a word made of literals only, or null when it holds a macro reference. */
  private plainText(word: MacroText): string | null {
    return word.parts.every((part) => part.kind === 'literal')
      ? this.source.slice(word.span.start, word.span.end)
      : null;
  }

  private joinWords(words: MacroText[]): MacroText {
    const first = words[0]!;
    const last = words[words.length - 1]!;
    return this.withGapsFilled({ start: first.span.start, end: last.span.end }, words.flatMap((w) => w.parts));
  }

  /** The whole expression as macro text: its references, with the operators as literals. */
  private textOfExpression(expr: Expr): MacroText {
    const parts: TextPart[] = [];
    const visit = (node: Expr): void => {
      switch (node.kind) {
        case 'binary': visit(node.left); visit(node.right); break;
        case 'unary': visit(node.operand); break;
        case 'group': visit(node.expr); break;
        case 'ternary': visit(node.test); visit(node.then); visit(node.else); break;
        case 'string': case 'operand': parts.push(...node.value.parts); break;
        case 'call': parts.push(node.macro, ...node.args.parts); break;
      }
    };
    visit(expr);
    return this.withGapsFilled(expr.span, parts.filter((p) => p.kind !== 'literal'));
  }

  /** Macro text over `span` holding `refs`, with literal nodes for the text between them. */
  private withGapsFilled(span: Span, refs: TextPart[]): MacroText {
    const parts: TextPart[] = [];
    let at = span.start;
    for (const part of refs) {
      if (part.span.start > at) parts.push(this.literal({ start: at, end: part.span.start }, this.source.slice(at, part.span.start)));
      parts.push(part);
      at = part.span.end;
    }
    if (at < span.end) parts.push(this.literal({ start: at, end: span.end }, this.source.slice(at, span.end)));
    return this.text(span, parts);
  }

  private looksLikeEvr(candidate: string, separator: string): boolean {
    // "Jane Doe <j@x.org> - 1.0-1" has a dash; "Jane Doe <j@x.org> 1.0-1" must at least look like a version.
    return separator.includes('-') || /^(\d+:)?[0-9%][^\s<>]*$/.test(candidate);
  }
}

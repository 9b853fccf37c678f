import type { Line, MacroText, RawFile, SpecFile } from './cst.js';
import { indexBrackets } from './brackets.js';
import { TreeBuilder } from './builder.js';
import { PARSE_DIAGNOSTICS, type ParseDiagnostic, type PendingDiagnostic } from './diagnostics.js';
import { parse as generatedParse } from './generated/spec-parser.js';
import { LineIndex } from './line-index.js';
import { linesOf } from './print.js';
import { foldStructure } from './structure.js';
import { textsOfLine } from './texts-of-line.js';

export interface ParseOptions {
  /** Used in messages only. */
  readonly filename?: string;
}

export interface ParseResult {
  readonly file: SpecFile;
  readonly diagnostics: readonly ParseDiagnostic[];
}

/**
 * Macro references nested deeper than this are kept as opaque text rather than parsed, so the
 * recursive-descent parser's stack stays bounded (rpm's own expansion depth limit is 64).
 */
export const MAX_MACRO_NESTING = 64;

/** Parses a spec file into a lossless tree plus diagnostics. Never throws. */
export function parseSpec(text: string, _options: ParseOptions = {}): ParseResult {
  const pending: PendingDiagnostic[] = [];
  const brackets = indexBrackets(text);
  const builder = new TreeBuilder(text);
  let raw: RawFile;
  try {
    raw = generatedParse(text, {
      startRule: 'File',
      builder,
      brackets,
      maxDepth: MAX_MACRO_NESTING,
      initialBody: 'preamble',
    });
  } catch (error) {
    raw = plainLines(text);
    pending.push({ code: 'SP000', message: `the parser failed (${describe(error)}); the file is read as plain lines`, span: { start: 0, end: 0 } });
  }
  for (const opener of brackets.unclosed) {
    pending.push({
      code: 'SP001',
      message: `%${opener.kind} is never closed`,
      span: { start: opener.offset, end: opener.offset + 2 },
    });
  }
  const { file, diagnostics } = foldStructure(raw, text);
  if (isUtf16(text)) {
    // Every line would look malformed; one diagnostic says why.
    return { file, diagnostics: locate([{ code: 'SP011', message: 'the file is UTF-16 encoded; rpm reads spec files as UTF-8', span: { start: 0, end: 2 } }], text) };
  }
  pending.push(...diagnostics, ...(builder.madeOpaque ? deepNesting(file) : []));
  return { file, diagnostics: locate(pending, text) };
}

/** Parses standalone macro text (a definition body, an expanded value). Never throws. */
export function parseMacroText(text: string): MacroText {
  try {
    return generatedParse(text, {
      startRule: 'MacroText',
      builder: new TreeBuilder(text),
      brackets: indexBrackets(text),
      maxDepth: MAX_MACRO_NESTING,
      initialBody: 'script',
    });
  } catch {
    const span = { start: 0, end: text.length };
    return { kind: 'text', span, parts: text === '' ? [] : [{ kind: 'literal', span, text }] };
  }
}

/** A UTF-16 byte-order mark, as the latin-1 fallback decodes it. */
function isUtf16(text: string): boolean {
  return text.startsWith('\u00FF\u00FE') || text.startsWith('\u00FE\u00FF');
}

function deepNesting(file: SpecFile): PendingDiagnostic[] {
  const found: PendingDiagnostic[] = [];
  const visit = (text: MacroText | null): void => {
    for (const part of text?.parts ?? []) {
      if (part.kind === 'opaque') {
        found.push({
          code: 'SP010',
          message: `macro references nested more than ${MAX_MACRO_NESTING} deep are not analysed`,
          span: part.span,
        });
      } else if (part.kind === 'macro') {
        visit(part.body);
        visit(part.args);
      } else if (part.kind === 'shell' || part.kind === 'expr') {
        visit(part.body);
      }
    }
  };
  for (const line of linesOf(file)) for (const text of textsOfLine(line)) visit(text);
  return found;
}


/** The last resort when the generated parser fails: physical lines as text, nothing lost. */
function plainLines(text: string): RawFile {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const bom = start === 1 ? { span: { start: 0, end: 1 }, text: '\uFEFF' } : null;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    const contentEnd = newline === -1 ? end : text[newline - 1] === '\r' && newline - 1 >= start ? newline - 1 : newline;
    const span = { start, end };
    const contentSpan = { start, end: contentEnd };
    const eol = text.slice(contentEnd, end);
    if (contentEnd === start) {
      lines.push({ kind: 'blank', span, eol });
    } else {
      const literal = { kind: 'literal' as const, span: contentSpan, text: text.slice(start, contentEnd) };
      lines.push({ kind: 'text', span, eol, text: { kind: 'text', span: contentSpan, parts: [literal] } });
    }
    start = end;
  }
  return { bom, lines };
}

function locate(pending: readonly PendingDiagnostic[], text: string): ParseDiagnostic[] {
  const index = new LineIndex(text);
  return pending
    .map((d) => {
      const meta = PARSE_DIAGNOSTICS[d.code];
      return {
        code: d.code,
        name: meta.name,
        severity: meta.severity,
        message: d.message,
        span: d.span,
        start: index.position(d.span.start),
        end: index.position(d.span.end),
        related: (d.related ?? []).map((r) => ({ ...r, start: index.position(r.span.start) })),
      };
    })
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { evaluateExpression, formatValue } from './expression.js';
import { parseOptions } from './getopt.js';
import type { MacroDefinition, MacroOrigin, MacroScope, NativeCall } from './scope.js';
import type { MappedText, SourcePiece } from './source-map.js';
import { endOfUnknown, UNKNOWN_OPEN, unknownText } from './unknown.js';

/**
 * Static macro expansion with rpm 4.18's semantics (macro.c `expandMacro`), checked case by case
 * against `rpm -E`. `%(…)`, `%{lua:…}` and `%{load:…}` are never run or read: they expand to an
 * unknown region (see unknown.ts). Unknown macros stay literal, as rpm leaves them.
 */

/** Limits that keep hostile specs bounded; hitting one is a diagnostic, never a hang. */
export interface ExpansionLimits {
  /** Nested expansions (rpm's own limit is 64). */
  readonly maxDepth: number;
  /** Characters one top-level expansion may produce before it is cut short. */
  readonly maxOutput: number;
}

export const DEFAULT_LIMITS: ExpansionLimits = { maxDepth: 64, maxOutput: 4_000_000 };

export interface MacroDiagnostic {
  readonly severity: 'error' | 'warning';
  /** `error`/`warn`: the spec's own %{error:}/%{warn:}; `limit`: a limit was hit; `syntax`: rpm would fail. */
  readonly kind: 'error' | 'warn' | 'limit' | 'syntax';
  readonly message: string;
}

interface Expansion {
  readonly output: string;
  /** Offset in the input just after what this reference consumed. */
  readonly end: number;
}

interface ParsedReference {
  /** Offset of the `%`. */
  readonly start: number;
  readonly name: string;
  readonly negate: boolean;
  readonly check: boolean;
  readonly braced: boolean;
  /** Text after `:` in braces. */
  readonly body: string | null;
  /** Text after whitespace in braces. */
  readonly args: string | null;
  readonly end: number;
}

type Builtin = (x: MacroExpander, ref: ParsedReference, text: string, depth: number) => Expansion;

export class MacroExpander {
  readonly diagnostics: MacroDiagnostic[] = [];
  private callLevel = 0;
  private produced = 0;
  private exhausted = false;

  constructor(readonly scope: MacroScope, readonly limits: ExpansionLimits = DEFAULT_LIMITS) {}

  /** Expands text at the top level, with a fresh output budget. */
  expand(text: string): string {
    this.produced = 0;
    this.exhausted = false;
    return this.expandAt(text, 0);
  }

  /** Like expand(), recording where each piece of the output comes from; `base` is the text's offset in the spec. */
  expandMapped(text: string, base: number): MappedText {
    this.produced = 0;
    this.exhausted = false;
    const pieces: SourcePiece[] = [];
    const output = this.expandAt(text, 0, { base, pieces });
    return { text: output, pieces };
  }

  /** Defines a macro the way `%define` (lazy) or `%global` (eager) at the top level does. */
  define(name: string, opts: string | null, body: string, origin: MacroOrigin, eager: boolean): void {
    const value = eager ? this.expand(body) : body;
    this.scope.define({ name, opts, body: value, origin, level: eager ? 0 : this.callLevel });
  }

  report(diagnostic: MacroDiagnostic): void {
    if (this.diagnostics.length < 1000) this.diagnostics.push(diagnostic);
  }

  expandAt(text: string, depth: number, map?: { readonly base: number; readonly pieces: SourcePiece[] }): string {
    if (depth > this.limits.maxDepth) {
      if (!this.exhausted) {
        this.report({ severity: 'error', kind: 'limit', message: `macro expansion nested deeper than ${this.limits.maxDepth} levels (a recursive macro?)` });
      }
      this.exhausted = true;
      return unknownText('');
    }
    let out = '';
    let i = 0;
    const emit = (chunk: string, from: number, to: number, literal: boolean): void => {
      if (map !== undefined && (chunk !== '' || !literal)) {
        map.pieces.push({ start: out.length, end: out.length + chunk.length, source: { start: map.base + from, end: map.base + to }, literal });
      }
      out += chunk;
    };
    while (i < text.length && !this.exhausted) {
      const percent = text.indexOf('%', i);
      const opaque = text.indexOf(UNKNOWN_OPEN, i);
      if (percent < 0 && opaque < 0) {
        emit(text.slice(i), i, text.length, true);
        break;
      }
      const next = percent < 0 ? opaque : opaque < 0 ? percent : Math.min(percent, opaque);
      emit(text.slice(i, next), i, next, true);
      if (next === opaque) {
        i = endOfUnknown(text, opaque);
        emit(text.slice(opaque, i), opaque, i, false);
        continue;
      }
      const expansion = this.expandReference(text, next, depth);
      // An unknown macro is copied and reading goes on: its % is literal text.
      emit(expansion.output, next, expansion.end, expansion.end === next + 1 && expansion.output === '%');
      i = expansion.end;
      this.produced += expansion.output.length;
      if (this.produced > this.limits.maxOutput) {
        this.report({ severity: 'error', kind: 'limit', message: `macro expansion produced more than ${this.limits.maxOutput} characters` });
        this.exhausted = true;
      }
    }
    return this.exhausted ? out + unknownText('') : out;
  }

  private expandReference(text: string, at: number, depth: number): Expansion {
    const next = text[at + 1];
    if (next === '%') return { output: '%', end: at + 2 };
    if (next === '(') {
      const close = matchClose(text, at + 1, '(', ')');
      if (close < 0) return this.unterminated(text, at, '(');
      return { output: unknownText(text.slice(at, close + 1)), end: close + 1 };
    }
    if (next === '[') {
      const close = matchClose(text, at + 1, '[', ']');
      if (close < 0) return this.unterminated(text, at, '[');
      return { output: this.evaluate(text.slice(at + 2, close), text.slice(at, close + 1), depth), end: close + 1 };
    }
    const ref = next === '{' ? parseBraced(text, at) : parsePlain(text, at);
    if (ref === null) return next === '{' ? this.unterminated(text, at, '{') : { output: '%', end: at + 1 };

    const builtin = BUILTINS.get(ref.name);
    if (builtin !== undefined) return builtin(this, ref, text, depth);

    const definition = this.scope.get(ref.name);
    if (ref.name.startsWith('-') || ref.check) {
      if ((definition === undefined) !== ref.negate) return { output: '', end: ref.end };
      if (ref.body !== null && ref.body !== '') return { output: this.expandAt(ref.body, depth + 1), end: ref.end };
      if (definition === undefined) return { output: '', end: ref.end };
      return { output: this.expandBody(definition, null, depth), end: ref.end };
    }
    // rpm copies the % of an unknown macro and reads on, so references inside it still expand.
    if (definition === undefined) return { output: '%', end: at + 1 };
    if (definition.opts === null) return { output: this.expandBody(definition, null, depth), end: ref.end };
    if (ref.braced) return { output: this.expandBody(definition, ref.body ?? ref.args ?? '', depth), end: ref.end };
    const lineEnd = endOfLine(text, ref.end);
    return { output: this.expandBody(definition, text.slice(ref.end, lineEnd), depth), end: lineEnd };
  }

  /** A macro's value; `args` is the argument text of a parametric call, null for none. */
  private expandBody(definition: MacroDefinition, args: string | null, depth: number): string {
    if (definition.origin.kind === 'argument') return definition.body as string;
    if (definition.opts === null || args === null) return this.run(definition, [], depth);
    const argv = splitArgs(this.expandAt(args, depth + 1));
    const parsed = parseOptions(argv, definition.opts);
    if (parsed.kind === 'error') {
      this.report({ severity: 'error', kind: 'syntax', message: `unknown option ${parsed.option} in %${definition.name}(${definition.opts})` });
      return '';
    }
    const level = ++this.callLevel;
    const local = (name: string, body: string): void =>
      this.scope.define({ name, opts: null, body, origin: { kind: 'argument' }, level });
    local('0', definition.name);
    local('#', String(parsed.positional.length));
    parsed.positional.forEach((arg, i) => local(String(i + 1), arg));
    local('*', parsed.positional.join(' '));
    local('**', argv.join(' '));
    for (const option of parsed.options) {
      local(`-${option.letter}`, option.value === null ? `-${option.letter}` : `-${option.letter} ${option.value}`);
      if (option.value !== null) local(`-${option.letter}*`, option.value);
    }
    try {
      return this.run(definition, parsed.positional, depth);
    } finally {
      this.scope.dropLevel(level);
      this.callLevel--;
    }
  }

  private run(definition: MacroDefinition, args: readonly string[], depth: number): string {
    if (typeof definition.body === 'string') return definition.body === '' ? '' : this.expandAt(definition.body, depth + 1);
    const call: NativeCall = {
      args,
      expand: (text) => this.expandAt(text, depth + 1),
      defined: (name) => this.scope.get(name) !== undefined,
      defineGlobal: (name, body) => this.scope.define({ name, opts: null, body, origin: definition.origin, level: 0 }),
      error: (message) => this.report({ severity: 'error', kind: 'error', message }),
      warn: (message) => this.report({ severity: 'warning', kind: 'warn', message }),
    };
    return definition.body(call);
  }

  private evaluate(expression: string, source: string, depth: number): string {
    const result = evaluateExpression(this.expandAt(expression, depth + 1));
    if (result.kind === 'value') return formatValue(result.value);
    if (result.kind === 'error') this.report({ severity: 'error', kind: 'syntax', message: result.message });
    return unknownText(source);
  }

  private unterminated(text: string, at: number, open: string): Expansion {
    this.report({ severity: 'error', kind: 'syntax', message: `unterminated %${open} in ${JSON.stringify(text.slice(at, at + 40))}` });
    return { output: '%', end: at + 1 };
  }

  /** `%define`/`%global` met while expanding: parse the definition, make it, expand to nothing. */
  defineFrom(text: string, start: number, eager: boolean, depth: number): number {
    const parsed = parseDefinition(text, start);
    if (parsed === null) {
      this.report({ severity: 'error', kind: 'syntax', message: `malformed macro definition: ${JSON.stringify(text.slice(start, start + 40).trim())}` });
      return endOfLine(text, start);
    }
    const body = eager ? this.expandAt(parsed.body, depth + 1) : parsed.body;
    this.scope.define({ name: parsed.name, opts: parsed.opts, body, origin: { kind: 'expansion' }, level: eager ? 0 : this.callLevel });
    return parsed.end;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading references

const NAME_CHAR = /[A-Za-z0-9_]/;

function parseBraced(text: string, at: number): ParsedReference | null {
  const close = matchClose(text, at + 1, '{', '}');
  if (close < 0) return null;
  let i = at + 2;
  let negate = false;
  let check = false;
  for (; text[i] === '!' || text[i] === '?'; i++) {
    if (text[i] === '!') negate = !negate;
    else check = true;
  }
  let e = i;
  while (e < close && text[e] !== ':' && text[e] !== ' ' && text[e] !== '\t' && text[e] !== '\n') e++;
  const name = text.slice(i, e);
  const separator = text[e];
  const rest = e < close ? text.slice(e + 1, close) : null;
  return {
    start: at, name, negate, check, braced: true,
    body: separator === ':' ? rest : null,
    args: separator !== ':' && rest !== null ? rest : null,
    end: close + 1,
  };
}

function parsePlain(text: string, at: number): ParsedReference | null {
  let i = at + 1;
  let negate = false;
  let check = false;
  for (; text[i] === '!' || text[i] === '?'; i++) {
    if (text[i] === '!') negate = !negate;
    else check = true;
  }
  const start = i;
  if (text[i] === '-') i++;
  while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
  if (text[i] === '*') i += text[i + 1] === '*' ? 2 : 1;
  else if (text[i] === '#') i++;
  if (i === start) return null;
  return { start: at, name: text.slice(start, i), negate, check, braced: false, body: null, args: null, end: i };
}

/** rpm's matchchar(): the offset of the bracket closing the one at `open`, counting only its kind. */
export function matchClose(text: string, open: number, left: string, right: string): number {
  let level = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === right) {
      if (--level <= 0) return i;
    } else if (c === left) {
      level++;
    }
  }
  return -1;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** Arguments split on blanks, as rpm splits a parametric call's expanded argument text. */
function splitArgs(text: string): string[] {
  return text.split(/[ \t\n]+/).filter((arg) => arg !== '');
}

interface ParsedDefinition {
  readonly name: string;
  readonly opts: string | null;
  readonly body: string;
  readonly end: number;
}

/**
 * The part of `%define name(opts) body` after the keyword, read like rpm's doDefine: a body in
 * braces is taken whole; otherwise it runs to the end of the line, continued by backslash-newline
 * or by an open `%{`/`%(`/`%[`, a backslash escapes the next character, and blanks are trimmed.
 */
export function parseDefinition(text: string, start: number): ParsedDefinition | null {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const nameStart = i;
  while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
  const name = text.slice(nameStart, i);
  if (name === '' || /^\d/.test(name)) return null;
  let opts: string | null = null;
  if (text[i] === '(') {
    const close = text.indexOf(')', i);
    if (close < 0) return null;
    opts = text.slice(i + 1, close);
    i = close + 1;
  }
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '{') {
    const close = matchClose(text, i, '{', '}');
    if (close >= 0) return { name, opts, body: text.slice(i + 1, close), end: endOfLine(text, close) };
  }
  let body = '';
  let braces = 0;
  let parens = 0;
  let squares = 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' && braces === 0 && parens === 0 && squares === 0) break;
    if (c === '\\' && i + 1 < text.length) {
      body += text[++i];
      continue;
    }
    if (c === '%') {
      const n = text[i + 1];
      if (n === '{' || n === '(' || n === '[' || n === '%') {
        body += c + n;
        i++;
        if (n === '{') braces++;
        else if (n === '(') parens++;
        else if (n === '[') squares++;
        continue;
      }
    }
    if (c === '{' && braces > 0) braces++;
    else if (c === '}' && braces > 0) braces--;
    else if (c === '(' && parens > 0) parens++;
    else if (c === ')' && parens > 0) parens--;
    else if (c === '[' && squares > 0) squares++;
    else if (c === ']' && squares > 0) squares--;
    body += c;
  }
  return { name, opts, body: body.replace(/[ \t\n]+$/, ''), end: i };
}

// ---------------------------------------------------------------------------------------------
// rpm's built-in macros

/** The argument of a built-in: `%{name:arg}`, `%{name arg}`, or the rest of the line. */
function builtinArg(ref: ParsedReference, text: string): { arg: string; end: number } {
  if (ref.braced) return { arg: ref.body ?? ref.args ?? '', end: ref.end };
  const lineEnd = endOfLine(text, ref.end);
  return { arg: text.slice(ref.end, lineEnd).replace(/^[ \t]+/, ''), end: lineEnd };
}

/** A built-in that maps its expanded argument to a string. */
function pure(fn: (arg: string) => string): Builtin {
  return (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    return { output: fn(x.expandAt(arg, depth + 1)), end };
  };
}

/** A built-in whose value depends on the build machine or on running code: unknown. */
const opaque: Builtin = (_x, ref, text) => {
  const { end } = builtinArg(ref, text);
  return { output: unknownText(text.slice(ref.start, end)), end };
};

function definition(eager: boolean): Builtin {
  return (x, ref, text, depth) => {
    if (ref.braced) {
      const inner = ref.body ?? ref.args ?? '';
      x.defineFrom(inner, 0, eager, depth);
      return { output: '', end: ref.end };
    }
    return { output: '', end: x.defineFrom(text, ref.end, eager, depth) };
  };
}

function message(severity: 'error' | 'warning' | null): Builtin {
  return (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    const expanded = x.expandAt(arg, depth + 1);
    if (severity !== null) x.report({ severity, kind: severity === 'error' ? 'error' : 'warn', message: expanded });
    return { output: '', end };
  };
}

const BUILTINS = new Map<string, Builtin>([
  ['define', definition(false)],
  ['global', definition(true)],
  ['undefine', (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    x.scope.undefine(x.expandAt(arg, depth + 1).trim());
    return { output: '', end };
  }],
  ['dnl', (_x, ref, text) => {
    if (ref.braced) return { output: '', end: ref.end };
    const lineEnd = endOfLine(text, ref.end);
    return { output: '', end: Math.min(lineEnd + 1, text.length) };
  }],
  ['expand', (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    return { output: x.expandAt(x.expandAt(arg, depth + 1), depth + 1), end };
  }],
  ['quote', pure((arg) => arg)],
  ['expr', (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    return { output: x.expandAt(`%[${arg}]`, depth + 1), end };
  }],
  ['basename', pure((arg) => arg.replace(/\/+$/, '').replace(/^.*\//, ''))],
  ['dirname', pure((arg) => (arg.includes('/') ? arg.replace(/\/[^/]*$/, '') || '/' : arg))],
  ['suffix', pure((arg) => { const dot = arg.lastIndexOf('.'); return dot < 0 ? '' : arg.slice(dot + 1); })],
  ['shrink', pure((arg) => arg.trim().replace(/[ \t\n]+/g, ' '))],
  ['url2path', pure((arg) => arg.replace(/^[a-z]+:\/\/[^/]*/, ''))],
  ['u2p', pure((arg) => arg.replace(/^[a-z]+:\/\/[^/]*/, ''))],
  ['S', pure((arg) => `%SOURCE${arg}`)],
  ['P', pure((arg) => `%PATCH${arg}`)],
  ['echo', message(null)],
  ['verbose', message(null)],
  ['warn', message('warning')],
  ['error', message('error')],
  ['trace', (_x, ref) => ({ output: '', end: ref.end })],
  ['dump', (_x, ref) => ({ output: '', end: ref.end })],
  ['macrobody', (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    const body = x.scope.get(x.expandAt(arg, depth + 1).trim())?.body;
    return { output: body === undefined ? '' : typeof body === 'string' ? body : unknownText(`%{macrobody:${arg}}`), end };
  }],
  ['lua', opaque],
  ['load', opaque],
  ['getenv', opaque],
  ['exists', opaque],
  ['uncompress', opaque],
  ['getconfdir', opaque],
  ['defined', isDefined(true)],
  ['undefined', isDefined(false)],
]);

/** `%{defined x}` / `%{undefined x}` look the name up rather than expanding it. */
function isDefined(wanted: boolean): Builtin {
  return (x, ref, text, depth) => {
    const { arg, end } = builtinArg(ref, text);
    const defined = x.scope.get(x.expandAt(arg, depth + 1).trim()) !== undefined;
    return { output: defined === wanted ? '1' : '0', end };
  };
}

import { evaluateExpression, formatValue } from './expression.js';
import { matchClose } from './match-close.js';
import { parseOptions } from './getopt.js';
import type { MacroDefinition, MacroOrigin, MacroScope, NativeCall } from './scope.js';
import type { MappedText, SourcePiece } from './source-map.js';
import { endOfUnknown, UNKNOWN_OPEN, unknownText } from './unknown.js';

/**
 * Static macro expansion with rpm 4.18's semantics (macro.c `expandMacro`), checked case by case
 * against `rpm -E`. `%(…)`, `%{lua:…}`, `%{load:…}` and the build machine's state are never run
 * or read: they expand to an unknown region (see unknown.ts). Unknown macros stay literal, as rpm
 * leaves them.
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
  /** Text after a space in braces. */
  readonly args: string | null;
  readonly end: number;
}

type Builtin = (x: MacroExpander, ref: ParsedReference, text: string, depth: number) => Expansion;

/** What runReusing() keeps of an expansion. */
interface ReusableExpansion {
  /** The scope's generation it was made in. */
  readonly generation: number;
  readonly output: string;
  /** Characters it produced on the way, counted against the output limit. */
  readonly produced: number;
  /** How much deeper than the call it went, counted against the depth limit. */
  readonly nesting: number;
}

interface PieceCollector {
  readonly base: number;
  readonly pieces: SourcePiece[];
}

export class MacroExpander {
  readonly diagnostics: MacroDiagnostic[] = [];
  /** Recorded as the origin of `%define`/`%global` made while expanding (the spec line being read). */
  definitionOrigin: MacroOrigin = { kind: 'expansion' };
  private callLevel = 0;
  private produced = 0;
  private exhausted = false;
  /** Last expansion of each macro called without arguments, for runReusing(). */
  private readonly reusable = new Map<MacroDefinition, ReusableExpansion>();
  /** Native macros and parametric calls run so far: expansions that made one are not reused. */
  private unreusableRuns = 0;
  /** The deepest nesting expandAt() has reached (bookkept by runReusing()). */
  private deepest = 0;

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

  /** Defines a macro as a `%define` (lazy) or `%global` (eager) line of the spec does. */
  define(name: string, opts: string | null, body: string, origin: MacroOrigin, eager: boolean): void {
    const value = eager ? this.expand(body) : body;
    this.scope.define({ name, opts, body: value, origin, level: 0 });
  }

  report(diagnostic: MacroDiagnostic): void {
    if (this.diagnostics.length < 1000) this.diagnostics.push(diagnostic);
  }

  expandAt(text: string, depth: number, map?: PieceCollector): string {
    if (depth > this.deepest) this.deepest = depth;
    if (depth > this.limits.maxDepth) {
      if (!this.exhausted) {
        this.report({ severity: 'error', kind: 'limit', message: `macro expansion nested deeper than ${this.limits.maxDepth} levels (a recursive macro?)` });
      }
      this.exhausted = true;
      return unknownText('');
    }
    let out = '';
    let i = 0;
    // Searched again only once reading passes it: a search per reference would make a long text quadratic.
    let percent = text.indexOf('%');
    let opaque = text.indexOf(UNKNOWN_OPEN);
    while (i < text.length && !this.exhausted) {
      if (percent >= 0 && percent < i) percent = text.indexOf('%', i);
      if (opaque >= 0 && opaque < i) opaque = text.indexOf(UNKNOWN_OPEN, i);
      if (percent < 0 && opaque < 0) {
        out = append(out, text.slice(i), map, i, text.length, true);
        break;
      }
      const next = percent < 0 ? opaque : opaque < 0 ? percent : Math.min(percent, opaque);
      out = append(out, text.slice(i, next), map, i, next, true);
      if (next === opaque) {
        i = endOfUnknown(text, opaque);
        out = append(out, text.slice(opaque, i), map, opaque, i, false);
        continue;
      }
      const expansion = this.expandReference(text, next, depth);
      // An unknown macro's % is copied and reading goes on: that % is literal text.
      out = append(out, expansion.output, map, next, expansion.end, expansion.end === next + 1 && expansion.output === '%');
      i = expansion.end;
      this.produced += expansion.output.length;
      // Each enclosing level sees the total too: only the first reports it.
      if (this.produced > this.limits.maxOutput && !this.exhausted) {
        this.report({ severity: 'error', kind: 'limit', message: `macro expansion produced more than ${this.limits.maxOutput} characters` });
        this.exhausted = true;
      }
    }
    return this.exhausted ? out + unknownText('') : out;
  }

  private expandReference(text: string, at: number, depth: number): Expansion {
    const next = text[at + 1];
    if (next === '%') return { output: '%', end: at + 2 };
    if (next === undefined) return { output: '%', end: at + 1 };
    if (next === '(') {
      const close = matchClose(text, at + 1, '(', ')');
      if (close < 0) return this.unterminated(text, at, '(');
      return { output: unknownText(text.slice(at, close + 1)), end: close + 1 };
    }
    if (next === '[') {
      const close = matchClose(text, at + 1, '[', ']');
      if (close < 0) return this.unterminated(text, at, '[');
      return { output: this.evaluateLazily(text.slice(at + 2, close), text.slice(at, close + 1), depth), end: close + 1 };
    }
    const ref = next === '{' ? parseBraced(text, at) : parsePlain(text, at);
    if (ref === null) return next === '{' ? this.unterminated(text, at, '{') : { output: '%', end: at + 1 };

    const builtin = BUILTINS.get(ref.name);
    if (builtin !== undefined) return builtin(this, ref, text, depth);

    const definition = this.visible(ref.name);
    if (ref.name.startsWith('-') || ref.check) {
      if ((definition === undefined) !== ref.negate) return { output: '', end: ref.end };
      if (ref.body !== null && ref.body !== '') return { output: this.expandAt(ref.body, depth + 1), end: ref.end };
      if (definition === undefined) return { output: '', end: ref.end };
      return { output: this.expandBody(definition, null, depth), end: ref.end };
    }
    // rpm copies the % of an unknown macro and reads on, so references inside it still expand.
    if (definition === undefined) return { output: '%', end: at + 1 };
    if (definition.opts === null) return { output: this.expandBody(definition, null, depth), end: ref.end };
    // `%{f:a b}` passes one argument; `%{f a b}` and `%f a b` split theirs.
    if (ref.body !== null) return { output: this.expandBody(definition, [this.expandAt(ref.body, depth + 1)], depth), end: ref.end };
    if (ref.args !== null) return { output: this.expandBody(definition, splitArgs(this.expandAt(ref.args, depth + 1)), depth), end: ref.end };
    if (ref.braced || !(text[ref.end] === ' ' || text[ref.end] === '\t')) {
      return { output: this.expandBody(definition, [], depth), end: ref.end };
    }
    const lineEnd = endOfLine(text, ref.end);
    const argv = splitArgs(this.expandAt(text.slice(ref.end, lineEnd), depth + 1));
    // A backslash before the newline continues the call, and the newline goes with it.
    const end = lineEnd < text.length && text[lineEnd - 1] === '\\' ? lineEnd + 1 : lineEnd;
    return { output: this.expandBody(definition, argv, depth), end };
  }

  /** The macro a name refers to here; a parametric call's arguments are invisible to the calls it makes. */
  private visible(name: string): MacroDefinition | undefined {
    const definition = this.scope.get(name);
    if (definition?.origin.kind === 'argument' && definition.level < this.callLevel) return undefined;
    return definition;
  }

  /** A macro's value; `argv` holds a parametric call's expanded arguments, null when not called as one. */
  private expandBody(definition: MacroDefinition, argv: readonly string[] | null, depth: number): string {
    if (definition.literal === true || definition.origin.kind === 'argument') return definition.body as string;
    if (definition.opts === null || argv === null) return this.runReusing(definition, depth);
    this.unreusableRuns++;
    const parsed = parseOptions(argv, definition.opts);
    if (parsed.kind === 'error') {
      this.report({ severity: 'error', kind: 'syntax', message: `unknown option ${parsed.option} in %${definition.name}(${definition.opts})` });
      return '';
    }
    const level = ++this.callLevel;
    const local = (name: string, body: string): void =>
      this.scope.define({ name, opts: null, body, origin: { kind: 'argument' }, level });
    local('0', definition.name);
    local('**', argv.join(' '));
    for (const option of parsed.options) {
      local(`-${option.letter}`, option.value === null ? `-${option.letter}` : `-${option.letter} ${option.value}`);
      if (option.value !== null) local(`-${option.letter}*`, option.value);
    }
    local('#', String(parsed.positional.length));
    parsed.positional.forEach((arg, i) => local(String(i + 1), arg));
    local('*', parsed.positional.join(' '));
    try {
      return this.run(definition, parsed.positional, depth);
    } finally {
      this.scope.dropLevel(level);
      this.callLevel--;
    }
  }

  /**
   * run() without arguments, giving the last result again when nothing it depends on can have
   * changed: the scope has not changed since (its generation), the call is outside any parametric
   * call, and that expansion defined nothing, reported nothing, ran no native macro or parametric
   * call and hit no limit. The limits still hold: the characters and the nesting that expansion
   * took count again. Specs name the same macros (`%{buildroot}`, `%{_bindir}`) line after line.
   */
  private runReusing(definition: MacroDefinition, depth: number): string {
    if (typeof definition.body !== 'string' || this.callLevel !== 0 || this.exhausted) return this.run(definition, [], depth);
    const generation = this.scope.generation;
    const last = this.reusable.get(definition);
    if (last !== undefined && last.generation === generation
      && this.produced + last.produced <= this.limits.maxOutput && depth + last.nesting <= this.limits.maxDepth) {
      this.produced += last.produced;
      return last.output;
    }
    const produced = this.produced;
    const diagnostics = this.diagnostics.length;
    const unreusable = this.unreusableRuns;
    const deepest = this.deepest;
    this.deepest = depth;
    const output = this.run(definition, [], depth);
    const nesting = this.deepest - depth;
    this.deepest = Math.max(deepest, this.deepest);
    if (!this.exhausted && this.scope.generation === generation && this.diagnostics.length === diagnostics && this.unreusableRuns === unreusable) {
      this.reusable.set(definition, { generation, output, produced: this.produced - produced, nesting });
    }
    return output;
  }

  private run(definition: MacroDefinition, args: readonly string[], depth: number): string {
    if (typeof definition.body === 'string') return definition.body === '' ? '' : this.expandAt(definition.body, depth + 1);
    this.unreusableRuns++;
    const call: NativeCall = {
      args,
      expand: (text) => this.expandAt(text, depth + 1),
      defined: (name) => this.visible(name) !== undefined,
      defineGlobal: (name, body) => this.scope.define({ name, opts: null, body, origin: { kind: 'expansion' }, level: 0 }),
      error: (message) => this.report({ severity: 'error', kind: 'error', message }),
      warn: (message) => this.report({ severity: 'warning', kind: 'warn', message }),
    };
    return definition.body(call);
  }

  /** `%[…]`: evaluated while expanding, so untaken branches are not expanded. */
  private evaluateLazily(expression: string, source: string, depth: number): string {
    const result = evaluateExpression(expression, (macroText) => this.expandAt(macroText, depth + 1));
    if (result.kind === 'value') return formatValue(result.value);
    if (result.kind === 'error') this.report({ severity: 'error', kind: 'syntax', message: result.message });
    return unknownText(source);
  }

  /** The value of an already expanded rpm expression; `source` stands in for it when unknown. */
  evaluateExpanded(expanded: string, source: string): string {
    const result = evaluateExpression(expanded);
    if (result.kind === 'value') return formatValue(result.value);
    if (result.kind === 'error') this.report({ severity: 'error', kind: 'syntax', message: result.message });
    return unknownText(source);
  }

  private unterminated(text: string, at: number, open: string): Expansion {
    this.report({ severity: 'error', kind: 'syntax', message: `unterminated %${open} in ${JSON.stringify(text.slice(at, at + 40))}` });
    return { output: '%', end: at + 1 };
  }

  /**
   * `%define`/`%global` met while expanding: parse the definition, make it, expand to nothing.
   * Returns the offset after what it consumed. `raw`: the braced form, whose body is taken as is.
   */
  defineFrom(text: string, start: number, eager: boolean, depth: number, raw = false): number {
    const parsed = parseDefinition(text, start, raw);
    if (parsed === null) {
      this.report({ severity: 'error', kind: 'syntax', message: `malformed macro definition: ${JSON.stringify(text.slice(start, start + 40).trim())}` });
      return endOfLine(text, start);
    }
    if (parsed.body === '') {
      this.report({ severity: 'error', kind: 'syntax', message: `macro %${parsed.name} has an empty body` });
      return parsed.end;
    }
    const body = eager ? this.expandAt(parsed.body, depth + 1) : parsed.body;
    this.scope.define({ name: parsed.name, opts: parsed.opts, body, origin: this.definitionOrigin, level: eager ? 0 : this.callLevel });
    return parsed.end;
  }
}

/**
 * `out` followed by `chunk`, which came from `[from, to)` of the text being expanded; `map`
 * records that. A plain function, not a closure: expansion runs millions of times per corpus.
 */
function append(out: string, chunk: string, map: PieceCollector | undefined, from: number, to: number, literal: boolean): string {
  if (map !== undefined && (chunk !== '' || !literal)) {
    map.pieces.push({ start: out.length, end: out.length + chunk.length, source: { start: map.base + from, end: map.base + to }, literal });
  }
  return out + chunk;
}

// ---------------------------------------------------------------------------------------------
// Reading references

/** `[A-Za-z0-9_]`, tested on a character code: names are read a character at a time. */
function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

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
  // The name runs up to a `:` or a blank.
  let e = i;
  while (e < close && text[e] !== ':' && text[e] !== ' ') e++;
  const rest = e < close ? text.slice(e + 1, close) : null;
  return {
    start: at, name: text.slice(i, e), negate, check, braced: true,
    body: text[e] === ':' ? rest : null,
    args: text[e] === ' ' ? rest : null,
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
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  if (text[i] === '*') i += text[i + 1] === '*' ? 2 : 1;
  else if (text[i] === '#') i++;
  if (i === start) return null;
  return { start: at, name: text.slice(start, i), negate, check, braced: false, body: null, args: null, end: i };
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

const QUOTE_MARK = '\u001f';

/**
 * Arguments split on blanks; text between two \x1f marks (from `%{quote:…}`) stays one argument,
 * and so does an unknown region (`%(…)` output): what it holds is not known to be several words,
 * and its source text's blanks (`%(curl -s …)`) would make options of it. So shell output that
 * is several words, or an option (`%(echo -n x)`), counts as one argument that is no option.
 */
function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let hadQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === UNKNOWN_OPEN) {
      const end = endOfUnknown(text, i);
      current += text.slice(i, end);
      i = end - 1;
    } else if (c === QUOTE_MARK) {
      quoted = !quoted;
      hadQuote = true;
    } else if (!quoted && (c === ' ' || c === '\t')) {
      if (current !== '' || hadQuote) args.push(current);
      current = '';
      hadQuote = false;
    } else {
      current += c;
    }
  }
  if (current !== '' || hadQuote) args.push(current);
  return args;
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
 * or by an open `%{`/`%(`/`%[`; a backslash escapes the next character; trailing blanks go; and
 * the line ends after the body are consumed. `raw` (the braced `%{define:…}` form) takes the rest.
 */
export function parseDefinition(text: string, start: number, raw = false): ParsedDefinition | null {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const nameStart = i;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  const name = text.slice(nameStart, i);
  // rpm: a name starts with a letter, or with _ when it is longer than one character.
  if (!/^([A-Za-z]|_[A-Za-z0-9_])/.test(name)) return null;
  let opts: string | null = null;
  if (text[i] === '(') {
    const close = text.indexOf(')', i);
    if (close < 0) return null;
    opts = text.slice(i + 1, close);
    i = close + 1;
  }
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (raw) return { name, opts, body: text.slice(i), end: text.length };
  let body = '';
  if (text[i] === '{') {
    const close = matchClose(text, i, '{', '}');
    if (close < 0) return null;
    body = text.slice(i + 1, close);
    i = close + 1;
  } else {
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
    if (braces > 0 || parens > 0 || squares > 0) return null;
    body = body.replace(/[ \t\n\r]+$/, '');
  }
  while (text[i] === '\n' || text[i] === '\r') i++;
  return { name, opts, body, end: i };
}

// ---------------------------------------------------------------------------------------------
// rpm's built-in macros (rpm 4.18's table). Their argument is `%{name:arg}` (one argument) or
// the first word of `%{name args}`, expanded first; `%define`, `%global` and `%dnl` read the raw
// rest of the text instead.

/**
 * The expanded argument of a built-in, or null when it has none. rpm registers the built-ins
 * that take one as parametric, so unbraced they take the rest of the line after a blank.
 */
function builtinArg(x: MacroExpander, ref: ParsedReference, depth: number, text = ''): string | null {
  if (ref.body !== null) return x.expandAt(ref.body, depth + 1);
  if (ref.args !== null) return splitArgs(x.expandAt(ref.args, depth + 1))[0] ?? null;
  if (!ref.braced && (text[ref.end] === ' ' || text[ref.end] === '\t')) {
    return splitArgs(x.expandAt(text.slice(ref.end, endOfLine(text, ref.end)), depth + 1))[0] ?? null;
  }
  return null;
}

/** Where an unbraced built-in's arguments end: at the line end, which stays. */
function builtinEnd(ref: ParsedReference, text: string): number {
  if (ref.braced || !(text[ref.end] === ' ' || text[ref.end] === '\t')) return ref.end;
  return endOfLine(text, ref.end);
}

/** A built-in that maps its expanded argument to its value. */
function pure(fn: (arg: string) => string): Builtin {
  return (x, ref, text, depth) => {
    const arg = builtinArg(x, ref, depth, text);
    if (arg === null) {
      x.report({ severity: 'error', kind: 'syntax', message: `%${ref.name}: argument expected` });
      return { output: '', end: builtinEnd(ref, text) };
    }
    return { output: fn(arg), end: builtinEnd(ref, text) };
  };
}

/** A built-in whose value depends on running code or the build machine: unknown. */
const opaque: Builtin = (_x, ref, text) => ({ output: unknownText(text.slice(ref.start, ref.end)), end: builtinEnd(ref, text) });

function definition(eager: boolean): Builtin {
  return (x, ref, text, depth) => {
    if (!ref.braced) return { output: '', end: x.defineFrom(text, ref.end, eager, depth) };
    x.defineFrom(ref.body ?? ref.args ?? '', 0, eager, depth, true);
    return { output: '', end: builtinEnd(ref, text) };
  };
}

function message(severity: 'error' | 'warning' | null): Builtin {
  return (x, ref, text, depth) => {
    const arg = builtinArg(x, ref, depth, text) ?? '';
    if (severity !== null) x.report({ severity, kind: severity === 'error' ? 'error' : 'warn', message: arg });
    return { output: '', end: builtinEnd(ref, text) };
  };
}

/** `%{defined x}` / `%{undefined x}` look the name up rather than expanding it. */
function isDefined(wanted: boolean): Builtin {
  return (x, ref, text, depth) => {
    const name = builtinArg(x, ref, depth, text)?.trim() ?? '';
    return { output: (x.scope.get(name) !== undefined) === wanted ? '1' : '0', end: builtinEnd(ref, text) };
  };
}

/** The path part of a URL (`https://host/a/b` → `/a/b`); other text is returned as it is. */
function urlPath(arg: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(.*)$/i.exec(arg);
  if (match === null) return arg;
  return match[1] === '' ? '/' : match[1]!;
}

const BUILTINS = new Map<string, Builtin>([
  ['define', definition(false)],
  ['global', definition(true)],
  ['undefine', (x, ref, text, depth) => {
    x.scope.undefine(builtinArg(x, ref, depth, text)?.trim() ?? '');
    return { output: '', end: builtinEnd(ref, text) };
  }],
  ['dnl', (_x, ref, text) => {
    if (ref.braced) return { output: '', end: builtinEnd(ref, text) };
    const lineEnd = endOfLine(text, ref.end);
    return { output: '', end: Math.min(lineEnd + 1, text.length) };
  }],
  ['expand', (x, ref, text, depth) => ({ output: x.expandAt(builtinArg(x, ref, depth, text) ?? '', depth + 1), end: builtinEnd(ref, text) })],
  ['quote', pure((arg) => `${QUOTE_MARK}${arg}${QUOTE_MARK}`)],
  ['shescape', pure((arg) => `'${arg.replaceAll("'", "'\\''")}'`)],
  ['expr', (x, ref, text, depth) => ({ output: x.evaluateExpanded(builtinArg(x, ref, depth, text) ?? '', text.slice(ref.start, ref.end)), end: builtinEnd(ref, text) })],
  ['basename', pure((arg) => arg.slice(arg.lastIndexOf('/') + 1))],
  ['dirname', pure((arg) => (arg.includes('/') ? arg.slice(0, arg.lastIndexOf('/')) : arg))],
  ['suffix', pure((arg) => (arg.includes('.') ? arg.slice(arg.lastIndexOf('.') + 1) : ''))],
  ['shrink', pure((arg) => arg.trim().replace(/\s+/g, ' '))],
  ['url2path', pure(urlPath)],
  ['u2p', pure(urlPath)],
  ['S', (x, ref, text, depth) => ({ output: x.expandAt(`%SOURCE${builtinArg(x, ref, depth, text) ?? ''}`, depth + 1), end: builtinEnd(ref, text) })],
  ['P', (x, ref, text, depth) => ({ output: x.expandAt(`%PATCH${builtinArg(x, ref, depth, text) ?? ''}`, depth + 1), end: builtinEnd(ref, text) })],
  ['uncompress', (x, ref, text, depth) => {
    const arg = builtinArg(x, ref, depth, text) ?? '';
    return { output: arg === '' ? '' : x.expandAt('%__rpmuncompress ', depth + 1) + arg, end: builtinEnd(ref, text) };
  }],
  ['getconfdir', (_x, ref) => ({ output: '/usr/lib/rpm', end: ref.end })],
  // speclint reports as rpm does without -v.
  ['verbose', (_x, ref) => ({ output: ref.body === null && ref.args === null ? '0' : '', end: ref.end })],
  ['echo', message(null)],
  ['warn', message('warning')],
  ['error', message('error')],
  ['trace', (_x, ref) => ({ output: '', end: ref.end })],
  ['dump', (_x, ref) => ({ output: '', end: ref.end })],
  ['macrobody', (x, ref, text, depth) => {
    const name = builtinArg(x, ref, depth, text)?.trim() ?? '';
    const body = x.scope.get(name)?.body;
    if (body === undefined) x.report({ severity: 'error', kind: 'syntax', message: `no such macro: '${name}'` });
    return { output: body === undefined ? '' : typeof body === 'string' ? body : unknownText(`%{macrobody:${name}}`), end: builtinEnd(ref, text) };
  }],
  ['defined', isDefined(true)],
  ['undefined', isDefined(false)],
  // Never run or read: Lua, files, the environment, the build machine.
  ['lua', (x, ref, text, depth) => (ref.braced ? opaque(x, ref, text, depth) : { output: unknownText(text.slice(ref.start)), end: text.length })],
  ['load', opaque],
  ['getenv', opaque],
  ['exists', opaque],
  ['getncpus', opaque],
]);

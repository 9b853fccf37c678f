import { matchClose } from './match-close.js';
import { hasUnknown } from './unknown.js';
import { compareVersions } from './version-compare.js';

const BRACKETS: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']' };

/**
 * rpm's expression language (`%if`, `%[…]`) evaluated on already expanded text: integers,
 * "strings", v"versions", `! - * / + - < > <= >= == != && || ?:` and parentheses. Like rpm,
 * operands of a binary operator must have the same type, bare words are an error, `&&` and `||`
 * give the deciding operand's value.
 */
export type ExprValue =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'version'; readonly value: string };

export type ExprResult =
  | { readonly kind: 'value'; readonly value: ExprValue }
  | { readonly kind: 'error'; readonly message: string }
  /** The text holds output of `%(…)` or Lua, which speclint does not run. */
  | { readonly kind: 'unknown' };

class ExprError extends Error {}
class UnknownValue extends Error {}

/**
 * Evaluates an expression. With `expand`, macro references in it are expanded as the evaluation
 * reaches them, as `%[…]` does: the branch a `?:`, `&&` or `||` does not take is never expanded,
 * so its `%global`s do not happen. Without it, the text is taken as already expanded (`%if`).
 */
export function evaluateExpression(text: string, expand?: (macroText: string) => string): ExprResult {
  if (expand === undefined && hasUnknown(text)) return { kind: 'unknown' };
  const parser = new ExprParser(text, expand);
  try {
    const value = parser.parseTernary();
    parser.skipSpace();
    if (!parser.atEnd()) throw new ExprError('syntax error');
    return { kind: 'value', value };
  } catch (error) {
    if (error instanceof UnknownValue) return { kind: 'unknown' };
    if (error instanceof ExprError) return { kind: 'error', message: `${error.message} in expression: ${text.trim()}` };
    throw error;
  }
}

/** rpm's truth: a non-zero integer or a non-empty string or version. */
export function isTrue(value: ExprValue): boolean {
  return value.type === 'int' ? value.value !== 0 : value.value !== '';
}

/** How `%[…]` prints a value. */
export function formatValue(value: ExprValue): string {
  return String(value.value);
}

const int = (value: number): ExprValue => ({ type: 'int', value });
const bool = (value: boolean): ExprValue => int(value ? 1 : 0);

class ExprParser {
  private at = 0;
  /** Nesting of parentheses and unary operators, bounded so hostile input cannot overflow the stack. */
  private depth = 0;
  /** Inside a branch that is not taken: parse, but expand nothing. */
  private discarding = 0;

  constructor(private readonly text: string, private readonly expand?: (macroText: string) => string) {}

  private skipping<T>(skip: boolean, parse: () => T): T {
    if (skip) this.discarding++;
    try {
      return parse();
    } finally {
      if (skip) this.discarding--;
    }
  }

  private expanded(macroText: string): string {
    if (this.expand === undefined || this.discarding > 0) return macroText;
    const value = this.expand(macroText);
    if (hasUnknown(value)) throw new UnknownValue();
    return value;
  }

  /** The length of the macro reference at `at` (just after its `%`), as rpm's findMacroEnd() finds it. */
  private macroLength(at: number): number {
    const open = this.text[at] ?? '';
    const close = BRACKETS[open];
    if (close !== undefined) {
      const end = matchClose(this.text, at, open, close);
      return end < 0 ? this.text.length - at : end + 1 - at;
    }
    const match = /^[!?]*-?[A-Za-z0-9_]*(\*\*|\*|#)?/.exec(this.text.slice(at))!;
    return match[0].length;
  }

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private peek(token: string): boolean {
    this.skipSpace();
    return this.text.startsWith(token, this.at);
  }

  private take(token: string): boolean {
    if (!this.peek(token)) return false;
    this.at += token.length;
    return true;
  }

  parseTernary(): ExprValue {
    const test = this.parseOr();
    if (!this.take('?')) return test;
    const taken = isTrue(test);
    const then = this.skipping(!taken, () => this.parseTernary());
    if (!this.take(':')) throw new ExprError('syntax error: ":" expected');
    const otherwise = this.skipping(taken, () => this.parseTernary());
    if (then.type !== otherwise.type) throw new ExprError('types must match');
    return taken ? then : otherwise;
  }

  private parseOr(): ExprValue {
    return this.parseLogical('||', () => this.parseAnd());
  }

  private parseAnd(): ExprValue {
    return this.parseLogical('&&', () => this.parseEquality());
  }

  /** `a || b` and `a && b`: the right side is parsed but not evaluated once the left decides. */
  private parseLogical(op: '||' | '&&', operand: () => ExprValue): ExprValue {
    let left = operand();
    while (this.take(op)) {
      const decided = isTrue(left) === (op === '||');
      const right = this.skipping(decided, operand);
      sameType(left, right);
      left = decided ? left : right;
    }
    return left;
  }

  private parseEquality(): ExprValue {
    let left = this.parseRelational();
    for (;;) {
      const op = this.take('==') ? '==' : this.take('!=') ? '!=' : null;
      if (op === null) return left;
      const order = compare(left, this.parseRelational());
      left = bool(op === '==' ? order === 0 : order !== 0);
    }
  }

  private parseRelational(): ExprValue {
    let left = this.parseAdditive();
    for (;;) {
      const op = this.take('<=') ? '<=' : this.take('>=') ? '>=' : this.take('<') ? '<' : this.take('>') ? '>' : null;
      if (op === null) return left;
      const order = compare(left, this.parseAdditive());
      left = bool(op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0);
    }
  }

  private parseAdditive(): ExprValue {
    let left = this.parseMultiplicative();
    for (;;) {
      const op = this.take('+') ? '+' : this.take('-') ? '-' : null;
      if (op === null) return left;
      const right = this.parseMultiplicative();
      sameType(left, right);
      if (left.type === 'int' && right.type === 'int') left = int(op === '+' ? left.value + right.value : left.value - right.value);
      else if (op === '+' && left.type === 'string') left = { type: 'string', value: left.value + right.value };
      else throw new ExprError(`${op} is not defined for ${left.type}s`);
    }
  }

  private parseMultiplicative(): ExprValue {
    let left = this.parseUnary();
    for (;;) {
      const op = this.take('*') ? '*' : this.take('/') ? '/' : null;
      if (op === null) return left;
      const right = this.parseUnary();
      if (left.type !== 'int' || right.type !== 'int') throw new ExprError(`${op} needs integers`);
      if (op === '/' && right.value === 0) throw new ExprError('division by zero');
      left = int(op === '*' ? left.value * right.value : Math.trunc(left.value / right.value));
    }
  }

  private parseUnary(): ExprValue {
    if (this.take('!')) return bool(!isTrue(this.nested(() => this.parseUnary())));
    if (this.take('-')) {
      const operand = this.nested(() => this.parseUnary());
      if (operand.type !== 'int') throw new ExprError('- needs an integer');
      return int(-operand.value);
    }
    if (this.take('+')) return this.nested(() => this.parseUnary());
    return this.parsePrimary();
  }

  private parsePrimary(): ExprValue {
    this.skipSpace();
    if (this.take('(')) {
      const value = this.nested(() => this.parseTernary());
      if (!this.take(')')) throw new ExprError('unmatched (');
      return value;
    }
    const rest = this.text.slice(this.at);
    if (this.expand !== undefined && /^[0-9%]/.test(rest)) return this.parseIntegerToken();
    const number = /^\d+/.exec(rest);
    if (number !== null) {
      this.at += number[0].length;
      return int(Number.parseInt(number[0], 10));
    }
    if (rest.startsWith('"') || rest.startsWith('v"')) return this.parseQuoted();
    if (/^[A-Za-z_]/.test(rest)) throw new ExprError('bare words are not supported, quote them');
    throw new ExprError(rest === '' ? 'unexpected end' : `unexpected ${JSON.stringify(rest[0])}`);
  }

  /** Digits and macro references run together (`0%{?fedora}`): expanded, they must make an integer. */
  private parseIntegerToken(): ExprValue {
    const start = this.at;
    while (this.at < this.text.length) {
      const c = this.text[this.at]!;
      if (c === '%') this.at += 1 + this.macroLength(this.at + 1);
      else if (/\d/.test(c)) this.at++;
      else break;
    }
    if (this.discarding > 0) return int(0);
    const value = this.expanded(this.text.slice(start, this.at)).trim();
    // rpm's wellformedInteger() accepts an empty expansion, which atoi() reads as 0.
    if (value !== '' && !/^-?\d+$/.test(value)) {
      throw new ExprError(/^[A-Za-z]/.test(value) ? 'macro expansion returned a bare word, quote it' : 'macro expansion did not return an integer');
    }
    return int(value === '' ? 0 : Number.parseInt(value, 10));
  }

  /** `"text"` or `v"version"`, macros inside expanded unless the branch is not taken. */
  private parseQuoted(): ExprValue {
    const version = this.text[this.at] === 'v';
    this.at += version ? 2 : 1;
    const start = this.at;
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      this.at += this.text[this.at] === '%' && this.expand !== undefined ? 1 + this.macroLength(this.at + 1) : 1;
    }
    if (this.at >= this.text.length) throw new ExprError('unterminated string');
    const raw = this.text.slice(start, this.at);
    this.at++;
    if (version) return { type: 'version', value: this.discarding > 0 ? '0' : this.expanded(raw) };
    return { type: 'string', value: this.expanded(raw) };
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > 200) throw new ExprError('expression nested too deeply');
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
}

function sameType(a: ExprValue, b: ExprValue): void {
  if (a.type !== b.type) throw new ExprError('types must match');
}

function compare(a: ExprValue, b: ExprValue): number {
  sameType(a, b);
  if (a.type === 'int') return Math.sign(a.value - (b.value as number));
  if (a.type === 'version') return compareVersions(a.value, b.value as string);
  return a.value < (b.value as string) ? -1 : a.value > (b.value as string) ? 1 : 0;
}

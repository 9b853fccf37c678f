import type { Span } from '../parse/cst.js';

/** Where a macro definition comes from: a target's table, rpm's own built-ins, or the spec. */
export type MacroOrigin =
  | { readonly kind: 'target'; readonly package: string }
  | { readonly kind: 'spec'; readonly span: Span }
  | { readonly kind: 'command-line' }
  /** Made by `%define`/`%global` inside an expansion (`%{!?x:%global x 1}`). */
  | { readonly kind: 'expansion' }
  /** A parametric call's `%1`, `%*`, `%-f`…: literal text, never expanded again. */
  | { readonly kind: 'argument' };

/** A macro implemented in TypeScript instead of an rpm body (where the real one runs Lua). */
export type NativeMacro = (call: NativeCall) => string;

export interface NativeCall {
  /** Positional arguments after option parsing (`%1` …). */
  readonly args: readonly string[];
  /** Expands macro text in the caller's scope. */
  expand(text: string): string;
  /** Whether a macro is defined. */
  defined(name: string): boolean;
  /** Defines a global macro, as `%global` does. */
  defineGlobal(name: string, body: string): void;
  /** Reports an rpm `%{error:…}`-like failure. */
  error(message: string): void;
  /** Reports an rpm `%{warn:…}`-like warning. */
  warn(message: string): void;
}

export interface MacroDefinition {
  readonly name: string;
  /** getopt option string of a parametric macro (`%define f(a:b)` → `a:b`), or null. */
  readonly opts: string | null;
  readonly body: string | NativeMacro;
  readonly origin: MacroOrigin;
  /** Call level it was defined at: 0 is global; a parametric call's locals are dropped on return. */
  readonly level: number;
  /** The body is the value as it is, never expanded (rpm's RPMMACRO_LITERAL). */
  readonly literal?: boolean;
}

/**
 * rpm's macro context: each name holds a stack of definitions (`%define` pushes, `%undefine`
 * pops), so a redefinition can be undone.
 */
export class MacroScope {
  /** The stacks this scope has changed; an empty one hides the base's. */
  private readonly table = new Map<string, MacroDefinition[]>();
  /** Definitions made inside parametric calls, newest last, so a call's end can drop them. */
  private readonly locals: MacroDefinition[] = [];
  private changes = 0;

  /**
   * `base`: stacks to start from, read through until a name is changed and only then copied, so
   * a scope over a target's few hundred macros costs nothing to make. The base must not change.
   */
  constructor(private readonly base: ReadonlyMap<string, readonly MacroDefinition[]> | null = null) {}

  /**
   * Counts the changes outside parametric calls (their arguments and local definitions are gone
   * when they return): while it stays the same, a macro expands as it did, outside such calls.
   */
  get generation(): number {
    return this.changes;
  }

  define(definition: MacroDefinition): void {
    if (definition.level === 0) this.changes++;
    const stack = this.ownStack(definition.name);
    if (stack === undefined) this.table.set(definition.name, [definition]);
    else stack.push(definition);
    if (definition.level > 0) this.locals.push(definition);
  }

  /**
   * Puts `definition` in place of the name's current one, for a macro speclint implements itself
   * in place of rpm's: one `%undefine` still leaves the name undefined, as it would in rpm.
   */
  replace(definition: MacroDefinition): void {
    if (this.has(definition.name)) this.undefine(definition.name);
    this.define(definition);
  }

  undefine(name: string): void {
    this.changes++;
    const stack = this.ownStack(name);
    stack?.pop();
    if (stack?.length === 0) this.forget(name);
  }

  get(name: string): MacroDefinition | undefined {
    const stack = this.stack(name);
    return stack === undefined || stack.length === 0 ? undefined : stack[stack.length - 1];
  }

  has(name: string): boolean {
    const stack = this.stack(name);
    return stack !== undefined && stack.length > 0;
  }

  /**
   * A scope that starts with this one's definitions; changes to it leave this one as it is. This
   * scope must not change while the derived one is in use. Only a scope made from nothing, with
   * global definitions only (a target's), is derived from.
   */
  derive(): MacroScope {
    if (this.base !== null || this.locals.length > 0) throw new Error('only a scope made from nothing, outside any call, can be derived from');
    return new MacroScope(this.table);
  }

  /** Drops every definition made at `level` or deeper: the end of a parametric call. */
  dropLevel(level: number): void {
    while (this.locals.length > 0 && this.locals[this.locals.length - 1]!.level >= level) {
      const local = this.locals.pop()!;
      const stack = this.ownStack(local.name);
      const at = stack?.lastIndexOf(local) ?? -1;
      if (at >= 0) stack!.splice(at, 1);
      if (stack?.length === 0) this.forget(local.name);
    }
  }

  private stack(name: string): readonly MacroDefinition[] | undefined {
    return this.table.get(name) ?? this.base?.get(name);
  }

  /** The stack of `name` that this scope may change, copied from the base on first change. */
  private ownStack(name: string): MacroDefinition[] | undefined {
    let stack = this.table.get(name);
    if (stack === undefined) {
      const inherited = this.base?.get(name);
      if (inherited === undefined) return undefined;
      stack = inherited.slice();
      this.table.set(name, stack);
    }
    return stack;
  }

  /** After a name's last definition goes: an empty stack stays only to hide the base's. */
  private forget(name: string): void {
    if (this.base?.has(name) !== true) this.table.delete(name);
  }
}

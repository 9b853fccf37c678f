/**
 * The lossless syntax tree of a spec file.
 *
 * Every node carries a half-open span of UTF-16 offsets into the original text. Lines tile the
 * input, so printing the source slice of every line, in order, gives the input back byte for byte.
 */

/** Half-open range `[start, end)` of UTF-16 code units into the original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** 1-based line and column (the column counts UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A piece of source text that matters on its own (a tag name, a section keyword, an option). */
export interface Token {
  readonly span: Span;
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// Macro text: literal pieces and macro references, nested to any depth.

export interface Literal {
  readonly kind: 'literal';
  readonly span: Span;
  readonly text: string;
}

/** `%%`, which rpm turns into a single `%`. */
export interface PercentEscape {
  readonly kind: 'escape';
  readonly span: Span;
}

/**
 * `%name`, `%?name`, `%!?name`, `%1`, `%*`, `%-f`, or the braced forms `%{name}`, `%{?name:alt}`,
 * `%{!?name:alt}`, `%{name arg…}`, `%{expand:…}`. `name` is null when the braces hold something
 * that is not a macro call shape (`%{ 1 + }`); `body` then holds the whole inside.
 */
export interface MacroRef {
  readonly kind: 'macro';
  readonly span: Span;
  readonly braced: boolean;
  /** `?` (defined test), `!` (negation) in source order, e.g. `!?`. */
  readonly flags: string;
  readonly name: Token | null;
  /** Text after `:` (`%{?x:alt}`, `%{expand:…}`); for `%{lua:…}` see LuaRef. */
  readonly body: MacroText | null;
  /** Text after whitespace (`%{name arg1 arg2}`). */
  readonly args: MacroText | null;
}

/** `%{lua:…}`: never executed, and its body is not macro text, so it is kept opaque. */
export interface LuaRef {
  readonly kind: 'lua';
  readonly span: Span;
  readonly code: Token;
}

/** `%(shell)`: never executed; its body is macro text that rpm would expand first. */
export interface ShellRef {
  readonly kind: 'shell';
  readonly span: Span;
  readonly body: MacroText;
}

/** `%[expression]`. */
export interface ExprRef {
  readonly kind: 'expr';
  readonly span: Span;
  readonly body: MacroText;
}

/** A macro reference nested deeper than the parser's limit, kept as opaque text. */
export interface OpaqueRef {
  readonly kind: 'opaque';
  readonly span: Span;
}

export type TextPart = Literal | PercentEscape | MacroRef | LuaRef | ShellRef | ExprRef | OpaqueRef;
export type AnyMacroRef = Exclude<TextPart, Literal>;

export interface MacroText {
  readonly kind: 'text';
  readonly span: Span;
  readonly parts: readonly TextPart[];
}

// ---------------------------------------------------------------------------------------------
// Conditional expressions (`%if`, `%elif`), kept as a tree of unexpanded operands.

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/';

export type Expr =
  | { readonly kind: 'binary'; readonly span: Span; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'unary'; readonly span: Span; readonly op: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'ternary'; readonly span: Span; readonly test: Expr; readonly then: Expr; readonly else: Expr }
  | { readonly kind: 'group'; readonly span: Span; readonly expr: Expr }
  /** `"text"` or `v"1.2.3"` (a version literal). */
  | { readonly kind: 'string'; readonly span: Span; readonly version: boolean; readonly value: MacroText }
  /** An unbraced parametric macro call taking the rest of the line: `%with python3`. */
  | { readonly kind: 'call'; readonly span: Span; readonly macro: MacroRef; readonly args: MacroText }
  /** A number, a word or a concatenation with macros such as `0%{?fedora}`. */
  | { readonly kind: 'operand'; readonly span: Span; readonly value: MacroText };

// ---------------------------------------------------------------------------------------------
// Lines. Each line's span ends after its line ending; `eol` is '' on a last line without one.

interface LineBase {
  readonly span: Span;
  readonly eol: string;
}

export interface BlankLine extends LineBase {
  readonly kind: 'blank';
}

/** `# …` (rpm still expands macros in it) or `%dnl …` (rpm discards it). */
export interface CommentLine extends LineBase {
  readonly kind: 'comment';
  readonly style: '#' | 'dnl';
  readonly text: MacroText | null;
}

/** `Name: value`, `Requires(post): value`, `Source0: value`. */
export interface TagLine extends LineBase {
  readonly kind: 'tag';
  readonly name: Token;
  readonly qualifier: Token | null;
  readonly value: MacroText | null;
}

export type SectionName =
  | 'package' | 'description' | 'prep' | 'generate_buildrequires' | 'conf' | 'build' | 'install'
  | 'check' | 'clean' | 'files' | 'changelog' | 'pre' | 'post' | 'preun' | 'postun' | 'pretrans'
  | 'posttrans' | 'preuntrans' | 'postuntrans' | 'verifyscript' | 'triggerprein' | 'triggerin'
  | 'triggerun' | 'triggerpostun' | 'filetriggerin' | 'filetriggerun' | 'filetriggerpostun'
  | 'transfiletriggerin' | 'transfiletriggerun' | 'transfiletriggerpostun' | 'sepolicy'
  | 'patchlist' | 'sourcelist' | 'end';

export interface SectionOption {
  readonly span: Span;
  /** `-n`, `-f`, `-p`, `-P`, `-e`, `-q`, … */
  readonly flag: Token;
  readonly value: MacroText | null;
}

/** `%files -n python3-foo -f %{pyproject_files}`, `%post -p /sbin/ldconfig`, `%triggerin -- pkg`. */
export interface SectionHeaderLine extends LineBase {
  readonly kind: 'section-header';
  readonly name: SectionName;
  readonly keyword: Token;
  /** The positional subpackage name (`%package devel`). */
  readonly subpackage: MacroText | null;
  readonly options: readonly SectionOption[];
  /** For triggers: everything after `--`. */
  readonly trigger: MacroText | null;
  /** Words the header did not expect. */
  readonly extra: readonly MacroText[];
}

export type ConditionalDirective =
  | 'if' | 'ifarch' | 'ifnarch' | 'ifos' | 'ifnos' | 'elif' | 'elifarch' | 'elifos' | 'else' | 'endif';

export interface ConditionalLine extends LineBase {
  readonly kind: 'conditional';
  readonly directive: ConditionalDirective;
  readonly keyword: Token;
  /** `%if`/`%elif`: the expression tree, or null when it could not be parsed (see `text`). */
  readonly expr: Expr | null;
  /** Everything after the keyword: the expression, arch/os list, or trailing words. */
  readonly text: MacroText | null;
}

/** `%define name body`, `%global name(opts) body`, `%undefine name`. */
export interface MacroDefinitionLine extends LineBase {
  readonly kind: 'macro-definition';
  readonly keyword: Token;
  readonly name: Token;
  /** The option string of a parametric macro, without parentheses: `a:b` in `%define f(a:b)`. */
  readonly params: Token | null;
  readonly body: MacroText | null;
}

export interface IncludeLine extends LineBase {
  readonly kind: 'include';
  readonly keyword: Token;
  readonly path: MacroText | null;
}

export type FileDirectiveName =
  | 'doc' | 'docdir' | 'license' | 'readme' | 'dir' | 'config' | 'attr' | 'defattr' | 'exclude'
  | 'ghost' | 'verify' | 'defverify' | 'lang' | 'caps' | 'artifact' | 'dev';

export interface FileDirective {
  readonly span: Span;
  readonly name: FileDirectiveName;
  /** The text inside the parentheses of `%attr(…)`, `%config(noreplace)`, … */
  readonly args: Token | null;
}

/** A `%files` line: directives followed by paths (paths may be globs or macros). */
export interface FileEntryLine extends LineBase {
  readonly kind: 'file-entry';
  readonly directives: readonly FileDirective[];
  readonly paths: readonly MacroText[];
}

/** `* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-1` */
export interface ChangelogEntryLine extends LineBase {
  readonly kind: 'changelog-entry';
  readonly text: MacroText | null;
  readonly date: Token | null;
  readonly author: Token | null;
  readonly evr: Token | null;
}

/** Any other line: shell in build sections, description text, a macro call in the preamble. */
export interface TextLine extends LineBase {
  readonly kind: 'text';
  readonly text: MacroText;
}

export type Line =
  | BlankLine | CommentLine | TagLine | SectionHeaderLine | ConditionalLine | MacroDefinitionLine
  | IncludeLine | FileEntryLine | ChangelogEntryLine | TextLine;

// ---------------------------------------------------------------------------------------------
// Structure, folded from the flat lines by structure.ts.

/** The preamble (header null) or a section introduced by a header line. */
export interface Section {
  readonly kind: 'section';
  readonly name: SectionName | 'preamble';
  readonly span: Span;
  readonly header: SectionHeaderLine | null;
  /** The lines after the header, up to the next header. */
  readonly lines: readonly Line[];
}

export interface ConditionalBranch {
  readonly span: Span;
  /** The `%if…`, `%elif…` or `%else` line that opens the branch. */
  readonly directive: ConditionalLine;
  readonly children: readonly ConditionalBlock[];
}

/**
 * An `%if … %endif` block. Conditionals are independent of sections in rpm (an `%if` may wrap
 * several sections), so blocks are kept beside the sections rather than inside them.
 */
export interface ConditionalBlock {
  readonly kind: 'conditional-block';
  readonly span: Span;
  readonly branches: readonly ConditionalBranch[];
  /** null when the `%endif` is missing (a diagnostic says so). */
  readonly end: ConditionalLine | null;
}

export interface SpecFile {
  readonly kind: 'file';
  readonly span: Span;
  /** The original text, so the tree alone prints the file. */
  readonly source: string;
  /** A leading byte-order mark, which is not part of the first line. */
  readonly bom: Token | null;
  readonly sections: readonly Section[];
  readonly conditionals: readonly ConditionalBlock[];
}

/** What the generated parser returns for the start rule `File`. */
export interface RawFile {
  readonly bom: Token | null;
  readonly lines: Line[];
}

import type { ConditionalDirective, Line, Section, SectionName, SpecFile } from '../parse/cst.js';
import { evaluateExpression, isTrue } from './expression.js';
import { DEFAULT_LIMITS, type ExpansionLimits, MacroExpander, type MacroDiagnostic } from './expand.js';
import type { MacroScope } from './scope.js';
import type { MappedText } from './source-map.js';
import type { MacroTable } from './builtins/rpm.js';
import { type PrepContext, renderPatch, renderSetup } from './prep.js';
import { sectionHeaderOf } from './section-header.js';
import { type Target, targetScope } from './targets.js';
import { hasUnknown, UNKNOWN_OPEN } from './unknown.js';

/**
 * Whether a line is read for the target: `active` (its branch is taken), `inactive` (never on
 * this target), or `undecided` (its condition depends on `%(…)`/Lua output speclint does not run;
 * rules see such lines, marked, so that nothing is reported from a branch that may not exist).
 */
export type LineState = 'active' | 'inactive' | 'undecided';

export interface ExpandedLine {
  readonly line: Line;
  readonly section: Section;
  readonly state: LineState;
  /** The line's text after expansion (no line ending), with its source map; null when not expanded. */
  readonly expanded: MappedText | null;
  /**
   * What rpm reads from this line, one physical line at a time (with line ends): the expansion,
   * except that a definition consumes its line end and in %prep `%setup`/`%patch` lines become
   * shell. An expansion may itself hold conditionals, which rpm obeys line by line.
   */
  readonly physical: readonly PhysicalLine[];
}

export interface PhysicalLine {
  readonly text: string;
  readonly state: LineState;
  readonly conditional: boolean;
}

export interface SpecDiagnostic extends MacroDiagnostic {
  readonly line: Line;
}

/** A `%py_byte_compile` call as rpm made it: its expanded arguments, the line and section it is in. */
export interface ByteCompileCall {
  readonly args: readonly string[];
  readonly line: Line;
  readonly section: SectionName | 'preamble';
  readonly state: LineState;
}

export interface SpecExpansion {
  readonly file: SpecFile;
  readonly byteCompiles: readonly ByteCompileCall[];
  readonly target: Target;
  readonly lines: readonly ExpandedLine[];
  readonly diagnostics: readonly SpecDiagnostic[];
  /** The macros as they stand after the last line: everything the spec defined, for the target. */
  readonly scope: MacroScope;
  /** Sources and patches in the order the spec declares them. */
  readonly sources: readonly SpecSource[];
}

export interface ExpandOptions {
  readonly limits?: ExpansionLimits;
  /** Tables applied over rpm's own macros (see targetScope). */
  readonly overrides?: readonly MacroTable[];
  /** `NAME BODY` definitions, as `rpmbuild --define` gives them, applied before the spec. */
  readonly defines?: readonly string[];
}

interface Frame {
  /** State of the enclosing lines. */
  readonly parent: LineState;
  state: LineState;
  /** Whether an earlier branch was (or may have been) taken. */
  taken: 'no' | 'yes' | 'maybe';
}

/** Tags whose value rpm also defines as a macro (parsePreamble's table); prefixes of longer tags come later. */
const MACRO_TAGS: readonly string[] = [
  'name', 'version', 'release', 'epoch', 'summary', 'license', 'sourcelicense', 'distribution', 'disturl',
  'vendor', 'group', 'packager', 'url', 'vcs', 'prefixes', 'prefix', 'disttag', 'bugurl', 'translationurl',
  'upstreamreleases', 'removepathpostfixes', 'modularitylabel',
];

/** A Source or Patch as rpm records it: its number, the tag's value, and its path in %{_sourcedir}. */
export interface SpecSource {
  readonly kind: 'source' | 'patch';
  readonly number: number;
  readonly url: string;
  /** The file name rpm uses: after the last `/`, and after a `=` in it (`…/download?file=x.tgz`). */
  readonly name: string;
  readonly path: string;
}

/** The expansion of a line without the line end it kept (a definition keeps none). */
function withoutLineEnd(mapped: MappedText, eol: string): MappedText {
  if (eol === '' || !mapped.text.endsWith(eol)) return mapped;
  const end = mapped.text.length - eol.length;
  // Pieces come in output order: those after the text's new end go, and the last one left may
  // have held the line end.
  let kept = mapped.pieces.length;
  while (kept > 0 && mapped.pieces[kept - 1]!.start >= end) kept--;
  const pieces = mapped.pieces.slice(0, kept);
  const last = pieces[kept - 1];
  if (last !== undefined && last.end > end) {
    pieces[kept - 1] = { ...last, end, source: last.literal ? { start: last.source.start, end: last.source.start + (end - last.start) } : last.source };
  }
  return { text: mapped.text.slice(0, end), pieces };
}

/** The longest run without a `%`, a newline or an unknown region's start, read where lastIndex says. */
const PLAIN_RUN = new RegExp(`[^%\\n${UNKNOWN_OPEN}]*`, 'y');

/**
 * Whether `[start, end)` of the source expands to itself and is one physical line: no `%`, no
 * unknown region, no newline before its end. Tested in place: most lines are such, and a slice of
 * each would be made for nothing.
 */
function isPlainSpan(source: string, start: number, end: number): boolean {
  PLAIN_RUN.lastIndex = start;
  PLAIN_RUN.test(source);
  const runEnd = PLAIN_RUN.lastIndex;
  return runEnd >= end || (runEnd === end - 1 && source.charCodeAt(runEnd) === 0x0a);
}

/**
 * A line that expands to itself: its expansion and its physical line are made only when asked
 * for. Most lines of a spec are such (a changelog, a description, most shell), and few are ever
 * looked at.
 */
class PlainLine implements ExpandedLine {
  #expanded: MappedText | undefined;
  #physical: readonly PhysicalLine[] | undefined;

  constructor(readonly line: Line, readonly section: Section, readonly state: LineState, private readonly source: string) {}

  get expanded(): MappedText {
    const { start, end } = this.line.span;
    return (this.#expanded ??= literalText(this.source.slice(start, end - this.line.eol.length), start));
  }

  get physical(): readonly PhysicalLine[] {
    return (this.#physical ??= [{ text: this.source.slice(this.line.span.start, this.line.span.end), state: this.state, conditional: false }]);
  }
}

/**
 * Whether the line reads as it is written: no macro, no `%(…)` output, one physical line. Its
 * expansion is made only when asked for, and holds nothing a macro could add: a rule can leave it
 * and its tree's macro references alone.
 */
export function isPlain(line: ExpandedLine): boolean {
  return line instanceof PlainLine;
}

/** A line in a branch not read on the target: its physical lines are made only when asked for. */
class SkippedLine implements ExpandedLine {
  readonly state = 'inactive';
  readonly expanded = null;
  #physical: readonly PhysicalLine[] | undefined;

  constructor(readonly line: Line, readonly section: Section, private readonly source: string) {}

  get physical(): readonly PhysicalLine[] {
    return (this.#physical ??= splitPhysical(this.source.slice(this.line.span.start, this.line.span.end)).map((text) => ({ text, state: 'inactive' as const, conditional: false })));
  }
}

/**
 * What rpm records from each line of the sections where it records one (record()): a tag of the
 * preamble, or one more Source or Patch of a list. A plain line elsewhere needs no look at all.
 */
const RECORDED: Partial<Record<SectionName | 'preamble', 'tag' | 'source' | 'patch'>> = {
  preamble: 'tag', package: 'tag', sourcelist: 'source', patchlist: 'patch',
};

/** Text mapped character for character to the source at `start`, as expansion maps literal text. */
function literalText(text: string, start: number): MappedText {
  return { text, pieces: text === '' ? [] : [{ start: 0, end: text.length, source: { start, end: start + text.length }, literal: true }] };
}

/** A buffer split into physical lines, each keeping its `\n`; an empty buffer is one empty line. */
function splitPhysical(buffer: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n', start)) {
    lines.push(buffer.slice(start, newline + 1));
    start = newline + 1;
  }
  if (start < buffer.length || lines.length === 0) lines.push(buffer.slice(start));
  return lines;
}

/** Wraps the target's `%py_byte_compile` so each call is recorded with its expanded arguments. */
function recordByteCompiles(scope: MacroScope, record: (args: readonly string[]) => void): void {
  const original = scope.get('py_byte_compile');
  if (original === undefined) return;
  scope.replace({
    ...original,
    body: (call) => {
      record(call.args);
      return typeof original.body === 'string' ? call.expand(original.body) : original.body(call);
    },
  });
}

/**
 * `%autopatch` and `%__apply_patch` run Lua in rpm; these do the same from the spec's patch list.
 * Patch files are never opened: like rpm without the file, each says it cannot read it.
 */
function definePatchMacros(scope: MacroScope, sources: readonly SpecSource[]): void {
  const origin = { kind: 'target' as const, package: 'rpm' };
  scope.replace({
    name: '__apply_patch', opts: 'qp:m:', origin, level: 0,
    // rpm's definition ends its first line with a backslash, so the body starts with a newline.
    body: (call) => `\necho 'Cannot read ${call.args[0] ?? ''}'; exit 1;\n`,
  });
  scope.replace({
    name: 'autopatch', opts: 'vp:m:M:', origin, level: 0,
    body: (call) => {
      const patches = sources.filter((s) => s.kind === 'patch');
      const low = call.expand('%{-m:%{-m*}}');
      const high = call.expand('%{-M:%{-M*}}');
      const wanted = call.args.length > 0
        ? call.args.map(Number)
        : patches.map((p) => p.number).filter((n) => (low === '' || n >= Number(low)) && (high === '' || n <= Number(high)));
      const options = call.expand('%{!-v:-q} %{-p:-p%{-p*}} ');
      return wanted.map((number, i) => {
        const patch = patches.find((p) => p.number === number);
        if (patch === undefined) {
          call.error(`no such patch ${number}`);
          return '';
        }
        return `${call.expand(`%__apply_patch -m ${patch.name}  ${options}${patch.path} ${i + 1}`)}\n`;
      }).join('');
    },
  });
}

/**
 * Reads a spec the way rpm does for one target: conditionals decided (or marked undecided),
 * definitions made in order, tags defining `%{name}` and `%{SOURCE0}`, every other line expanded
 * with a map back to its source.
 */
export function expandSpec(file: SpecFile, target: Target, options: ExpandOptions = {}): SpecExpansion {
  const scope = targetScope(target, options.overrides);
  const expander = new MacroExpander(scope, options.limits ?? DEFAULT_LIMITS);
  const sources: SpecSource[] = [];
  const autonumber = { source: -1, patch: -1 };
  definePatchMacros(scope, sources);
  const byteCompiles: ByteCompileCall[] = [];
  let currentLine: Line | null = null;
  let currentState: LineState = 'active';
  recordByteCompiles(scope, (args) => {
    if (currentLine !== null) byteCompiles.push({ args, line: currentLine, section: reading, state: currentState });
  });
  for (const define of options.defines ?? []) {
    const [name = '', ...rest] = define.trim().split(/\s+/);
    expander.define(name, null, rest.join(' '), { kind: 'command-line' }, false);
  }
  const lines: ExpandedLine[] = [];
  const diagnostics: SpecDiagnostic[] = [];
  const frames: Frame[] = [];
  // frames[-1] of an empty array would be a slow property lookup in V8, once per line.
  const current = (): LineState => (frames.length === 0 ? 'active' : frames[frames.length - 1]!.state);
  const source = file.source;

  /** Expands `text`, which stands at `start` in the source. */
  const expandSpan = (line: Line, text: string, start: number): MappedText => {
    const before = expander.diagnostics.length;
    const mapped = expander.expandMapped(text, start);
    for (let i = before; i < expander.diagnostics.length; i++) diagnostics.push({ ...expander.diagnostics[i]!, line });
    return mapped;
  };

  // rpm's parser points these at the defaults when it starts reading a spec.
  expander.define('_docdir', null, '%{_defaultdocdir}', { kind: 'command-line' }, false);
  expander.define('_licensedir', null, '%{_defaultlicensedir}', { kind: 'command-line' }, false);
  // The section rpm is reading, which an expansion may change (`%description %_description`).
  let reading = 'preamble' as SectionName | 'preamble';
  const enter = (next: SectionName): void => {
    if (reading === 'files') scope.undefine('license');
    reading = next;
    // While reading %files, rpm masks %{license} (the License: tag) so `%license FILE` stays a directive.
    if (next === 'files') scope.define({ name: 'license', opts: null, body: '%license', origin: { kind: 'target', package: 'rpm' }, level: 0, literal: true });
  };
  for (const section of file.sections) {
    if (section.header !== null) read(section.header, section);
    for (const line of section.lines) read(line, section);
  }
  if (reading === 'files') scope.undefine('license');
  // Expansions made later on the final scope (a rule trying a fix) are not the spec's calls.
  currentLine = null;
  return { file, target, lines, diagnostics, scope, sources, byteCompiles };

  /** Reads one line of the spec, as rpm does, into `lines`. */
  function read(line: Line, section: Section): void {
    if (line.kind === 'conditional') {
      const text = line.text;
      const state = decideConditional(line.directive, frames, () => (text === null ? null : expandSpan(line, source.slice(text.span.start, text.span.end), text.span.start).text));
      lines.push({ line, section, state, expanded: null, physical: [{ text: source.slice(line.span.start, line.span.end), state, conditional: true }] });
      return;
    }
    const state = current();
    if (state === 'inactive') {
      lines.push(new SkippedLine(line, section, source));
      return;
    }
    if (isPlainSpan(source, line.span.start, line.span.end)) {
      // Most lines: nothing to expand, one physical line, so no conditional in it either. rpm
      // reads one as it is, except that it may be a tag or a line of a Source or Patch list.
      if (RECORDED[reading] !== undefined) record(source.slice(line.span.start, line.span.end), line);
      lines.push(new PlainLine(line, section, state, source));
      return;
    }
    // Only an expansion can call %py_byte_compile or make a definition with the line as its
    // origin; a plain tag's definitions (record()) pass their own.
    currentLine = line;
    currentState = state;
    expander.definitionOrigin = { kind: 'spec', span: line.span };
    const raw = source.slice(line.span.start, line.span.end);
    // The line end goes in too: %define, %global and %dnl swallow it, as in rpm.
    const withEnd = expandSpan(line, raw, line.span.start);
    const expanded = withoutLineEnd(withEnd, line.eol);
    const physical = splitPhysical(withEnd.text).map((text): PhysicalLine => {
      const directive = text.includes('%') ? CONDITIONAL_LINE.exec(text) : null;
      if (directive !== null) {
        const rest = text.slice(directive[0].length);
        const own = decideConditional((directive[1] ?? directive[2]) as ConditionalDirective, frames, () => rest.replace(/\n$/, ''));
        return { text, state: own, conditional: true };
      }
      const lineState = current();
      if (lineState === 'inactive') return { text, state: lineState, conditional: false };
      return { text: readPhysical(text, line), state: lineState, conditional: false };
    });
    lines.push({ line, section, state, expanded, physical });
  }

  /** What the section being read makes of one expanded physical line; returns the line as rpm keeps it. */
  function readPhysical(text: string, line: Line): string {
    const header = sectionHeaderOf(text);
    if (header !== null) {
      enter(header);
      return text;
    }
    if (reading === 'prep') return renderPrepLine(text, line);
    record(text, line);
    return text;
  }

  /** What rpm records from a line of the preamble (a tag) or of a Source or Patch list (one more entry). */
  function record(text: string, line: Line): void {
    const recorded = RECORDED[reading];
    if (recorded === 'tag') {
      const tag = PREAMBLE_TAG.exec(text);
      if (tag !== null) recordTag(tag[1]!.toLowerCase(), tag[2]!.trim(), reading === 'preamble', line);
    } else if (recorded !== undefined) {
      // Each line of these sections is one more Source or Patch, numbered on from the last.
      const value = text.trim();
      if (value !== '' && !value.startsWith('#')) recordTag(recorded, value, true, line);
    }
  }

  function renderPrepLine(text: string, line: Line): string {
    const context: PrepContext = {
      expand: (macroText) => expander.expand(macroText),
      sources,
      setBuildSubdir: (dir) => expander.define('buildsubdir', null, dir, { kind: 'spec', span: line.span }, false),
      error: (message) => diagnostics.push({ severity: 'error', kind: 'syntax', message, line }),
    };
    if (text.startsWith('%setup')) return renderSetup(text.replace(/\n$/, ''), context);
    if (text.startsWith('%patch')) return renderPatch(text.replace(/\n$/, ''), context);
    return text;
  }

  function recordTag(tag: string, value: string, mainPackage: boolean, line: Line): void {
    const origin = { kind: 'spec' as const, span: line.span };
    if (MACRO_TAGS.includes(tag)) {
      expander.define(tag, null, value, origin, false);
      if (mainPackage) expander.define(tag.toUpperCase(), null, value, origin, false);
      return;
    }
    const numbered = /^(source|patch)(\d*)$/.exec(tag);
    if (numbered === null) return;
    const kind = numbered[1] as 'source' | 'patch';
    // rpm numbers an unnumbered Source or Patch after the highest number so far, from 0.
    const number = numbered[2] !== '' ? Number(numbered[2]) : ++autonumber[kind];
    autonumber[kind] = Math.max(autonumber[kind], number);
    // rpm takes the file name after the last `/`, and after a `=` in it (`…?file=name.tar.gz`).
    const last = value.slice(value.lastIndexOf('/') + 1);
    const name = last.slice(last.lastIndexOf('=') + 1);
    const path = `${expander.expand('%{_sourcedir}')}/${name}`;
    sources.push({ kind, number, url: value, name, path });
    const prefix = kind === 'source' ? 'SOURCE' : 'PATCH';
    expander.define(`${prefix}${number}`, null, path, origin, false);
    expander.define(`${prefix}URL${number}`, null, value, origin, false);
  }
}

/** `Tag: value` or `Tag(qualifier): value` at the start of a preamble line. */
const PREAMBLE_TAG = /^([A-Za-z]+\d*)\s*(?:\([^)]*\))?\s*:(.*)$/s;

/** rpm's parseLineType(): a conditional directive after leading blanks; `%if` needs a blank or the end after it. */
const CONDITIONAL_LINE = /^[ \t]*%(ifarch|ifnarch|elifarch|ifos|ifnos|elifos|if|elif)(?=[ \t\n]|$)|^[ \t]*%(else|endif)(?![A-Za-z])/;

/**
 * Updates the conditional stack for an `%if…`/`%elif…`/`%else`/`%endif`; returns the line's own
 * state. `condition` gives the expanded text after the keyword; it is only called where rpm
 * expands it (not inside a branch that is not read).
 */
function decideConditional(directive: ConditionalDirective, frames: Frame[], condition: () => string | null): LineState {
  const top = frames[frames.length - 1];
  const outer = top?.state ?? 'active';
  const evaluate = (parent: LineState): LineState => {
    if (parent === 'inactive') return 'inactive';
    const verdict = conditionHolds(directive, condition());
    if (verdict === false) return 'inactive';
    return verdict === null || parent === 'undecided' ? 'undecided' : 'active';
  };
  switch (directive) {
    case 'if': case 'ifarch': case 'ifnarch': case 'ifos': case 'ifnos': {
      const state = evaluate(outer);
      frames.push({ parent: outer, state, taken: state === 'active' ? 'yes' : state === 'undecided' ? 'maybe' : 'no' });
      return outer;
    }
    case 'elif': case 'elifarch': case 'elifos': {
      if (top === undefined) return 'active';
      if (top.taken === 'yes') {
        top.state = 'inactive';
      } else {
        const state = evaluate(top.parent);
        top.state = top.taken === 'maybe' && state !== 'inactive' ? 'undecided' : state;
        if (state === 'active' && top.taken === 'no') top.taken = 'yes';
        else if (state !== 'inactive') top.taken = 'maybe';
      }
      return top.parent;
    }
    case 'else': {
      if (top === undefined) return 'active';
      top.state = top.taken === 'yes' ? 'inactive' : top.taken === 'maybe' && top.parent !== 'inactive' ? 'undecided' : top.parent;
      top.taken = 'yes';
      return top.parent;
    }
    case 'endif': {
      frames.pop();
      return top?.parent ?? 'active';
    }
  }
}

/** True, false, or null when the condition depends on output speclint does not run. */
function conditionHolds(directive: ConditionalDirective, text: string | null): boolean | null {
  if (text === null) return false;
  if (hasUnknown(text)) return null;
  switch (directive) {
    case 'ifarch': case 'elifarch': return matchesWord(text, 'x86_64');
    case 'ifnarch': return !matchesWord(text, 'x86_64');
    case 'ifos': case 'elifos': return matchesWord(text, 'linux');
    case 'ifnos': return !matchesWord(text, 'linux');
    default: {
      const result = evaluateExpression(text.replace(/\s#.*$/, ''));
      return result.kind === 'value' ? isTrue(result.value) : null;
    }
  }
}

/** rpm's matchTok(): whether a blank- or comma-separated list holds the word. */
function matchesWord(list: string, wanted: string): boolean {
  return list.split(/[\s,]+/).includes(wanted);
}

import type { ConditionalLine, Line, Section, SpecFile } from '../parse/cst.js';
import { evaluateExpression, isTrue } from './expression.js';
import { DEFAULT_LIMITS, type ExpansionLimits, MacroExpander, type MacroDiagnostic } from './expand.js';
import type { MacroScope } from './scope.js';
import type { MappedText } from './source-map.js';
import { type Target, targetScope } from './targets.js';
import { hasUnknown } from './unknown.js';

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
}

export interface SpecDiagnostic extends MacroDiagnostic {
  readonly line: Line;
}

export interface SpecExpansion {
  readonly target: Target;
  readonly lines: readonly ExpandedLine[];
  readonly diagnostics: readonly SpecDiagnostic[];
  /** The macros as they stand after the last line: everything the spec defined, for the target. */
  readonly scope: MacroScope;
}

export interface ExpandOptions {
  readonly limits?: ExpansionLimits;
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

/** Tags whose value rpm also defines as a macro (parsePreamble's table), for the main package. */
const TAG_MACROS: Readonly<Record<string, readonly string[]>> = {
  name: ['name', 'NAME'],
  version: ['version', 'VERSION'],
  release: ['release', 'RELEASE'],
  epoch: ['epoch', 'EPOCH'],
  summary: ['summary', 'SUMMARY'],
  license: ['license', 'LICENSE'],
  url: ['url', 'URL'],
  group: ['group', 'GROUP'],
  vendor: ['vendor'],
  packager: ['packager'],
  distribution: ['distribution'],
  disturl: ['disturl'],
  bugurl: ['bugurl'],
  vcs: ['vcs'],
  modularitylabel: ['modularitylabel'],
  sourcelicense: ['sourcelicense'],
};

/**
 * Reads a spec the way rpm does for one target: conditionals decided (or marked undecided),
 * definitions made in order, tags defining `%{name}` and `%{SOURCE0}`, every other line expanded
 * with a map back to its source.
 */
export function expandSpec(file: SpecFile, target: Target, options: ExpandOptions = {}): SpecExpansion {
  const scope = targetScope(target);
  const expander = new MacroExpander(scope, options.limits ?? DEFAULT_LIMITS);
  for (const define of options.defines ?? []) {
    const [name = '', ...rest] = define.trim().split(/\s+/);
    expander.define(name, null, rest.join(' '), { kind: 'command-line' }, false);
  }
  const lines: ExpandedLine[] = [];
  const diagnostics: SpecDiagnostic[] = [];
  const frames: Frame[] = [];
  const current = (): LineState => frames[frames.length - 1]?.state ?? 'active';
  const source = file.source;
  let sourceCount = 0;
  let patchCount = 0;

  const expandSpan = (line: Line, start: number, end: number): MappedText => {
    const before = expander.diagnostics.length;
    const mapped = expander.expandMapped(source.slice(start, end), start);
    for (const diagnostic of expander.diagnostics.slice(before)) diagnostics.push({ ...diagnostic, line });
    return mapped;
  };
  const contentEnd = (line: Line): number => line.span.end - line.eol.length;

  for (const section of file.sections) {
    const sectionLines = section.header === null ? section.lines : [section.header, ...section.lines];
    for (const line of sectionLines) {
      if (line.kind === 'conditional') {
        const state = decideConditional(line, frames, (text) => expandSpan(line, text.start, text.end).text, target);
        lines.push({ line, section, state, expanded: null });
        continue;
      }
      const state = current();
      if (state === 'inactive') {
        lines.push({ line, section, state, expanded: null });
        continue;
      }
      const expanded = expandSpan(line, line.span.start, contentEnd(line));
      lines.push({ line, section, state, expanded });
      if (line.kind === 'tag' && section.name === 'preamble' && line.value !== null) {
        const value = expandSpan(line, line.value.span.start, line.value.span.end).text.trim();
        const tag = line.name.text.toLowerCase();
        for (const name of TAG_MACROS[tag] ?? []) expander.define(name, null, value, { kind: 'spec', span: line.span }, false);
        const numbered = /^(source|patch)(\d*)$/.exec(tag);
        if (numbered !== null) {
          const isSource = numbered[1] === 'source';
          const number = numbered[2] !== '' ? Number(numbered[2]) : isSource ? sourceCount : patchCount;
          const prefix = isSource ? 'SOURCE' : 'PATCH';
          expander.define(`${prefix}${number}`, null, value, { kind: 'spec', span: line.span }, false);
          if (isSource) sourceCount = number + 1;
          else patchCount = number + 1;
        }
      }
    }
  }
  return { target, lines, diagnostics, scope };
}

/** Updates the conditional stack for an `%if…`/`%elif…`/`%else`/`%endif` line; returns its own state. */
function decideConditional(
  line: ConditionalLine, frames: Frame[], expand: (span: { start: number; end: number }) => string, target: Target,
): LineState {
  const top = frames[frames.length - 1];
  const outer = top?.state ?? 'active';
  const evaluate = (parent: LineState): LineState => {
    if (parent === 'inactive') return 'inactive';
    const verdict = conditionHolds(line, expand, target);
    if (verdict === false) return 'inactive';
    return verdict === null || parent === 'undecided' ? 'undecided' : 'active';
  };
  switch (line.directive) {
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
function conditionHolds(line: ConditionalLine, expand: (span: { start: number; end: number }) => string, target: Target): boolean | null {
  if (line.text === null) return false;
  const text = expand(line.text.span);
  if (hasUnknown(text)) return null;
  switch (line.directive) {
    case 'ifarch': case 'elifarch': return matchesWord(text, target, 'arch');
    case 'ifnarch': return !matchesWord(text, target, 'arch');
    case 'ifos': case 'elifos': return matchesWord(text, target, 'os');
    case 'ifnos': return !matchesWord(text, target, 'os');
    default: {
      const result = evaluateExpression(text.replace(/\s#.*$/, ''));
      return result.kind === 'value' ? isTrue(result.value) : null;
    }
  }
}

function matchesWord(list: string, _target: Target, kind: 'arch' | 'os'): boolean {
  const wanted = kind === 'arch' ? 'x86_64' : 'linux';
  return list.split(/[\s,]+/).includes(wanted);
}

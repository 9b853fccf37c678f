import type {
  ConditionalBlock, ConditionalBranch, ConditionalLine, Line, MacroText, RawFile, Section, SectionHeaderLine,
  Span, SpecFile,
} from './cst.js';
import type { PendingDiagnostic } from './diagnostics.js';
import { isKnownTag } from './known-tags.js';
import { suggestSectionKeyword } from './section-typos.js';

interface OpenSection {
  name: Section['name'];
  header: SectionHeaderLine | null;
  start: number;
  lines: Line[];
  /** After a misspelt section header the following lines belong to it, not here: one report is enough. */
  misspeltHeaderSeen: boolean;
}

interface OpenBranch {
  directive: ConditionalLine;
  children: ConditionalBlock[];
  /** Whether rpm can never take this branch (`%if 0`), so its content is not checked. */
  dead: boolean;
}

interface OpenBlock {
  branches: OpenBranch[];
  /** Whether a previous branch was `%if 1`, which makes later branches dead. */
  taken: boolean;
}

const IF_DIRECTIVES = new Set(['if', 'ifarch', 'ifnarch', 'ifos', 'ifnos']);
const ELSE_IF_DIRECTIVES = new Set(['elif', 'elifarch', 'elifos']);

/**
 * Folds the flat lines into the preamble and sections, and `%if` blocks into a tree, with
 * recovery: a stray `%else`/`%endif` is reported and skipped, a missing `%endif` is closed at the
 * end of the file. Conditionals may span sections in rpm, so they are not closed by a header.
 */
export function foldStructure(raw: RawFile, source: string): { file: SpecFile; diagnostics: PendingDiagnostic[] } {
  const diagnostics: PendingDiagnostic[] = [];
  const sections: Section[] = [];
  const topLevel: ConditionalBlock[] = [];
  const stack: OpenBlock[] = [];
  const bodyStart = raw.bom?.span.end ?? 0;
  let current: OpenSection = { name: 'preamble', header: null, start: bodyStart, lines: [], misspeltHeaderSeen: false };

  const closeSection = (end: number): void => {
    sections.push({ kind: 'section', name: current.name, span: { start: current.start, end }, header: current.header, lines: current.lines });
  };
  const inDeadBranch = (): boolean => stack.some((block) => block.branches[block.branches.length - 1]!.dead);

  for (const line of raw.lines) {
    if (line.kind === 'section-header') {
      closeSection(line.span.start);
      current = { name: line.name, header: line, start: line.span.start, lines: [], misspeltHeaderSeen: false };
      continue;
    }
    current.lines.push(line);
    if (line.kind === 'conditional') {
      foldConditional(line, stack, topLevel, diagnostics);
    } else if (!inDeadBranch()) {
      checkLine(line, current, source, diagnostics);
    }
  }
  closeSection(source.length);

  for (let block = stack.pop(); block !== undefined; block = stack.pop()) {
    const opening = block.branches[0]!.directive;
    diagnostics.push({
      code: 'SP003',
      message: `${opening.keyword.text} has no matching %endif`,
      span: opening.keyword.span,
      related: [{ message: 'the file ends here', span: { start: source.length, end: source.length } }],
    });
    attach(closeBlock(block, null, source.length), stack, topLevel);
  }

  const file: SpecFile = {
    kind: 'file', span: { start: 0, end: source.length }, source, bom: raw.bom, sections, conditionals: topLevel,
  };
  return { file, diagnostics };
}

function foldConditional(
  line: ConditionalLine, stack: OpenBlock[], topLevel: ConditionalBlock[], diagnostics: PendingDiagnostic[],
): void {
  const { directive } = line;
  if (IF_DIRECTIVES.has(directive)) {
    checkCondition(line, diagnostics);
    const constant = constantCondition(line);
    stack.push({ branches: [{ directive: line, children: [], dead: constant === false }], taken: constant === true });
    return;
  }
  const block = stack[stack.length - 1];
  if (block === undefined) {
    diagnostics.push({ code: 'SP002', message: `${line.keyword.text} without a matching %if`, span: line.keyword.span });
    return;
  }
  if (directive === 'endif') {
    stack.pop();
    attach(closeBlock(block, line, line.span.end), stack, topLevel);
    return;
  }
  const last = block.branches[block.branches.length - 1]!;
  if (last.directive.directive === 'else') {
    diagnostics.push({
      code: 'SP004',
      message: `${line.keyword.text} after %else`,
      span: line.keyword.span,
      related: [{ message: 'the %else is here', span: last.directive.keyword.span }],
    });
  }
  if (ELSE_IF_DIRECTIVES.has(directive)) checkCondition(line, diagnostics);
  const constant = directive === 'else' ? true : constantCondition(line);
  block.branches.push({ directive: line, children: [], dead: block.taken || constant === false });
  if (constant === true) block.taken = true;
}

function closeBlock(block: OpenBlock, end: ConditionalLine | null, endOffset: number): ConditionalBlock {
  const branches: ConditionalBranch[] = block.branches.map((branch, i) => {
    const next = block.branches[i + 1]?.directive.span.start ?? end?.span.start ?? endOffset;
    return { span: { start: branch.directive.span.start, end: next }, directive: branch.directive, children: branch.children };
  });
  return { kind: 'conditional-block', span: { start: branches[0]!.span.start, end: endOffset }, branches, end };
}

function attach(block: ConditionalBlock, stack: OpenBlock[], topLevel: ConditionalBlock[]): void {
  const parent = stack[stack.length - 1];
  if (parent === undefined) topLevel.push(block);
  else parent.branches[parent.branches.length - 1]!.children.push(block);
}

function checkCondition(line: ConditionalLine, diagnostics: PendingDiagnostic[]): void {
  if (line.directive !== 'if' && line.directive !== 'elif') return;
  if (line.text === null) {
    diagnostics.push({ code: 'SP005', message: `${line.keyword.text} has no condition`, span: line.keyword.span });
  } else if (line.expr === null && !mayExpandIntoExpression(line.text)) {
    diagnostics.push({
      code: 'SP005',
      message: `cannot read the condition of ${line.keyword.text} as an rpm expression`,
      span: line.text.span,
    });
  }
}

/** `%(…)` and `%{lua:…}` may print any expression; only expansion can tell. */
function mayExpandIntoExpression(text: MacroText): boolean {
  return text.parts.some((part) => part.kind === 'shell' || part.kind === 'lua');
}

/** `%if 0` and `%if 1` (rpm's idioms for commenting out), otherwise undecided here. */
function constantCondition(line: ConditionalLine): boolean | null {
  const expr = line.expr;
  if (expr?.kind !== 'operand' || expr.value.parts.length !== 1 || expr.value.parts[0]!.kind !== 'literal') return null;
  const text = expr.value.parts[0]!.text;
  return /^\d+$/.test(text) ? Number(text) !== 0 : null;
}

function checkLine(line: Line, section: OpenSection, source: string, diagnostics: PendingDiagnostic[]): void {
  if (line.kind === 'tag' && !isKnownTag(line.name.text)) {
    diagnostics.push({ code: 'SP007', message: `unknown tag ${line.name.text}`, span: line.name.span });
    return;
  }
  if (line.kind === 'macro-definition' && line.body === null && !line.keyword.text.endsWith('undefine')) {
    diagnostics.push({ code: 'SP009', message: `macro %${line.name.text} has an empty body`, span: line.name.span });
    return;
  }
  if (line.kind !== 'text') return;
  const typo = sectionTypo(line.text, source);
  if (typo !== null) {
    diagnostics.push({ code: 'SP006', message: `unknown section ${typo.word}; did you mean ${typo.suggestion}?`, span: typo.span });
    section.misspeltHeaderSeen = true;
    return;
  }
  const inPreamble = (section.name === 'preamble' || section.name === 'package') && !section.misspeltHeaderSeen;
  const first = line.text.parts[0]!;
  if (inPreamble && first.kind === 'literal' && /^\s*[^\s%]/.test(first.text)) {
    const word = /^\s*(\S+)/.exec(first.text)![1]!;
    const start = first.span.start + first.text.indexOf(word);
    diagnostics.push({
      code: 'SP008',
      message: `unexpected line in the ${section.name === 'preamble' ? 'preamble' : '%package section'}: expected a Tag: value line or a macro`,
      span: { start, end: start + word.length },
    });
  }
}

function sectionTypo(text: MacroText, source: string): { word: string; suggestion: string; span: Span } | null {
  const first = text.parts[0];
  if (first?.kind !== 'macro' || first.braced || first.name === null || first.flags !== '') return null;
  if (first.span.start !== text.span.start || !isLineStart(source, first.span.start)) return null;
  const suggestion = suggestSectionKeyword(first.name.text);
  return suggestion === null ? null : { word: `%${first.name.text}`, suggestion: `%${suggestion}`, span: first.span };
}

function isLineStart(source: string, offset: number): boolean {
  return offset === 0 || source[offset - 1] === '\n' || (offset === 1 && source.charCodeAt(0) === 0xfeff);
}

import type { Expr, Line, MacroText, SpecFile, TextPart } from './cst.js';
import { LineIndex } from './line-index.js';
import { linesOf } from './print.js';

/**
 * A readable outline of the tree, one line per spec line: where it starts, its kind, and what
 * the parser recognised in it. Conditions are printed as prefix expressions so their tree shows.
 */
export function outlineSpec(file: SpecFile): string {
  const index = new LineIndex(file.source);
  const src = (text: MacroText | null): string => (text === null ? '' : file.source.slice(text.span.start, text.span.end));
  const out: string[] = [];
  for (const line of linesOf(file)) {
    const { line: row, column } = index.position(line.span.start);
    out.push(`${`${row}:${column}`.padEnd(8)}${line.kind.padEnd(17)}${describeLine(line, src, file.source)}`.trimEnd());
  }
  return out.join('\n');
}

function describeLine(line: Line, src: (text: MacroText | null) => string, source: string): string {
  switch (line.kind) {
    case 'blank': return '';
    case 'comment': return `${line.style === 'dnl' ? '%dnl ' : '#'}${src(line.text)}`;
    case 'tag': return `${line.name.text}${line.qualifier === null ? '' : `(${line.qualifier.text})`} = ${src(line.value)}${refs(line.value)}`;
    case 'section-header': {
      const options = line.options.map((o) => (o.value === null ? o.flag.text : `${o.flag.text} ${src(o.value)}`));
      const name = line.subpackage === null ? [] : [src(line.subpackage)];
      const trigger = line.trigger === null ? [] : ['--', src(line.trigger)];
      return [`%${line.name}`, ...name, ...options, ...trigger].join(' ');
    }
    case 'conditional':
      return line.expr !== null ? `%${line.directive} ${showExpr(line.expr, source)}` : `%${line.directive} ${src(line.text)}`.trimEnd();
    case 'macro-definition':
      return `${line.keyword.text} ${line.name.text}${line.params === null ? '' : `(${line.params.text})`}${line.body === null ? '' : ` = ${oneLine(src(line.body))}`}${refs(line.body)}`;
    case 'include': return src(line.path);
    case 'file-entry': {
      const directives = line.directives.map((d) => `%${d.name}${d.args === null ? '' : `(${d.args.text})`}`);
      return [...directives, ...line.paths.map((p) => JSON.stringify(src(p)))].join(' ');
    }
    case 'changelog-entry':
      return [line.date?.text, line.author?.text, line.evr?.text].filter((x) => x !== undefined).join(' | ');
    case 'text': return `${oneLine(src(line.text))}${refs(line.text)}`;
  }
}

/** The macro references of a text, e.g. `  [%{name} %{?dist}]`. */
function refs(text: MacroText | null): string {
  const names = (text?.parts ?? []).filter((p) => p.kind !== 'literal').map(describeRef);
  return names.length === 0 ? '' : `  [${names.join(' ')}]`;
}

function describeRef(part: TextPart): string {
  switch (part.kind) {
    case 'escape': return '%%';
    case 'lua': return '%{lua:…}';
    case 'shell': return '%(…)';
    case 'expr': return '%[…]';
    case 'opaque': return '%{…too deep…}';
    case 'literal': return part.text;
    case 'macro': {
      const name = part.name?.text ?? '?';
      const tail = part.body !== null ? ':…' : part.args !== null ? ' …' : '';
      return part.braced ? `%{${part.flags}${name}${tail}}` : `%${part.flags}${name}`;
    }
  }
}

function showExpr(expr: Expr, source: string): string {
  const text = (e: { span: { start: number; end: number } }): string => source.slice(e.span.start, e.span.end);
  switch (expr.kind) {
    case 'binary': return `(${expr.op} ${showExpr(expr.left, source)} ${showExpr(expr.right, source)})`;
    case 'unary': return `(${expr.op} ${showExpr(expr.operand, source)})`;
    case 'ternary': return `(? ${showExpr(expr.test, source)} ${showExpr(expr.then, source)} ${showExpr(expr.else, source)})`;
    case 'group': return showExpr(expr.expr, source);
    case 'call': return `(call ${text(expr)})`;
    case 'string': case 'operand': return text(expr);
  }
}

function oneLine(text: string): string {
  return text.length > 80 || text.includes('\n') ? `${text.split('\n')[0]!.slice(0, 77)}…` : text;
}

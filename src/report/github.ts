import type { Severity } from '../rules/types.js';
import type { FileProblems, Problem } from './problem.js';
import { type TextRegion, TextPositions } from './text-region.js';

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per problem and nothing else:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
export function formatGithub(results: readonly FileProblems[]): string {
  const out: string[] = [];
  for (const file of results) {
    const positions = new TextPositions(file.source);
    for (const problem of file.problems) {
      const properties = [`file=${escapeProperty(file.filename)}`, ...placement(annotationRegion(positions, problem)), `title=${escapeProperty(`${problem.code} ${problem.name}`)}`];
      out.push(`::${COMMAND[problem.severity]} ${properties.join(',')}::${escapeData(annotationMessage(problem))}\n`);
    }
  }
  return out.join('');
}

function annotationMessage(problem: Problem): string {
  return problem.fix === undefined ? problem.message : `${problem.message}\nFix (${problem.fix.applicability}): ${problem.fix.title}`;
}

/** GitHub takes columns only for a range on one line, so a multi-line range gives lines alone. */
function placement(region: TextRegion): string[] {
  if (region.startLine !== region.endLine) return [`line=${region.startLine}`, `endLine=${region.endLine}`];
  return [`line=${region.startLine}`, `col=${region.startColumn}`, `endLine=${region.endLine}`, `endColumn=${region.endColumn}`];
}

/** A range that runs up to the start of a later line ends, for the reader, at the end of the line before. */
function annotationRegion(positions: TextPositions, problem: Problem): TextRegion {
  const region = positions.region(problem.span);
  if (region.endLine > region.startLine && region.endColumn === 1) {
    const endLine = region.endLine - 1;
    return { ...region, endLine, endColumn: positions.column(positions.lineStart(endLine) + positions.lineText(endLine).length) };
  }
  return region;
}

/** The message of a workflow command: `%` first, so the escapes it introduces are not escaped again. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: a `:` or `,` would otherwise end the value early. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

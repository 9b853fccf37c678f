import type { ChalkInstance } from 'chalk';
import type { Position } from '../parse/cst.js';
import type { TextPositions } from './text-region.js';

/**
 * The source line of `start` with the reported range underlined; a range that runs past the
 * line is underlined to the line's end. The file's positions are shared by its findings: a spec
 * of many megabytes can have thousands.
 */
export function codeFrame(lines: TextPositions, start: Position, end: Position, chalk: ChalkInstance): string {
  const text = lines.lineText(start.line);
  const gutter = String(start.line);
  const from = start.column - 1;
  const to = end.line === start.line ? Math.max(end.column - 1, from + 1) : Math.max(text.length, from + 1);
  // Tabs keep their width in the underline so the carets line up under the text.
  const pad = text.slice(0, from).replace(/[^\t]/g, ' ');
  return [
    `  ${chalk.dim(`${gutter} |`)} ${text}`,
    `  ${' '.repeat(gutter.length)} ${chalk.dim('|')} ${pad}${chalk.red('^'.repeat(to - from))}`,
  ].join('\n');
}

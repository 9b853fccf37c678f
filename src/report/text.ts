import type { ChalkInstance } from 'chalk';
import { codeFrame } from './code-frame.js';
import type { FileProblems, Problem } from './problem.js';
import { TextPositions } from './text-region.js';

const SEVERITY_STYLE: Record<Problem['severity'], (chalk: ChalkInstance, text: string) => string> = {
  error: (chalk, text) => chalk.red.bold(text),
  warning: (chalk, text) => chalk.yellow.bold(text),
  info: (chalk, text) => chalk.blue(text),
  style: (chalk, text) => chalk.gray(text),
};

/** `file:line:col  severity  message  [id name]`, a code frame, then a summary line. */
export function formatText(results: readonly FileProblems[], chalk: ChalkInstance, options: { readonly summary?: boolean } = {}): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, style: 0 };
  let filesWithProblems = 0;
  for (const result of results) {
    if (result.problems.length === 0) continue;
    filesWithProblems++;
    const lines = new TextPositions(result.source);
    for (const problem of result.problems) {
      counts[problem.severity]++;
      const where = chalk.bold(`${result.filename}:${problem.start.line}:${problem.start.column}`);
      const severity = SEVERITY_STYLE[problem.severity](chalk, problem.severity);
      out.push(`${where}  ${severity}  ${problem.message}  ${chalk.dim(`[${problem.code} ${problem.name}]`)}`);
      out.push(codeFrame(lines, problem.start, problem.end, chalk));
      if (problem.fix !== undefined) out.push(`  ${chalk.cyan(`fix (${problem.fix.applicability}):`)} ${problem.fix.title}`);
      out.push('');
    }
  }
  if (options.summary === false) return out.length === 0 ? '' : out.join('\n') + '\n';
  const total = counts.error + counts.warning + counts.info + counts.style;
  const fixable = results.flatMap((r) => r.problems).filter((p) => p.fix !== undefined && p.fix.applicability !== 'display-only');
  if (total === 0) {
    out.push(chalk.green(`No problems found in ${plural(results.length, 'file')}.`));
  } else {
    const parts = (['error', 'warning', 'info', 'style'] as const)
      .filter((severity) => counts[severity] > 0)
      .map((severity) => plural(counts[severity], severity));
    out.push(chalk.bold(`Found ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(filesWithProblems, 'file')} of ${results.length} checked.`));
    const safe = fixable.filter((p) => p.fix!.applicability === 'safe').length;
    if (fixable.length > 0) out.push(`${plural(fixable.length, 'fix')} available (${safe} safe, ${fixable.length - safe} unsafe).`);
  }
  return out.join('\n') + '\n';
}

export function plural(count: number, noun: string): string {
  if (noun === 'info' || noun === 'style' || count === 1) return `${count} ${noun}`;
  return `${count} ${noun === 'fix' ? 'fixes' : `${noun}s`}`;
}

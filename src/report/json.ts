import type { FileProblems } from './problem.js';

/** Version 1 of the JSON report: one entry per file, problems with spans and 1-based positions. */
export function formatJson(results: readonly FileProblems[]): string {
  const files = results.map((result) => ({
    filename: result.filename,
    problems: result.problems.map((p) => ({
      code: p.code,
      name: p.name,
      severity: p.severity,
      message: p.message,
      span: p.span,
      start: p.start,
      end: p.end,
      fix: p.fix === undefined ? null : { title: p.fix.title, applicability: p.fix.applicability, edits: p.fix.edits },
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}

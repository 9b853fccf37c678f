import type { ChalkInstance } from 'chalk';
import { SUPPRESSION_DIAGNOSTICS } from '../engine/suppression-diagnostics.js';
import { RULES } from '../rules/index.js';
import type { FileProblems } from './problem.js';
import { formatText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'snippets'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportContext {
  readonly chalk: ChalkInstance;
  /** Text: the findings only, without the summary. */
  readonly quiet: boolean;
  readonly toolVersion: string;
  /** The directory SARIF's relative file names start from. */
  readonly cwd: string;
}

/**
 * The report of a run in one of the output formats (see docs/output-formats.md). The other
 * formats' modules load on use: SARIF alone brings node:crypto and every rule's description.
 */
export async function formatReport(format: Format, results: readonly FileProblems[], context: ReportContext): Promise<string> {
  switch (format) {
    case 'text': return formatText(results, context.chalk, { summary: !context.quiet });
    case 'json': return (await import('./json.js')).formatJson(results);
    case 'github': return (await import('./github.js')).formatGithub(results);
    case 'snippets': return (await import('./snippets.js')).formatSnippets(results);
    case 'sarif': {
      const [{ formatSarif }, { describeDiagnostics, describeRules }] = await Promise.all([import('./sarif.js'), import('./rule-descriptions.js')]);
      // Every code is described, found or not: per-file config may select different rules.
      return formatSarif(results, {
        toolVersion: context.toolVersion,
        cwd: context.cwd,
        rules: [...describeRules(RULES), ...describeDiagnostics(SUPPRESSION_DIAGNOSTICS, 'suppression')],
      });
    }
  }
}

import type { Rule } from './types.js';

/** The README's rule table, made from the rules' own metadata so the two cannot disagree. */
export function rulesMarkdownTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) => `| ${meta.id} | [${meta.name}](${meta.url}) | ${meta.severity} | ${meta.fixable} | ${escapeCell(meta.docs.summary)} |`);
  return ['| id | name | severity | fix | what it finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

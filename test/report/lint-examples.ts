import { lintText } from '../../src/engine/lint.js';
import type { FileProblems } from '../../src/report/problem.js';
import { exampleText } from '../helpers/examples.js';

/**
 * Lints text the way `speclint lint` does and shapes the findings as its problemsOf() does, so
 * reporters are tested on real findings (with their fixes and related locations).
 */
export function lintProblems(filename: string, text: string, target?: string): FileProblems {
  const found = lintText(text, { filename, ...(target === undefined ? {} : { target }) });
  if (found.internalErrors.length > 0) throw new Error(found.internalErrors.join('\n'));
  return { filename, source: text, problems: found.findings.map((f) => ({ ...f, code: f.ruleId, name: f.ruleName })) };
}

/** An example linted for the target its `# speclint-target:` line names, as the golden test does. */
export function lintExample(name: string, text = exampleText(name)): FileProblems {
  const target = /^# speclint-target: (\S+)$/m.exec(text)?.[1];
  return lintProblems(`specs-examples/${name}`, text, target);
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

import type * as Sarif from 'sarif';
import type { Fix } from '../fix/edit.js';
import type { Span } from '../parse/cst.js';
import type { Severity } from '../rules/types.js';
import { artifactUri, directoryUri, SOURCE_ROOT } from './artifact-uri.js';
import { FINGERPRINT_KEY, FingerprintCounter } from './finding-fingerprint.js';
import type { FileProblems, Problem } from './problem.js';
import type { RuleDescription } from './rule-descriptions.js';
import { TextPositions } from './text-region.js';

export interface SarifOptions {
  /** speclint's version, as package.json gives it. */
  readonly toolVersion: string;
  /** Where to read about speclint: an absolute URI; left out when the package names none. */
  readonly informationUri?: string;
  /** Everything the run could report (describeRules()), whether or not it was found. */
  readonly rules: readonly RuleDescription[];
  /** The directory file names are relative to; relative URIs are resolved against it. */
  readonly cwd: string;
}

/** A problem as the engine makes it: rule findings and parse diagnostics carry related locations. */
type ProblemWithRelated = Problem & { readonly related?: readonly { readonly message: string; readonly span: Span }[] };

/** Accepts FileProblems; spelt out so the related locations the engine attaches are typed. */
export interface SarifInput extends FileProblems {
  readonly problems: readonly ProblemWithRelated[];
}

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** A SARIF 2.1.0 log with one run: the rules that could fire, then one result per problem. */
export function formatSarif(results: readonly SarifInput[], options: SarifOptions): string {
  const rules = dedupeRules(options.rules);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarifResults: Sarif.Result[] = [];
  for (const file of results) {
    const positions = new TextPositions(file.source);
    const artifact = artifactLocation(file.filename, options.cwd);
    const fingerprints = fingerprintsOf(file.problems, positions);
    for (const problem of file.problems) {
      if (!ruleIndex.has(problem.code)) {
        // A problem from outside the list still needs a rule entry for ruleIndex to point at.
        ruleIndex.set(problem.code, rules.length);
        rules.push({ id: problem.code, name: problem.name, severity: problem.severity, summary: problem.name, tags: [] });
      }
      sarifResults.push({
        ruleId: problem.code,
        ruleIndex: ruleIndex.get(problem.code)!,
        level: LEVEL[problem.severity],
        message: { text: problem.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: positions.region(problem.span) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.get(problem)! },
        ...relatedLocations(problem, artifact, positions),
        ...(problem.fix === undefined ? {} : { fixes: [sarifFix(problem.fix, artifact, positions)] }),
      });
    }
  }
  const log: Sarif.Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'speclint',
          version: options.toolVersion,
          ...(options.informationUri === undefined ? {} : { informationUri: options.informationUri }),
          rules: rules.map(reportingDescriptor),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Occurrences are counted in source order, so the order problems come in does not change them. */
function fingerprintsOf(problems: readonly Problem[], positions: TextPositions): Map<Problem, string> {
  const counter = new FingerprintCounter();
  const ordered = [...problems].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return new Map(ordered.map((p) => [p, counter.next(p.code, positions.lineText(positions.lineOf(p.span.start)))]));
}

function dedupeRules(rules: readonly RuleDescription[]): RuleDescription[] {
  const seen = new Set<string>();
  return rules.filter((rule) => !seen.has(rule.id) && seen.add(rule.id));
}

function artifactLocation(filename: string, cwd: string): Sarif.ArtifactLocation {
  const { uri, uriBaseId } = artifactUri(filename, cwd);
  return uriBaseId === undefined ? { uri } : { uri, uriBaseId };
}

function reportingDescriptor(rule: RuleDescription): Sarif.ReportingDescriptor {
  const help = helpMarkdown(rule);
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: rule.explanation === undefined ? { text: rule.summary } : { text: unwrap(rule.explanation), markdown: rule.explanation },
    ...(help === undefined ? {} : { help: { text: unwrap(rule.explanation ?? rule.summary), markdown: help } }),
    ...(rule.url === undefined || rule.url === '' ? {} : { helpUri: rule.url }),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [...rule.tags] },
  };
}

/** The rule's documentation as code scanning shows it under an alert: why, when the fix is unsafe, examples. */
function helpMarkdown(rule: RuleDescription): string | undefined {
  if (rule.explanation === undefined) return undefined;
  const parts = [rule.explanation];
  if (rule.fixSafety !== undefined) parts.push(rule.fixSafety);
  if (rule.examples !== undefined) {
    parts.push(`Bad:\n\n${fenced(rule.examples.bad)}`, `Good:\n\n${fenced(rule.examples.good)}`);
  }
  return parts.join('\n\n');
}

function fenced(code: string): string {
  return `\`\`\`spec\n${code.replace(/\n$/, '')}\n\`\`\``;
}

/** Hard-wrapped Markdown paragraphs as plain text: one line per paragraph. */
function unwrap(markdown: string): string {
  return markdown.split(/\n{2,}/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ')).join('\n\n');
}

function relatedLocations(problem: ProblemWithRelated, artifact: Sarif.ArtifactLocation, positions: TextPositions): Pick<Sarif.Result, 'relatedLocations'> {
  if (problem.related === undefined || problem.related.length === 0) return {};
  return {
    relatedLocations: problem.related.map((related, id) => ({
      // Distinct ids also keep two related locations at one place distinct, as the schema requires.
      id,
      physicalLocation: { artifactLocation: artifact, region: positions.region(related.span) },
      message: { text: related.message },
    })),
  };
}

/**
 * Edits become line/column regions rather than charOffset/charLength: they are what the result
 * regions use, they do not count a byte-order mark (character offsets would), and consumers that
 * apply fixes by editor ranges read them directly. An insertion is an empty region.
 */
function sarifFix(fix: Fix, artifact: Sarif.ArtifactLocation, positions: TextPositions): Sarif.Fix {
  return {
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation: artifact,
      replacements: fix.edits.map((edit) => ({
        deletedRegion: positions.region(edit),
        ...(edit.text === '' ? {} : { insertedContent: { text: edit.text } }),
      })),
    }],
    properties: { applicability: fix.applicability },
  };
}

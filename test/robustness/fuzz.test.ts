import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fixText, type FixTextResult } from '../../src/engine/fix-text.js';
import { lintText, type LintResult } from '../../src/engine/lint.js';
import { decodeSpec, encodeSpec } from '../../src/io/spec-source.js';
import { DEFAULT_LIMITS, type ExpansionLimits } from '../../src/macros/expand.js';
import { expandSpec } from '../../src/macros/spec-expander.js';
import { findTarget } from '../../src/macros/targets.js';
import type { SpecFile } from '../../src/parse/cst.js';
import type { ParseDiagnostic } from '../../src/parse/diagnostics.js';
import { parseSpec } from '../../src/parse/index.js';
import { printSpec } from '../../src/parse/print.js';
import { RULES } from '../../src/rules/index.js';
import { expectLosslessTree } from '../helpers/tree-invariants.js';
import {
  byteMutations, corpusSampleBytes, exampleSpecBytes, mutateBytes, mutate, mutations, pythonSpec, specLikeLine, specLikeText,
} from '../helpers/spec-arbitraries.js';

/**
 * Fuzzing the whole pipeline: parse, expand, lint and fix must never throw, never lose a byte and
 * never make a spec parse worse, on spec-like text and on broken real specs.
 *
 * SPECLINT_FUZZ_RUNS sets the total number of cases (default 10,000: about 45 s on the 2-core
 * development machine); SPECLINT_FUZZ_SEED replays a failure with the seed fast-check printed.
 */
const TOTAL_RUNS = integerFromEnvironment('SPECLINT_FUZZ_RUNS', 1) ?? 10_000;
const SEED = integerFromEnvironment('SPECLINT_FUZZ_SEED', -(2 ** 31));

/** An integer setting; a typo must fail loudly, not quietly run the default. */
function integerFromEnvironment(name: string, min: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not ${JSON.stringify(raw)}`);
  return value;
}

const CORPUS = corpusSampleBytes(25, 40_000);
if (CORPUS.skipped !== null) console.log(`[speclint fuzz] skipping mutations of corpus specs: ${CORPUS.skipped}`);
const EXAMPLES = exampleSpecBytes();

/**
 * Shares of the total, by cost: a lint or a fix costs far more than a parse, so the cheap
 * properties take most of the cases. Without the corpus its share goes to specs-examples.
 */
const SHARES = {
  parseExpand: 0.5,
  lint: 0.22,
  pythonFixes: 0.05,
  examples: CORPUS.skipped === null ? 0.08 : 0.13,
  corpus: CORPUS.skipped === null ? 0.05 : 0,
  bytes: 0.1,
};
const runsOf = (share: number): number => Math.max(1, Math.round(TOTAL_RUNS * share));
/** Generous per-test time: about 25 ms a case on a slow machine, never under the default. */
const timeoutFor = (runs: number): number => Math.max(120_000, runs * 25);

let totalRuns = 0;
afterAll(() => {
  console.log(`[speclint fuzz] ${totalRuns} runs in total (SPECLINT_FUZZ_RUNS=${TOTAL_RUNS}${SEED === undefined ? '' : `, seed ${SEED}`})`);
});

/** Runs a property for its share of the total and prints how many cases ran and how long they took. */
function fuzz<T>(name: string, runs: number, arbitrary: fc.Arbitrary<T>, check: (value: T) => void): void {
  let ran = 0;
  const started = performance.now();
  fc.assert(fc.property(arbitrary, (value) => {
    ran++;
    check(value);
  }), { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) });
  totalRuns += ran;
  console.log(`[speclint fuzz] ${name}: ${ran} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Below this many lint cases, a fix that came up in none is chance, not a gap in the generator. */
const MIN_RUNS_FOR_EVERY_FIX = 1500;

const LINT_TARGETS = ['fedora', 'fedora-rawhide', 'fedora-33', 'el7', 'el8', 'el9', 'el10'] as const;
/** Small limits make the fuzzer reach them; the defaults (64 levels, 4,000,000 characters) are checked too. */
const SMALL_LIMITS: ExpansionLimits = { maxDepth: 12, maxOutput: 20_000 };

/**
 * Expansion stays inside its limits: a line whose expansion has no `limit` diagnostic produced no
 * more than the line's own text plus the output budget, and no line ever exceeds a small multiple
 * of the budget (a definition may hold a previous line's whole budget, and a line may use it once
 * more before it is cut short).
 */
function checkExpansion(file: SpecFile, targetId: string, limits: ExpansionLimits): void {
  const text = file.source;
  const expansion = expandSpec(file, findTarget(targetId)!, { limits });
  const limited = new Set(expansion.diagnostics.filter((d) => d.kind === 'limit').map((d) => d.line));
  for (const line of expansion.lines) {
    if (line.expanded === null) continue;
    const length = line.expanded.text.length;
    if (!limited.has(line.line)) expect(length).toBeLessThanOrEqual(line.line.span.end - line.line.span.start + limits.maxOutput);
    expect(length).toBeLessThanOrEqual(3 * limits.maxOutput + text.length);
  }
}

function checkLint(text: string, target: string): LintResult {
  const result = lintText(text, { target });
  expect(result.internalErrors).toEqual([]);
  expect(printSpec(result.parse.file)).toBe(text);
  for (const finding of result.findings) {
    expect(finding.span.start).toBeGreaterThanOrEqual(0);
    expect(finding.span.end).toBeLessThanOrEqual(text.length);
  }
  return result;
}

/** Parse diagnostics of `after` beyond those of `before`, counted by code. */
function newDiagnostics(before: readonly ParseDiagnostic[], after: readonly ParseDiagnostic[]): string[] {
  const count = new Map<string, number>();
  for (const d of before) count.set(d.code, (count.get(d.code) ?? 0) + 1);
  const added: string[] = [];
  for (const d of after) {
    const left = count.get(d.code) ?? 0;
    if (left === 0) added.push(`${d.code} ${d.message}`);
    else count.set(d.code, left - 1);
  }
  return added;
}

/**
 * fixText never throws, its output re-parses with no new diagnostics, the fixes settle (they
 * neither undo each other nor keep coming back), and fixing the output again changes nothing.
 */
function checkFix(text: string, target: string, level: 'safe' | 'unsafe', before: LintResult): FixTextResult {
  const fixed = fixText(text, { target }, level);
  expect(fixed.lint.internalErrors).toEqual([]);
  expect(fixed.problem ?? '').not.toMatch(/circular|did not settle/);
  const reparsed = parseSpec(fixed.output);
  expectLosslessTree(reparsed.file, fixed.output);
  expect(newDiagnostics(before.parse.diagnostics, reparsed.diagnostics)).toEqual([]);
  if (fixed.output !== text) expect(fixText(fixed.output, { target }, level).output).toBe(fixed.output);
  return fixed;
}

/** Whether the text survives being written in the encoding and read back. */
function fitsEncoding(text: string, encoding: 'utf-8' | 'latin1'): boolean {
  return encodeSpec(text, encoding).toString(encoding) === text;
}

/**
 * Lints and fixes a real spec after mutation. What --fix writes must hold the fixed text in the
 * file's encoding whenever the text before the fixes fitted in it: a fix adds no character the
 * file cannot store.
 */
function checkRealSpec(bytes: Buffer, edits: Parameters<typeof mutate>[1], target: string, level: 'safe' | 'unsafe'): void {
  const { text: original, encoding } = decodeSpec(bytes);
  const text = mutate(original, edits);
  expectLosslessTree(parseSpec(text).file, text);
  const before = checkLint(text, target);
  const { output } = checkFix(text, target, level, before);
  if (fitsEncoding(text, encoding)) expect(fitsEncoding(output, encoding)).toBe(true);
}

const target = fc.constantFrom(...LINT_TARGETS);
/** EL7 twice as often: PY018's fix exists there alone. */
const lintTarget = fc.constantFrom(...LINT_TARGETS, 'el7');
const level = fc.constantFrom('safe' as const, 'unsafe' as const);

describe('fuzzing parse, expand, lint and fix', () => {
  const parseRuns = runsOf(SHARES.parseExpand);
  it(`spec-like text parses losslessly and expands within the limits (${parseRuns} runs)`, () => {
    fuzz('parse and expand spec-like text', parseRuns, fc.tuple(specLikeText, target), ([text, t]) => {
      const { file } = parseSpec(text);
      expectLosslessTree(file, text);
      checkExpansion(file, 'fedora', SMALL_LIMITS);
      checkExpansion(file, t, DEFAULT_LIMITS);
    });
  }, timeoutFor(parseRuns));

  const lintRuns = runsOf(SHARES.lint);
  it(`spec-like text lints with no internal error, keeps every byte, and fixes without breaking the parse (${lintRuns} runs)`, () => {
    const fixedBy = new Map<string, number>();
    fuzz('lint and fix spec-like text', lintRuns, fc.tuple(specLikeText, lintTarget, level), ([text, t, l]) => {
      const before = checkLint(text, t);
      const fixable = new Set(before.findings.filter((f) => f.fix !== undefined).map((f) => f.ruleId));
      for (const id of fixable) fixedBy.set(id, (fixedBy.get(id) ?? 0) + 1);
      if (fixable.size > 0) checkFix(text, t, l, before);
    });
    console.log(`[speclint fuzz] cases with a fix, by rule: ${[...fixedBy].sort().map(([id, n]) => `${id} ${n}`).join(', ')}`);
    // The generator must reach every fix, or a fix could break specs unseen. At the default run
    // count each one comes up in a dozen (PY018) to over a thousand (PY003) cases.
    if (lintRuns < MIN_RUNS_FOR_EVERY_FIX) {
      console.log(`[speclint fuzz] not checking that every fix came up: ${lintRuns} cases are too few to expect it (${MIN_RUNS_FOR_EVERY_FIX} are enough)`);
    } else {
      const fixableRules = RULES.filter((rule) => rule.meta.fixable !== 'never').map((rule) => rule.meta.id);
      expect(fixableRules.filter((id) => !fixedBy.has(id))).toEqual([]);
    }
  }, timeoutFor(lintRuns));

  const pythonRuns = runsOf(SHARES.pythonFixes);
  it(`in well-formed Python specs every fix applies: none is refused for breaking the spec or missing its problem (${pythonRuns} runs)`, () => {
    let fixedCases = 0;
    fuzz('fixes in well-formed Python specs', pythonRuns, fc.tuple(pythonSpec, target, level), ([text, t, l]) => {
      const fixed = checkFix(text, t, l, checkLint(text, t));
      expect(fixed.problem).toBeNull();
      if (fixed.applied.length > 0) fixedCases++;
    });
    console.log(`[speclint fuzz] well-formed Python specs with a fix applied: ${fixedCases} of ${pythonRuns}`);
    // About nine in ten have something to fix; a generator that stopped making such specs would
    // pass idly. A few cases are too few to expect it of.
    if (pythonRuns >= 100) expect(fixedCases).toBeGreaterThan(pythonRuns / 2);
  }, timeoutFor(pythonRuns));

  const exampleRuns = runsOf(SHARES.examples);
  it(`mutated specs-examples lint and fix cleanly (${exampleRuns} runs)`, () => {
    fuzz('mutated specs-examples', exampleRuns, fc.tuple(fc.constantFrom(...EXAMPLES.keys()), mutations, target, level), ([name, edits, t, l]) => {
      checkRealSpec(EXAMPLES.get(name)!, edits, t, l);
    });
  }, timeoutFor(exampleRuns));

  const corpusRuns = runsOf(SHARES.corpus);
  it.skipIf(CORPUS.skipped !== null)(`mutated corpus specs lint and fix cleanly (${corpusRuns} runs)`, () => {
    const withLines = fc.tuple(fc.constantFrom(...CORPUS.samples.keys()), mutations, fc.array(specLikeLine, { maxLength: 3 }), target, level);
    fuzz('mutated corpus specs', corpusRuns, withLines, ([name, edits, lines, t, l]) => {
      const inserted = lines.map((line, i) => ({ kind: 'insert-line' as const, at: (i + 1) / (lines.length + 1), line }));
      checkRealSpec(CORPUS.samples.get(name)!, [...edits, ...inserted], t, l);
    });
  }, timeoutFor(corpusRuns));

  const byteRuns = runsOf(SHARES.bytes);
  it(`byte-mutated specs decode and encode back to the same bytes, and parse, expand and lint (${byteRuns} runs)`, () => {
    const sources = new Map([...EXAMPLES, ...[...CORPUS.samples].slice(0, 40)]);
    fuzz('byte-mutated specs', byteRuns, fc.tuple(fc.constantFrom(...sources.keys()), byteMutations, target), ([name, edits, t]) => {
      const mutated = mutateBytes(sources.get(name)!, edits);
      const { text, encoding } = decodeSpec(mutated);
      expect(encodeSpec(text, encoding).equals(mutated)).toBe(true);
      const { file } = parseSpec(text);
      expectLosslessTree(file, text);
      checkExpansion(file, t, SMALL_LIMITS);
      checkLint(text, t);
    });
  }, timeoutFor(byteRuns));
});

// npm run bench: parse and expansion throughput over ../shared/corpus (or specs-examples/ when it is absent).
// Throughput is also given as a ratio against a reference measured in the same run: a plain
// line split with a search for macro references, the least any spec reader must do.
// Then the whole lint (every rule, target fedora, files read included) in a fresh process, whose
// peak RSS is the corpus run's own, and how the time of a spec grows with its size.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { decodeSpec, lintText, parseSpec } from '../dist/index.js';
import { expandSpec } from '../dist/macros/spec-expander.js';
import { findTarget } from '../dist/macros/targets.js';
import { benchSpecs, corpus, median, source, timeIt } from './bench-specs.mjs';

const lintOnly = process.argv[2] === '--lint-corpus';
if (source !== corpus && !lintOnly) console.log(`note: ${corpus} is absent; measuring specs-examples/ instead`);

const files = benchSpecs();
if (lintOnly) lintCorpus();
const texts = files.map((path) => readFileSync(path, 'latin1'));
const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1e6;

function reference(text) {
  let refs = 0;
  for (const line of text.split('\n')) refs += line.split('%').length - 1;
  return refs;
}

function measure(label, work, runs = 5) {
  work(); // warm-up: let the JIT compile before timing
  const seconds = median(Array.from({ length: runs }, () => timeIt(work).seconds));
  console.log(`${label.padEnd(28)} ${seconds.toFixed(3).padStart(7)} s  ${(megabytes / seconds).toFixed(1).padStart(7)} MB/s  ${(texts.length / seconds).toFixed(0).padStart(7)} specs/s`);
  return seconds;
}

console.log(`${texts.length} specs, ${megabytes.toFixed(1)} MB, median of 5 runs, node ${process.version}`);
const base = measure('reference (split + scan)', () => texts.forEach(reference));
const parse = measure('speclint parse', () => texts.forEach((t) => parseSpec(t)));
const fedora = findTarget('fedora');
const trees = texts.map((t) => parseSpec(t).file);
const expand = measure('speclint expand (fedora)', () => trees.forEach((file) => expandSpec(file, fedora)), 3);
console.log(`speclint parse runs at ${(base / parse).toFixed(3)}x the reference's throughput (reference ${(parse / base).toFixed(1)}x faster)`);
console.log(`parse + expand of the whole corpus: ${(parse + expand).toFixed(2)} s`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process holds every tree at once)`);

const lintRuns = Array.from({ length: 3 }, () => {
  const child = spawnSync(process.execPath, [import.meta.filename, '--lint-corpus'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the lint run failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
});
const lintSeconds = Math.min(...lintRuns.map((r) => r.seconds));
console.log(`${'speclint lint (fedora, all rules)'.padEnd(28)} ${lintSeconds.toFixed(3).padStart(7)} s  ${(megabytes / lintSeconds).toFixed(1).padStart(7)} MB/s  ${(texts.length / lintSeconds).toFixed(0).padStart(7)} specs/s  (best of 3 fresh processes, reading included)`);
console.log(`peak RSS of those runs: ${lintRuns.map((r) => r.peakMegabytes).join(', ')} MB`);
console.log(`ten specs linted as one file: ${scalingRatio().toFixed(2)}x the time of linting them one by one (linear: 1)`);

/** Child process: reads and lints every spec once, prints its time and peak RSS as JSON, exits. */
function lintCorpus() {
  const { seconds } = timeIt(() => {
    for (const path of files) lintText(decodeSpec(readFileSync(path)).text, { filename: path, target: 'fedora' });
  });
  console.log(JSON.stringify({ seconds, peakMegabytes: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

/**
 * Time of ten corpus specs concatenated into one, over the time of the ten. The nine after the
 * first end up as changelog text, which costs less than a preamble: a bound, not a like-for-like.
 */
function scalingRatio() {
  const parts = Array.from({ length: 10 }, (_, i) => texts[Math.floor((i * texts.length) / 10)]).map((t) => (t.endsWith('\n') ? t : `${t}\n`));
  const whole = parts.join('');
  const lintWhole = () => lintText(whole);
  const lintParts = () => parts.forEach((t) => lintText(t));
  // Both warm before either is timed: the JIT's state would otherwise decide the ratio.
  for (let i = 0; i < 3; i++) {
    lintWhole();
    lintParts();
  }
  // Fastest of 15 rounds, the two taken in turn, so that a slow spell of a shared machine or a
  // collection falls on both alike.
  let asOne = Infinity;
  let oneByOne = Infinity;
  for (let i = 0; i < 15; i++) {
    asOne = Math.min(asOne, timeIt(lintWhole).seconds);
    oneByOne = Math.min(oneByOne, timeIt(lintParts).seconds);
  }
  return asOne / oneByOne;
}

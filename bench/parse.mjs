// npm run bench: parse and expansion throughput over ../shared/corpus (or specs-examples/ when it is absent).
// Throughput is also given as a ratio against a reference measured in the same run: a plain
// line split with a search for macro references, the least any spec reader must do.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSpec } from '../dist/index.js';
import { expandSpec } from '../dist/macros/spec-expander.js';
import { findTarget } from '../dist/macros/targets.js';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus');
const source = existsSync(corpus) ? corpus : join(root, 'specs-examples');
if (source !== corpus) console.log(`note: ${corpus} is absent; measuring specs-examples/ instead`);

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.spec')) files.push(path);
  }
})(source);
const texts = files.map((path) => readFileSync(path, 'latin1'));
const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1e6;

function reference(text) {
  let refs = 0;
  for (const line of text.split('\n')) refs += line.split('%').length - 1;
  return refs;
}

function measure(label, work, runs = 5) {
  work(); // warm-up: let the JIT compile before timing
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(runs / 2)];
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
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

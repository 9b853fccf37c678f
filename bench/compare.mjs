// npm run bench (second part): speclint beside rpmlint and rpmspec -P, measured in the same run.
//   - the pre-commit case: one spec, one process, wall time (median), beside Node's own start;
//   - a sample of specs in one process (rpmlint's best case), as time per spec;
//   - rpmspec -P once per spec on the sample's specs without %( (it executes those);
//   - the whole corpus through the CLI: wall time and peak memory, on one thread and on the default.
// A tool that is not installed is reported as skipped. BENCH_SAMPLE sets the sample size (200).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchSpecs, corpus, median, root, source, timeIt } from './bench-specs.mjs';

const cli = join(root, 'dist/cli.cjs');
const reference = resolve(root, '../shared/reference');
if (source !== corpus) console.log(`note: ${corpus} is absent; measuring specs-examples/ instead`);

const files = benchSpecs();

// Every k-th spec: a fixed sample across all the corpus's sources, the same in every run.
const sampleSize = Math.min(Number(process.env.BENCH_SAMPLE ?? 200), files.length);
const sample = Array.from({ length: sampleSize }, (_, i) => files[Math.floor((i * files.length) / sampleSize)]);
const withoutShell = sample.filter((path) => !readFileSync(path, 'latin1').includes('%('));
const single = sample.find((path) => path.includes('fedora')) ?? sample[0];

const have = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const ms = (s) => `${(s * 1000).toFixed(1)} ms`;

function timed(command, args, options = {}) {
  const { result: run, seconds } = timeIt(() => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options }));
  if (run.error) throw run.error;
  // A run that failed would be timed as a fast one: speclint runs with --exit-zero, so any other
  // status is a failure (rpmlint's status counts its findings, and is not checked).
  if (command !== 'rpmlint' && run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}: ${String(run.stderr).slice(0, 500)}`);
  return { seconds, run };
}

const results = {};
const line = (label, value, note = '') => console.log(`${label.padEnd(46)} ${value.padStart(12)}  ${note}`);

console.log(`${files.length} specs in ${source}; sample of ${sample.length} (${withoutShell.length} without %( for rpmspec); node ${process.version}`);
console.log('\n# one spec, one process (the pre-commit case), median of 9 runs');
// Taken in turn, so that a slow spell of a shared machine falls on both alike.
function startRuns(env = process.env) {
  const node = [];
  const speclint = [];
  for (let i = 0; i < 9; i++) {
    node.push(timed(process.execPath, ['-e', '0'], { env }).seconds);
    speclint.push(timed(process.execPath, [cli, '--exit-zero', '--quiet', single], { env }).seconds);
  }
  return { node: median(node), speclint: median(speclint) };
}
const starts = startRuns();
results.speclintSingle = starts.speclint;
line('node -e 0 (Node\'s own start)', ms(starts.node));
line('speclint', ms(results.speclintSingle), single.slice(source.length + 1));
if (have('rpmlint')) {
  results.rpmlintSingle = median(Array.from({ length: 5 }, () => timed('rpmlint', [single]).seconds));
  line('rpmlint', ms(results.rpmlintSingle), `speclint is ${(results.rpmlintSingle / results.speclintSingle).toFixed(1)}x faster`);
} else line('rpmlint', 'skipped', 'not installed (apt-get install rpmlint)');
// Node 20 reads and parses this certificate file at every start, before any script runs.
if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  const clean = startRuns(env);
  console.log('without NODE_EXTRA_CA_CERTS, which is set here (Node reads that file at every start):');
  line('node -e 0 (Node\'s own start)', ms(clean.node));
  line('speclint', ms(clean.speclint), results.rpmlintSingle === undefined ? '' : `speclint is ${(results.rpmlintSingle / clean.speclint).toFixed(1)}x faster than rpmlint`);
}

console.log(`\n# the sample in one process, time per spec`);
const speclintSample = timed(process.execPath, [cli, '--exit-zero', '--quiet', '--jobs', '1', ...sample]);
results.speclintPerSpec = speclintSample.seconds / sample.length;
line('speclint (one thread, process start included)', ms(results.speclintPerSpec));
if (have('rpmlint')) {
  const rpmlint = timed('rpmlint', sample);
  results.rpmlintPerSpec = rpmlint.seconds / sample.length;
  line('rpmlint', ms(results.rpmlintPerSpec), `speclint is ${(results.rpmlintPerSpec / results.speclintPerSpec).toFixed(1)}x faster`);
} else line('rpmlint', 'skipped', 'not installed');

console.log('\n# rpmspec -P, one process per spec (specs without %( only)');
if (have('rpmspec') && existsSync(reference)) {
  const loads = ['--load', 'macros/python-common.macros', '--load', 'macros/python-modern.macros', '--load', 'macros/dist-fedora.macros'];
  // rpmspec rejects some specs (a missing macro file, a syntax it refuses): those are counted, since they end early.
  const { result: rejected, seconds } = timeIt(() => withoutShell.filter((path) => spawnSync('rpmspec', ['-P', ...loads, path], { cwd: reference, stdio: 'ignore' }).status !== 0).length);
  results.rpmspecPerSpec = seconds / withoutShell.length;
  const lint = timed(process.execPath, [cli, '--exit-zero', '--quiet', '--jobs', '1', ...withoutShell]);
  results.speclintLintPerSpec = lint.seconds / withoutShell.length;
  line('rpmspec -P', ms(results.rpmspecPerSpec), `${rejected} of ${withoutShell.length} rejected by rpmspec`);
  line('speclint lint, all rules, same specs, one process', ms(results.speclintLintPerSpec), `speclint is ${(results.rpmspecPerSpec / results.speclintLintPerSpec).toFixed(1)}x faster`);
} else line('rpmspec -P', 'skipped', have('rpmspec') ? `${reference} is absent` : 'not installed (apt-get install rpm)');

console.log('\n# the whole corpus through the CLI');
const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
for (const [label, jobs] of [['one thread', ['--jobs', '1']], ['default threads', []]]) {
  const args = [cli, '--exit-zero', '--quiet', '--format', 'json', ...jobs, source];
  const { seconds: wall, run } = timeCommand === null ? timed(process.execPath, args) : timed(timeCommand, ['-f', '%M', process.execPath, ...args]);
  const peak = timeCommand === null ? 'n/a' : `${(Number(run.stderr.trim().split('\n').at(-1)) / 1024).toFixed(0)} MB peak RSS${jobs.length === 0 ? ' (main thread and workers)' : ''}`;
  line(`speclint, ${label}`, `${wall.toFixed(2)} s`, `${(files.length / wall).toFixed(0)} specs/s, ${peak}`);
}

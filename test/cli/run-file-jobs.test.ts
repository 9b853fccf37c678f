import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileJob } from '../../src/cli/file-job.js';
import { defaultWorkers, FILES_PER_EXTRA_THREAD, runFileJobs, WORKER_LIMITS } from '../../src/cli/run-file-jobs.js';

let cores = 2;
vi.mock('node:os', async (original) => ({ ...await original<typeof import('node:os')>(), availableParallelism: () => cores }));
afterEach(() => {
  cores = 2;
});

const job = (path: string): FileJob => ({
  path, displayName: path, target: 'fedora', codes: new Set(), severity: new Map(), failOn: 'info', mode: 'lint', level: 'safe', diffName: path,
});

describe('runFileJobs on worker threads', () => {
  it('keeps the order, and a thread that throws or exits costs only its own file', async () => {
    const paths = ['a.spec', 'throws.spec', 'b.spec', 'exits.spec', 'c.spec', 'd.spec', 'e.spec'];
    let done = 0;
    const outcomes = await runFileJobs(paths.map(job), 2, { onDone: () => { done++; }, worker: new URL('./fixtures/failing-worker.mjs', import.meta.url) });
    expect(done).toBe(paths.length);
    expect(outcomes.map((o) => o.notes[0] ?? o.internalErrors[0]?.replace(/\n[^]*$/, ''))).toEqual([
      'a.spec',
      expect.stringMatching(/^throws\.spec: Error: worker blew up/),
      'b.spec',
      'exits.spec: the worker thread exited with code 3',
      'c.spec', 'd.spec', 'e.spec',
    ]);
  });

  it('bounds each worker heap', async () => {
    const [outcome] = await runFileJobs([job('limits'), job('a.spec')], 2, { worker: new URL('./fixtures/failing-worker.mjs', import.meta.url) });
    expect(JSON.parse(outcome!.notes[0]!)).toMatchObject(WORKER_LIMITS);
  });

  it('lints a file that runs its worker out of memory again in this thread', async () => {
    const spec = fileURLToPath(new URL('../../specs-examples/10-private-module-not-compiled.spec', import.meta.url));
    const jobs = [job('a.spec'), { ...job(spec), displayName: 'hog.spec', codes: new Set(['PY001']) }, job('b.spec')];
    let done = 0;
    const outcomes = await runFileJobs(jobs, 2, { onDone: () => { done++; }, worker: new URL('./fixtures/failing-worker.mjs', import.meta.url) });
    expect(done).toBe(jobs.length);
    expect(outcomes.map((o) => o.notes[0])).toEqual(['a.spec', undefined, 'b.spec']);
    // The stand-in never lints: these findings are this thread's.
    expect(outcomes[1]!.internalErrors).toEqual([]);
    expect(outcomes[1]!.problems?.filename).toBe('hog.spec');
    expect(outcomes[1]!.problems?.problems.map((p) => p.code)).toContain('PY001');
  });
});

describe('defaultWorkers', () => {
  it('uses none for a few files, one per core for many (at least one, at most 8)', () => {
    cores = 4;
    expect(defaultWorkers(1)).toBe(0);
    expect(defaultWorkers(2 * FILES_PER_EXTRA_THREAD - 1)).toBe(0);
    expect(defaultWorkers(2 * FILES_PER_EXTRA_THREAD)).toBe(2);
    expect(defaultWorkers(100_000)).toBe(4);
    cores = 1;
    expect(defaultWorkers(100_000)).toBe(1);
    cores = 32;
    expect(defaultWorkers(100_000)).toBe(8);
  });
});

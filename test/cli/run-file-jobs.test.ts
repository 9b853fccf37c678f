import { describe, expect, it } from 'vitest';
import type { FileJob } from '../../src/cli/file-job.js';
import { runFileJobs } from '../../src/cli/run-file-jobs.js';

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
});

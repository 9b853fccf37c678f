import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runFileJob, type FileJob, type FileOutcome } from './file-job.js';

/** Below this many files per thread, starting threads costs more than it saves. */
export const FILES_PER_EXTRA_THREAD = 48;

/**
 * Worker threads for `count` files when --jobs is not given: one per core when the files are many
 * (at least one, so that a long run on one core is bounded in memory too), none when they are few.
 */
export function defaultWorkers(count: number): number {
  if (count < 2 * FILES_PER_EXTRA_THREAD) return 0;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.floor(count / FILES_PER_EXTRA_THREAD)));
}

/**
 * Each worker's heap. V8 lets a heap grow to several times what is alive before it collects, and
 * one large spec lets that limit grow for the rest of a run. Bounded so, the workers keep a corpus
 * run under 200 MB, for more CPU time spent collecting (README, "Benchmark"). A spec too large for
 * the bounds (the corpus's largest, 2 MB, fits in 64 MB but not in 48) is linted again in the main
 * thread, whose heap is V8's default.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } as const;

interface RunOptions {
  /** Hears of each finished job, for a progress line. */
  readonly onDone?: () => void;
  /** The worker script; tests give their own. */
  readonly worker?: URL;
}

/**
 * Runs the jobs on `workers` worker threads (in this thread when 0) and returns the outcomes in
 * the jobs' order, so the report does not depend on which thread finished first.
 */
export async function runFileJobs(jobs: readonly FileJob[], workers: number, options: RunOptions = {}): Promise<FileOutcome[]> {
  const { onDone = () => {} } = options;
  // Looked for only where threads would run: one file (the usual run) needs no worker.
  const worker = workers < 1 || jobs.length < 2 ? null : options.worker ?? workerScript();
  if (worker === null) {
    const outcomes: FileOutcome[] = [];
    for (const job of jobs) {
      outcomes.push(await runFileJobSafely(job));
      onDone();
    }
    return outcomes;
  }
  return runOnWorkers(jobs, Math.min(workers, jobs.length), worker, onDone);
}

/** A crash in one file's work is that file's internal error, not the end of the run. */
export async function runFileJobSafely(job: FileJob): Promise<FileOutcome> {
  try {
    return await runFileJob(job);
  } catch (error) {
    return crashed(job, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

function crashed(job: FileJob, reason: string): FileOutcome {
  return { problems: null, diff: new Uint8Array(0), fixedStdin: null, fixesWritten: 0, notes: [], ioError: null, internalErrors: [`${job.displayName}: ${reason}`] };
}

/**
 * The compiled worker beside this module. Tests run the TypeScript sources, where there is none;
 * they lint in one thread, and the built binary's tests cover the threads.
 */
function workerScript(): URL | null {
  const url = new URL('./lint-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

async function runOnWorkers(jobs: readonly FileJob[], threads: number, script: URL, onDone: () => void): Promise<FileOutcome[]> {
  // Loaded only here: one file, the usual case, is linted in this thread.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve) => {
    const outcomes: FileOutcome[] = new Array(jobs.length);
    let next = 0;
    let finished = 0;
    let running = 0;
    // Files that ran a worker out of memory, linted in this thread once the workers are done: a
    // lint here blocks this thread, which would leave the workers without files meanwhile.
    const oversized: number[] = [];
    const settle = (index: number, outcome: FileOutcome): void => {
      outcomes[index] = outcome;
      finished++;
      onDone();
      if (finished === jobs.length) resolve(outcomes);
    };
    const start = (): void => {
      const worker = new Worker(script, { resourceLimits: WORKER_LIMITS });
      running++;
      let current = -1;
      const feed = (): void => {
        if (next >= jobs.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (outcome: FileOutcome) => {
        settle(current, outcome);
        feed();
      });
      // A worker that dies takes only its current file with it; a fresh one carries on. A file
      // that ran it out of memory is linted again here, without its bounds.
      worker.on('error', (error: NodeJS.ErrnoException) => {
        const index = current;
        current = -1;
        if (index < 0) return;
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') oversized.push(index);
        else settle(index, crashed(jobs[index]!, error.stack ?? error.message));
      });
      worker.on('exit', (code) => {
        running--;
        if (current >= 0) settle(current, crashed(jobs[current]!, `the worker thread exited with code ${code}`));
        current = -1;
        if (next < jobs.length) start();
        else if (running === 0) void lintOversized();
      });
      feed();
    };
    const lintOversized = async (): Promise<void> => {
      for (const index of oversized) settle(index, await runFileJobSafely(jobs[index]!));
    };
    for (let i = 0; i < threads; i++) start();
  });
}

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runFileJob, type FileJob, type FileOutcome } from './file-job.js';

/** Below this many files, starting threads costs more than it saves. */
export const FILES_PER_EXTRA_THREAD = 48;

/** Threads for `count` files when --jobs is not given: one per core, when the files are many. */
export function defaultThreads(count: number): number {
  return Math.max(1, Math.min(availableParallelism(), 8, Math.floor(count / FILES_PER_EXTRA_THREAD)));
}

interface RunOptions {
  /** Hears of each finished job, for a progress line. */
  readonly onDone?: () => void;
  /** The worker script; tests give their own. */
  readonly worker?: URL;
}

/**
 * Runs the jobs on `threads` worker threads (in this thread when 1) and returns the outcomes in
 * the jobs' order, so the report does not depend on which thread finished first.
 */
export async function runFileJobs(jobs: readonly FileJob[], threads: number, options: RunOptions = {}): Promise<FileOutcome[]> {
  const { onDone = () => {} } = options;
  // Looked for only where threads would run: one file (the usual run) needs no worker.
  const worker = threads <= 1 || jobs.length < 2 ? null : options.worker ?? workerScript();
  if (worker === null) {
    const outcomes: FileOutcome[] = [];
    for (const job of jobs) {
      outcomes.push(await runFileJobSafely(job));
      onDone();
    }
    return outcomes;
  }
  return runOnWorkers(jobs, Math.min(threads, jobs.length), worker, onDone);
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
    const settle = (index: number, outcome: FileOutcome): void => {
      outcomes[index] = outcome;
      finished++;
      onDone();
      if (finished === jobs.length) resolve(outcomes);
    };
    const start = (): void => {
      const worker = new Worker(script);
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
      // A worker that dies takes only its current file with it; a fresh one carries on.
      worker.on('error', (error) => {
        if (current >= 0) settle(current, crashed(jobs[current]!, error.stack ?? error.message));
        current = -1;
      });
      worker.on('exit', (code) => {
        if (current >= 0) settle(current, crashed(jobs[current]!, `the worker thread exited with code ${code}`));
        current = -1;
        if (next < jobs.length) start();
      });
      feed();
    };
    for (let i = 0; i < threads; i++) start();
  });
}

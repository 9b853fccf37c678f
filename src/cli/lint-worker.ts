import { parentPort } from 'node:worker_threads';
import type { FileJob } from './file-job.js';
import { runFileJobSafely } from './run-file-jobs.js';

// One job at a time: the pool sends the next file when this one's outcome arrives.
parentPort?.on('message', (job: FileJob) => {
  void runFileJobSafely(job).then((outcome) => parentPort?.postMessage(outcome));
});

/** Entry point of the training worker thread (see training-worker.ts). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { RetrainJob, runRetrainJob } from './retrain-job';

/**
 * A retraining takes a minute of CPU; on a busy machine it would compete with the service's own
 * thread (requests, consumers) for the same cores. On Linux a thread has its own nice value, and
 * its id is in /proc/thread-self: this one runs at nice 10, so live work goes first (guarded by
 * test/e2e/routing-retraining.spec.ts: event-loop p99 below 50 ms during a retraining). Elsewhere,
 * or where not allowed, it runs at the normal priority.
 */
function yieldToTheService(): void {
  try {
    os.setPriority(Number(path.basename(fs.readlinkSync('/proc/thread-self'))), 10);
  } catch {
    // normal priority
  }
}

yieldToTheService();
parentPort!.postMessage(runRetrainJob(workerData as RetrainJob));

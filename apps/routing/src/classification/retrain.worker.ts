/** Entry point of the training worker thread (see training-worker.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { RetrainJob, runRetrainJob } from './retrain-job';

parentPort!.postMessage(runRetrainJob(workerData as RetrainJob));

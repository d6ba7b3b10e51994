/**
 * Runs a retraining in a worker thread: training takes seconds of CPU, and on the service's
 * own thread it would stall every request and consumer for that long.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RetrainJob, RetrainResult } from './retrain-job';

/**
 * Under the test runner the sources are TypeScript, which a worker cannot load by itself: a
 * short bootstrap compiles them with the same SWC settings as the build and maps `@lotsen/*`.
 */
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');
const options = { ...require(workerData.swcConfig)(), swcrc: false, sourceMaps: false };
require.extensions['.ts'] = (m, filename) => m._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@lotsen\\/([a-z-]+)$/.exec(request);
  return resolve.call(this, lib ? path.join(workerData.root, 'libs', lib[1], 'src') : request, ...rest);
};
require(workerData.entry);
`;

export function retrainInWorker(job: RetrainJob): Promise<RetrainResult> {
  const compiled = __filename.endsWith('.js');
  const root = path.resolve(__dirname, '../../../..');
  const worker = compiled
    ? new Worker(path.join(__dirname, 'retrain.worker.js'), { workerData: job })
    : new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...job, entry: path.join(__dirname, 'retrain.worker.ts'), root, swcConfig: path.join(root, 'swc.config.js') } });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (r: RetrainResult) => {
      settled = true;
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the training worker stopped with code ${code}`));
    });
  });
}

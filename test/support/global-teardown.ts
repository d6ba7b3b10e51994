import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Removes the run's seed model directory (see global-setup.ts), never one the caller named. */
export default function globalTeardown(): void {
  const dir = process.env.ROUTING_SEED_MODEL_CACHE;
  if (dir?.startsWith(path.join(os.tmpdir(), 'lotsen-seed-models-'))) fs.rmSync(dir, { recursive: true, force: true });
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import checkInfrastructureSetup from '../../libs/testing/src/global-setup';

const ROOT = path.resolve(__dirname, '../..');

/**
 * jest runs the global setup without its moduleNameMapper: @lotsen/<lib> is resolved here as
 * jest.config.js maps it, for the modules the seed warm-up loads.
 */
function resolveLotsenAliases(): void {
  const Module = require('module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    const lib = /^@lotsen\/([a-z-]+)$/.exec(request)?.[1];
    return resolve.call(this, lib ? path.join(ROOT, 'libs', lib, 'src') : request, ...rest);
  };
}

/**
 * Every test platform seeds the demo municipality into a fresh database, and the seed trains the
 * routing model: one seeding here, into a database dropped at once, leaves the model in a
 * directory of this run (ROUTING_SEED_MODEL_CACHE) for every later seed to load.
 */
async function warmSeedModel(): Promise<void> {
  if (process.env.ROUTING_SEED_MODEL_CACHE) return;
  process.env.ROUTING_SEED_MODEL_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsen-seed-models-'));
  resolveLotsenAliases();
  const { createTestEnv } = await import('../../libs/testing/src/test-env');
  const { migrateAll } = await import('../../scripts/setup/migrate-all');
  const { seedDemo } = await import('../../scripts/setup/seed-demo');
  const env = await createTestEnv();
  try {
    await migrateAll(env.databaseUrl);
    await seedDemo(env.databaseUrl);
  } finally {
    await env.cleanup();
  }
}

export default async function globalSetup(): Promise<void> {
  await checkInfrastructureSetup();
  await warmSeedModel();
}

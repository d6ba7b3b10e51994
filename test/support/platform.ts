import { INestApplication } from '@nestjs/common';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { migrateAll, ServiceName } from '../../scripts/setup/migrate-all';
import { DemoKeys, seedDemo } from '../../scripts/setup/seed-demo';

type Env = Record<string, string>;
// Loaded on demand: a test only pulls in the services it starts.
const STARTERS = {
  intake: (env: Env) => { const c = require('../../apps/intake/src/intake.config'); return require('../../apps/intake/src/bootstrap').startIntake(c.loadIntakeConfig(env)); },
  routing: (env: Env) => { const c = require('../../apps/routing/src/routing.config'); return require('../../apps/routing/src/bootstrap').startRouting(c.loadRoutingConfig(env)); },
  notifications: (env: Env) => { const c = require('../../apps/notifications/src/notifications.config'); return require('../../apps/notifications/src/bootstrap').startNotifications(c.loadNotificationsConfig(env)); },
  reporting: (env: Env) => { const c = require('../../apps/reporting/src/reporting.config'); return require('../../apps/reporting/src/bootstrap').startReporting(c.loadReportingConfig(env)); },
} as Record<ServiceName, (env: Env) => Promise<{ app: INestApplication; url: string }>>;

export interface TestPlatform {
  env: TestEnv;
  keys: DemoKeys['keys'];
  urls: Partial<Record<ServiceName, string>>;
  apps: Partial<Record<ServiceName, INestApplication>>;
  /** The environment the services were started with (for starting another instance). */
  serviceEnv: Record<string, string>;
  start(service: ServiceName, extraEnv?: Record<string, string>): Promise<{ app: INestApplication; url: string }>;
  stop(service: ServiceName): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh database and broker namespace with every schema migrated and the demo municipality
 * seeded, and the given services running in this process on free ports.
 */
export async function startPlatform(services: ServiceName[], extraEnv: Record<string, string> = {}): Promise<TestPlatform> {
  const env = await createTestEnv();
  await migrateAll(env.databaseUrl);
  const { keys } = await seedDemo(env.databaseUrl);
  // Each service connects as its own role, which can touch only its own schema (least privilege).
  const roleUrls = Object.fromEntries((['intake', 'routing', 'notifications', 'reporting'] as const).map((s) => [`${s.toUpperCase()}_DATABASE_URL`, serviceDatabaseUrl(env.databaseUrl, s)]));
  const serviceEnv: Record<string, string> = {
    ...env.env,
    ...roleUrls,
    INTAKE_PORT: '0', ROUTING_PORT: '0', NOTIFICATIONS_PORT: '0', REPORTING_PORT: '0',
    HOST: '127.0.0.1',
    DB_POOL_SIZE: '5',
    ...extraEnv,
  };
  const platform: TestPlatform = {
    env, keys, urls: {}, apps: {}, serviceEnv,
    async start(service, more = {}) {
      const running = await STARTERS[service]({ ...serviceEnv, ...more });
      platform.apps[service] = running.app;
      platform.urls[service] = running.url;
      return running;
    },
    async stop(service) {
      await platform.apps[service]?.close();
      delete platform.apps[service];
    },
    async close() {
      for (const s of Object.keys(platform.apps) as ServiceName[]) await platform.stop(s).catch(() => undefined);
      await env.cleanup();
    },
  };
  try {
    // Consumers first, so their queues exist before anything is published.
    for (const s of [...services].reverse()) await platform.start(s);
  } catch (err) {
    await platform.close();
    throw err;
  }
  return platform;
}

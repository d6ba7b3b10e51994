import { INestApplication } from '@nestjs/common';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { loadIntakeConfig } from '../../apps/intake/src/intake.config';
import { startIntake } from '../../apps/intake/src/bootstrap';
import { loadNotificationsConfig } from '../../apps/notifications/src/notifications.config';
import { startNotifications } from '../../apps/notifications/src/bootstrap';
import { loadReportingConfig } from '../../apps/reporting/src/reporting.config';
import { startReporting } from '../../apps/reporting/src/bootstrap';
import { loadRoutingConfig } from '../../apps/routing/src/routing.config';
import { startRouting } from '../../apps/routing/src/bootstrap';
import { migrateAll, ServiceName } from '../../scripts/setup/migrate-all';
import { DemoKeys, seedDemo } from '../../scripts/setup/seed-demo';

const STARTERS = {
  intake: (env: Record<string, string>) => startIntake(loadIntakeConfig(env)),
  routing: (env: Record<string, string>) => startRouting(loadRoutingConfig(env)),
  notifications: (env: Record<string, string>) => startNotifications(loadNotificationsConfig(env)),
  reporting: (env: Record<string, string>) => startReporting(loadReportingConfig(env)),
};

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
  const serviceEnv: Record<string, string> = {
    ...env.env,
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

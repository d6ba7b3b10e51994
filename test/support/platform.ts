import { INestApplication } from '@nestjs/common';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { migrateAll, ServiceName } from '../../scripts/setup/migrate-all';
import { DemoKeys, seedDemo } from '../../scripts/setup/seed-demo';
import { DemoUser, demoUsers } from '../../scripts/identity/demo-staff';
import { EMBEDDED_AUDIENCE, EmbeddedProvider, startEmbeddedProvider } from '../../scripts/identity/embedded-provider';
import { signInWithPassword } from '../../scripts/identity/sign-in';

type Env = Record<string, string>;
// Loaded on demand: a test only pulls in the services it starts.
const STARTERS = {
  intake: (env: Env) => { const c = require('../../apps/intake/src/intake.config'); return require('../../apps/intake/src/bootstrap').startIntake(c.loadIntakeConfig(env)); },
  routing: (env: Env) => { const c = require('../../apps/routing/src/routing.config'); return require('../../apps/routing/src/bootstrap').startRouting(c.loadRoutingConfig(env)); },
  notifications: (env: Env) => { const c = require('../../apps/notifications/src/notifications.config'); return require('../../apps/notifications/src/bootstrap').startNotifications(c.loadNotificationsConfig(env)); },
  reporting: (env: Env) => { const c = require('../../apps/reporting/src/reporting.config'); return require('../../apps/reporting/src/bootstrap').startReporting(c.loadReportingConfig(env)); },
} as Record<ServiceName, (env: Env) => Promise<{ app: INestApplication; url: string }>>;

/** The embedded OpenID Provider the services trust, with the demo staff as its users. */
export interface TestIdentity {
  provider: EmbeddedProvider;
  audience: string;
  users: Record<string, DemoUser>;
  /** An access token for a demo user (signed in through the provider's login form, code + PKCE). */
  token(username: string): Promise<string>;
}

export interface TestPlatform {
  env: TestEnv;
  keys: DemoKeys['keys'];
  identity: TestIdentity;
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
  const users = demoUsers();
  const provider = await startEmbeddedProvider({ users, tenantId: 'demo', audience: EMBEDDED_AUDIENCE, redirectUris: ['http://127.0.0.1/callback'] });
  const tokens = new Map<string, Promise<string>>();
  const identity: TestIdentity = {
    provider, audience: EMBEDDED_AUDIENCE, users,
    token(username) {
      const user = users[username];
      if (!user) throw new Error(`no demo user ${username}`);
      if (!tokens.has(username)) {
        tokens.set(username, signInWithPassword({
          issuer: provider.issuer, clientId: provider.cliClientId, redirectUri: provider.cliRedirectUri, audience: EMBEDDED_AUDIENCE, username, password: user.password,
        }).then((t) => t.accessToken));
      }
      return tokens.get(username)!;
    },
  };
  // Each service connects as its own role, which can touch only its own schema (least privilege).
  const roleUrls = Object.fromEntries((['intake', 'routing', 'notifications', 'reporting'] as const).map((s) => [`${s.toUpperCase()}_DATABASE_URL`, serviceDatabaseUrl(env.databaseUrl, s)]));
  const serviceEnv: Record<string, string> = {
    ...env.env,
    ...roleUrls,
    INTAKE_PORT: '0', ROUTING_PORT: '0', NOTIFICATIONS_PORT: '0', REPORTING_PORT: '0',
    HOST: '127.0.0.1',
    DB_POOL_SIZE: '5',
    OIDC_ISSUER: provider.issuer,
    OIDC_AUDIENCE: EMBEDDED_AUDIENCE,
    OIDC_CLIENT_ID: provider.browserClientId,
    ...extraEnv,
  };
  const platform: TestPlatform = {
    env, keys, identity, urls: {}, apps: {}, serviceEnv,
    async start(service, more = {}) {
      const running = await STARTERS[service]({ ...serviceEnv, ...more });
      await provider.allowApplication(running.url);
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
      await provider.close().catch(() => undefined);
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

import { randomBytes } from 'crypto';
import * as amqp from 'amqplib';
import { dropDatabase, ensureDatabase } from '@lotsen/persistence';
import { TEST_AMQP_URL, TEST_PG_URL } from './infrastructure-check';

/** The consumer queue of each service (`<service>.<purpose>`), for clean-up. */
export const SERVICE_QUEUES = ['intake.status', 'routing.inquiries', 'notifications.triggers', 'reporting.events'];

export interface TestEnv {
  /** Unique per test file: `lt_<random>`. Used as database name and broker namespace. */
  id: string;
  databaseUrl: string;
  amqpUrl: string;
  namespace: string;
  /** Environment variables that point a service at this run's database and broker names. */
  env: Record<string, string>;
  /** Extra queue names this test declared, deleted on cleanup. */
  trackQueue(name: string): void;
  cleanup(): Promise<void>;
}

/** A fresh database and broker namespace on the real servers, removed by `cleanup`. */
export async function createTestEnv(): Promise<TestEnv> {
  const id = `lt_${randomBytes(5).toString('hex')}`;
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${id}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const namespace = id;
  const extraQueues: string[] = [];
  return {
    id,
    databaseUrl,
    amqpUrl: TEST_AMQP_URL,
    namespace,
    env: {
      DATABASE_URL: databaseUrl,
      AMQP_URL: TEST_AMQP_URL,
      BROKER_NAMESPACE: namespace,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    },
    trackQueue: (name) => extraQueues.push(name),
    cleanup: async () => {
      await deleteBrokerNamespace(namespace, extraQueues).catch(() => undefined);
      await dropDatabase(databaseUrl).catch(() => undefined);
    },
  };
}

async function deleteBrokerNamespace(ns: string, extraQueues: string[]): Promise<void> {
  const conn = await amqp.connect(TEST_AMQP_URL, { timeout: 3000 });
  try {
    const queues = [
      ...SERVICE_QUEUES.flatMap((q) => [`${ns}.${q}`, `${ns}.${q}.parked`]),
      `${ns}.lotsen.unrouted`,
      ...extraQueues,
    ];
    for (const q of queues) {
      const ch = await conn.createChannel();
      ch.on('error', () => undefined);
      await ch.deleteQueue(q).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    for (const x of ['lotsen.events', 'lotsen.work', 'lotsen.dead', 'lotsen.unrouted']) await ch.deleteExchange(`${ns}.${x}`).catch(() => undefined);
    await ch.close().catch(() => undefined);
  } finally {
    await conn.close();
  }
}

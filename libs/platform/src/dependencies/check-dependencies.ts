/** Shared by `npm start` and the test suite's global setup. */
import * as amqp from 'amqplib';
import { Client } from 'pg';

/** Checks Postgres and RabbitMQ answer; returns what is missing and how to start it. */
export async function checkDependencies(databaseUrl: string, amqpUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const pg = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
  } catch (err) {
    problems.push(
      `PostgreSQL is not reachable at ${admin.host} (${(err as Error).message}).\n` +
        `    Start it: docker compose up -d postgres   (or on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    const c = await amqp.connect(amqpUrl, { timeout: 3000 });
    await c.close();
  } catch (err) {
    problems.push(
      `RabbitMQ is not reachable at ${new URL(amqpUrl).host} (${(err as Error).message}).\n` +
        `    Start it: docker compose up -d rabbitmq   (or on Debian: rabbitmq-server -detached)`,
    );
  }
  return problems;
}

import * as amqp from 'amqplib';
import { Client } from 'pg';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Says exactly what is missing instead of letting tests hang on a dead port. */
export async function checkInfrastructure(): Promise<string[]> {
  const problems: string[] = [];
  const pg = new Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (err) {
    problems.push(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${(err as Error).message}). Start it with ` +
        `'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' or 'docker compose up -d postgres'.`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    const conn = await amqp.connect(TEST_AMQP_URL, { timeout: 3000 });
    await conn.close();
  } catch (err) {
    problems.push(
      `RabbitMQ is not reachable at ${TEST_AMQP_URL} (${(err as Error).message}). Start it with ` +
        `'rabbitmq-server -detached' or 'docker compose up -d rabbitmq'.`,
    );
  }
  return problems;
}

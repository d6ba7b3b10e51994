import { Client } from 'pg';
import request from 'supertest';
import { TcpProxy, viaProxy, waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';
import { EventTap } from '../support/tap';

describe('intake when its broker or database goes away', () => {
  let p: TestPlatform;
  let db: Client;
  let tap: EventTap;
  const amqpProxy = new TcpProxy('127.0.0.1', 5672);
  const pgProxy = new TcpProxy('127.0.0.1', 5432);

  beforeAll(async () => {
    p = await startPlatform([]);
    tap = await new EventTap(p.env, ['inquiry.received']).start();
    await amqpProxy.up();
    await pgProxy.up();
    // Intake reaches RabbitMQ and Postgres only through proxies this test can cut.
    await p.start('intake', { AMQP_URL: viaProxy(p.env.amqpUrl, amqpProxy), INTAKE_DATABASE_URL: viaProxy(p.serviceEnv.INTAKE_DATABASE_URL, pgProxy) });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await tap?.stop();
    await p?.close();
    await amqpProxy.down();
    await pgProxy.down();
  });

  const post = (body: string) => request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body });

  it('keeps answering 202 while RabbitMQ is away and publishes everything once it is back', async () => {
    await post('före avbrottet').expect(202);
    await waitFor('the first event', async () => tap.unique === 1);
    await amqpProxy.down();
    for (let i = 0; i < 10; i++) await post(`under avbrottet ${i}`).expect(202);
    const held = await db.query(`SELECT count(*)::int AS n FROM intake.outbox`);
    expect(held.rows[0].n).toBe(10);
    expect(tap.unique).toBe(1);
    await amqpProxy.up();
    await waitFor('the held events to be published', async () => tap.unique === 11, 30000);
    expect(tap.ids).toHaveLength(11);
    // The relay deletes the rows right after the broker's confirms.
    await waitFor('the outbox to be empty', async () => (await db.query(`SELECT count(*)::int AS n FROM intake.outbox`)).rows[0].n === 0);
  });

  it('answers 503 with a problem body while Postgres is away, never a 202 for something not stored', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n;
    await pgProxy.down();
    const res = await post('när databasen är borta');
    expect(res.body).toMatchObject({ status: 503 });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toMatch(/database/i);
    const ready = await request(p.urls.intake!).get('/health/ready');
    expect(ready.status).toBe(503);
    await pgProxy.up();
    await waitFor('intake to store again', async () => (await post('när databasen är tillbaka')).status === 202, 20000);
    const after = (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n;
    expect(after).toBe(before + 1);
    await waitFor('its event', async () => tap.unique === after, 20000);
  });
});

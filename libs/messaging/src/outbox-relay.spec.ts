// The outbox relay's failure paths on the real servers: every wait is bounded and ends with its
// channel, a batch that could not be published goes back to the outbox, and a row that can never
// be published is set aside without holding up the rows behind it.
import { randomUUID } from 'crypto';
import * as amqp from 'amqplib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createEvent, EventTypes } from '@lotsen/contracts';
import { createServiceDataSource, runMigrations } from '@lotsen/persistence';
import { createTestEnv, TestEnv, waitFor } from '@lotsen/testing';
import { AmqpConnection } from './amqp-connection';
import { BrokerNames } from './broker-names';
import { ChannelWaitError, ChannelWatch } from './channel-waits';
import { messagingOutboxDeadLettersV4, messagingOutboxWithoutNotifyV2, messagingTablesV1 } from './messaging-migration';
import { OutboxRelay } from './outbox-relay';
import { assertCoreTopology } from './topology';

const SCHEMA = 'relayprobe';
const migrations = [messagingTablesV1(SCHEMA), messagingOutboxWithoutNotifyV2(SCHEMA), messagingOutboxDeadLettersV4(SCHEMA)];

describe('outbox relay on the real broker: bounded waits and rows that cannot be published', () => {
  let env: TestEnv;
  let ds: DataSource;
  let db: Client;
  let names: BrokerNames;
  let amqpConn: AmqpConnection;
  let relay: OutboxRelay;
  let admin: amqp.ChannelModel;
  let queue: string;

  /** An outbox row as EventPublisher writes it; `overrides` change the stored envelope or routing. */
  async function write(body: string, overrides: { routingKey?: string; type?: string } = {}): Promise<string> {
    const event = createEvent(EventTypes.InquiryReceived, { body }, { tenantId: 'demo' });
    const envelope = { ...event, ...(overrides.type ? { type: overrides.type } : {}) };
    await db.query(`INSERT INTO ${SCHEMA}.outbox (message_key, exchange, routing_key, envelope) VALUES ($1, 'events', $2, $3)`,
      [event.id, overrides.routingKey ?? EventTypes.InquiryReceived, JSON.stringify(envelope)]);
    return event.id;
  }

  const outboxCount = async () => (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`)).rows[0].n as number;
  const deadLetters = async () => (await db.query(`SELECT message_key, reason FROM ${SCHEMA}.outbox_dead_letters ORDER BY seq`)).rows as Array<{ message_key: string; reason: string }>;

  /** Message ids that reached the test queue so far. */
  async function received(): Promise<string[]> {
    const ch = await admin.createChannel();
    const ids: string[] = [];
    for (let m = await ch.get(queue, { noAck: true }); m; m = await ch.get(queue, { noAck: true })) ids.push(m.properties.messageId);
    await ch.close();
    return ids;
  }

  beforeAll(async () => {
    env = await createTestEnv();
    ds = createServiceDataSource({ url: env.databaseUrl, schema: SCHEMA, migrations, poolSize: 3 });
    await ds.initialize();
    await runMigrations(ds, SCHEMA);
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    names = new BrokerNames(env.namespace);
    admin = await amqp.connect(env.amqpUrl);
    const ch = await admin.createChannel();
    await assertCoreTopology(ch, names);
    queue = `${env.namespace}.relayprobe.seen`;
    env.trackQueue(queue);
    await ch.assertQueue(queue, { durable: true });
    await ch.bindQueue(queue, names.events, '#');
    await ch.close();
    amqpConn = new AmqpConnection(env.amqpUrl, names, 'relay-probe');
    // The relay is driven batch by batch here (publishBatch), never started.
    relay = new OutboxRelay(ds, amqpConn, SCHEMA, 250, 60_000, 2000);
  });
  afterAll(async () => {
    await relay?.stop();
    await amqpConn?.close();
    await admin?.close().catch(() => undefined);
    await db?.end();
    await ds?.destroy();
    await env?.cleanup();
  });

  it('a wait for drain or confirms ends when its channel closes, and otherwise after its timeout', async () => {
    const ch = await admin.createConfirmChannel();
    const watch = new ChannelWatch(ch);
    // Nothing was published, so no drain will come: only the close can end the wait.
    const drain = watch.drained(60_000);
    const never = watch.bounded(new Promise<void>(() => undefined), 60_000, 'publisher confirms');
    await ch.close();
    await expect(drain).rejects.toThrow(/channel closed/);
    await expect(never).rejects.toThrow(/channel closed/);
    await expect(watch.drained(60_000)).rejects.toBeInstanceOf(ChannelWaitError);

    const open = new ChannelWatch(await admin.createConfirmChannel());
    await expect(open.drained(50)).rejects.toMatchObject({ timedOut: true, message: expect.stringMatching(/channel drain timed out/) });
    await expect(open.bounded(new Promise<void>(() => undefined), 50, 'publisher confirms')).rejects.toMatchObject({ timedOut: true });
    await open.channel.close();
  });

  it('a row that cannot be encoded (a routing key over 255 bytes) is set aside with its reason; the rows before and behind it are published', async () => {
    const before = await write('before');
    const bad = await write('bad', { routingKey: `inquiry.${'x'.repeat(300)}` });
    const worse = await write('worse', { type: `inquiry.${'y'.repeat(300)}` });
    const behind: string[] = [];
    for (let i = 0; i < 5; i++) behind.push(await write(`behind ${i}`));

    expect(await relay.publishBatch()).toBe(8);
    expect(await outboxCount()).toBe(0);
    const dead = await deadLetters();
    expect(dead.map((d) => d.message_key)).toEqual([bad, worse]);
    expect(dead[0].reason).toMatch(/cannot be encoded: .*routingKey/);
    expect(dead[1].reason).toMatch(/cannot be encoded: .*type/);
    const seen = await waitFor('the publishable rows', async () => {
      const ids = new Set(await received());
      return [before, ...behind].every((id) => ids.has(id)) ? ids : undefined;
    });
    expect(seen.has(bad) || seen.has(worse)).toBe(false);
    expect(relay.stats.setAside).toBe(2);

    // The next batch is not held up by anything.
    const next = await write('next');
    expect(await relay.publishBatch()).toBe(1);
    await waitFor('the next row', async () => (await received()).includes(next));
  });

  it('when the broker closes the channel for a reason that is not the row (missing exchange), the claimed rows go back and nothing is set aside', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await write(`held ${i}`));
    const ch = await admin.createChannel();
    await ch.deleteExchange(names.events);
    await ch.close();
    const setAsideBefore = relay.stats.setAside;

    await expect(relay.publishBatch()).rejects.toThrow(/404|NOT_FOUND|channel closed/);
    expect(await outboxCount()).toBe(3);
    expect(relay.stats.setAside).toBe(setAsideBefore);

    const again = await admin.createChannel();
    await assertCoreTopology(again, names);
    await again.bindQueue(queue, names.events, '#');
    await again.close();
    expect(await relay.publishBatch()).toBe(3);
    expect(await outboxCount()).toBe(0);
    await waitFor('the held rows', async () => {
      const seen = new Set(await received());
      return ids.every((id) => seen.has(id));
    });
    expect((await deadLetters()).map((d) => d.message_key)).not.toEqual(expect.arrayContaining(ids));
  });

  it('a relay whose broker connection is gone gives its claimed rows back', async () => {
    const id = await write(`lost connection ${randomUUID()}`);
    const gone = new AmqpConnection('amqp://guest:guest@127.0.0.1:1', names, 'relay-probe-gone');
    const stranded = new OutboxRelay(ds, gone, SCHEMA, 250, 60_000, 2000);
    await expect(stranded.publishBatch()).rejects.toThrow();
    expect((await db.query(`SELECT 1 FROM ${SCHEMA}.outbox WHERE message_key = $1`, [id])).rowCount).toBe(1);
    await gone.close().catch(() => undefined);
    expect(await relay.publishBatch()).toBe(1);
  });
});

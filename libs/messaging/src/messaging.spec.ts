import { Controller, DynamicModule, Injectable, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'crypto';
import * as amqp from 'amqplib';
import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createEvent, EventEnvelope, EventTypes, InquiryAssignedPayload, InquiryReceivedPayload } from '@lotsen/contracts';
import { PersistenceModule, UnitOfWork, createServiceDataSource, runMigrations } from '@lotsen/persistence';
import { createTestEnv, TcpProxy, TestEnv, viaProxy, waitFor } from '@lotsen/testing';
import {
  AmqpConnection, BrokerNames, DeadLetters, EventBatchPattern, EventContext, EventPublisher, Inbox, MessagingModule, MessagingOptions, messagingInboxBrinV3, messagingOutboxDeadLettersV4, messagingOutboxWithoutNotifyV2, messagingTablesV1,
  OutboxRelay, startEventConsumer,
} from './index';

// A probe service built only from the library: it publishes through the outbox and records the
// effect of each consumed event, so the library's guarantees can be checked on the real servers.

class ProbeTables1 implements MigrationInterface {
  name = 'ProbeTables1763900009999';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE probe.effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, body text NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE probe.effects`);
  }
}
class ProbeTables2 implements MigrationInterface {
  name = 'ProbeTables1763900009998';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE probe.idempotent_effects (event_id uuid PRIMARY KEY, body text NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE probe.idempotent_effects`);
  }
}
const migrations = [messagingTablesV1('probe'), ProbeTables1, ProbeTables2, messagingOutboxWithoutNotifyV2('probe'), messagingInboxBrinV3('probe'), messagingOutboxDeadLettersV4('probe')];

let failuresLeft = 0;

@Injectable()
class ProbeUseCases {
  constructor(private readonly tx: UnitOfWork, private readonly events: EventPublisher) {}
  async register(body: string): Promise<string> {
    const id = randomUUID();
    await this.tx.run(async () => {
      await this.tx.manager.query(`SELECT 1`);
      await this.events.publish(EventTypes.InquiryReceived, {
        inquiryId: id, reference: 'KC-2026-000001', channel: 'web', body, language: 'sv', languageDetected: false, sensitive: false, receivedAt: new Date().toISOString(),
      }, { tenantId: 'demo' });
    });
    return id;
  }
  async record(e: EventEnvelope<InquiryReceivedPayload>): Promise<void> {
    if (e.payload.body.startsWith('ordered:')) return this.recordInOrder(e);
    await this.tx.manager.query(`INSERT INTO probe.effects (event_id, body) VALUES ($1, $2)`, [e.id, e.payload.body]);
    if (e.payload.body === 'always-fails') throw new Error('handler bug');
    if (e.payload.body === 'fails-twice' && failuresLeft-- > 0) throw new Error('transient bug');
  }
  private async recordInOrder(e: EventEnvelope<InquiryReceivedPayload>): Promise<void> {
    if (inProgress.has(e.correlationId)) overlaps.push(e.correlationId);
    inProgress.add(e.correlationId);
    try {
      await this.tx.manager.query(`INSERT INTO probe.effects (event_id, body) VALUES ($1, $2)`, [e.id, e.payload.body]);
      await this.tx.manager.query(`SELECT pg_sleep(0.005)`);
    } finally {
      inProgress.delete(e.correlationId);
    }
  }

  /** A batch handler: one statement for all its events, then what each publishes under its own context. */
  async assigned(events: Array<EventEnvelope<InquiryAssignedPayload>>): Promise<void> {
    assignedCalls.push(events);
    await this.tx.manager.query(
      `INSERT INTO probe.effects (event_id, body) SELECT * FROM unnest($1::uuid[], $2::text[])`,
      [events.map((e) => e.id), events.map((e) => e.payload.agentId)],
    );
    await EventContext.each(events, async (e) => {
      const echo = await this.events.publish(EventTypes.InquiryResolved, { inquiryId: e.payload.inquiryId, department: 'probe', resolutionCode: 'echo' }, { tenantId: 'demo' });
      echoes.push({ of: e, echo });
    });
  }
}

/** The calls of the batch handler, and the events it published (with the event each was for). */
const assignedCalls: EventEnvelope[][] = [];
const echoes: Array<{ of: EventEnvelope; echo: EventEnvelope }> = [];

/** Correlation ids being handled now, and those seen handled twice at once. */
const inProgress = new Set<string>();
const overlaps: string[] = [];

@Controller()
class ProbeHandler {
  constructor(private readonly useCases: ProbeUseCases) {}
  @EventPattern(EventTypes.InquiryReceived)
  handle(@Payload() e: EventEnvelope<InquiryReceivedPayload>) {
    return this.useCases.record(e);
  }
  @EventBatchPattern(EventTypes.InquiryAssigned)
  assigned(@Payload() events: Array<EventEnvelope<InquiryAssignedPayload>>) {
    return this.useCases.assigned(events);
  }
}

@Module({})
class ProbeModule {
  static forRoot(env: TestEnv, databaseUrl: string): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        PersistenceModule.forRoot({ url: databaseUrl, schema: 'probe', migrations, poolSize: 4 }),
        MessagingModule.forRoot({
          service: 'probe', schema: 'probe', consumerPurpose: 'effects',
          broker: { url: env.amqpUrl, namespace: env.namespace, prefetch: 10, deliveryLimit: 3, batchSize: 50, workers: 4 },
        }),
      ],
      controllers: [ProbeHandler],
      providers: [ProbeUseCases],
    };
  }
}

async function startProbe(env: TestEnv, databaseUrl = env.databaseUrl): Promise<INestApplication> {
  const app = await NestFactory.create(ProbeModule.forRoot(env, databaseUrl), new FastifyAdapter(), { logger: false });
  await startEventConsumer(app);
  await app.init();
  return app;
}

/** An effect for handleBatch of events handled one at a time. */
const alone = (effect: (e: EventEnvelope) => Promise<void>) => async ([e]: EventEnvelope[]) => effect(e);

describe('messaging library on the real servers', () => {
  let env: TestEnv;
  let db: Client;
  let app: INestApplication;
  const effects = async (body: string) => (await db.query(`SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM probe.effects WHERE body = $1`, [body])).rows[0];
  const parked = async () => {
    const conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createChannel();
    const q = await ch.checkQueue(new BrokerNames(env.namespace).parked(`${env.namespace}.probe.effects`));
    await conn.close();
    return q.messageCount;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    env.trackQueue(`${env.namespace}.probe.effects`);
    env.trackQueue(`${env.namespace}.probe.effects.parked`);
    const ds = createServiceDataSource({ url: env.databaseUrl, schema: 'probe', migrations });
    await ds.initialize();
    await runMigrations(ds, 'probe');
    await ds.destroy();
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    app = await startProbe(env);
  });
  afterAll(async () => {
    await app?.close();
    await db?.end();
    await env?.cleanup();
  });

  it('keeps the inbox\'s handled_at in a BRIN index; the migration reverts to the B-tree and back', async () => {
    const kind = async () => (await db.query(
      `SELECT i.relname, a.amname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam
       WHERE x.indrelid = 'probe.inbox'::regclass AND i.relname LIKE 'inbox_handled_at%'`,
    )).rows;
    expect(await kind()).toEqual([{ relname: 'inbox_handled_at_brin', amname: 'brin' }]);
    const V3 = messagingInboxBrinV3('probe');
    const runner = { query: (sql: string) => db.query(sql) } as unknown as QueryRunner;
    await new V3().down(runner);
    expect(await kind()).toEqual([{ relname: 'inbox_handled_at', amname: 'btree' }]);
    await new V3().up(runner);
    expect(await kind()).toEqual([{ relname: 'inbox_handled_at_brin', amname: 'brin' }]);
  });

  it('publishes an event only with its transaction, and the effect happens once', async () => {
    await app.get(ProbeUseCases).register('hello');
    await waitFor('the effect', async () => (await effects('hello')).n === 1);
    await expect(app.get(EventPublisher).publish(EventTypes.InquiryReceived, {}, { tenantId: 'demo' })).rejects.toThrow(/inside UnitOfWork/);
  });

  it('a re-published batch (relay died after confirms, before commit) has no second effect', async () => {
    const relay = app.get(OutboxRelay);
    await relay.stop();
    for (let i = 0; i < 20; i++) await app.get(ProbeUseCases).register('batch');
    const { rows } = await db.query(`SELECT message_key, exchange, routing_key, envelope FROM probe.outbox`);
    expect(rows).toHaveLength(20);
    expect(await relay.publishBatch()).toBe(20);
    for (const r of rows) await db.query(`INSERT INTO probe.outbox (message_key, exchange, routing_key, envelope) VALUES ($1,$2,$3,$4)`, [r.message_key, r.exchange, r.routing_key, r.envelope]);
    expect(await relay.publishBatch()).toBe(20);
    await waitFor('20 effects', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.inbox`)).rows[0].n >= 21);
    await new Promise((r) => setTimeout(r, 300));
    expect(await effects('batch')).toEqual({ n: 20, d: 20 });
    relay.start();
  });

  it('two relays never publish the same row twice', async () => {
    const relay = app.get(OutboxRelay);
    await relay.stop();
    for (let i = 0; i < 300; i++) await app.get(ProbeUseCases).register('two-relays');
    const second = await startProbe(env);
    const a = app.get(OutboxRelay);
    const publishedBefore = a.stats.published + second.get(OutboxRelay).stats.published;
    a.start();
    await waitFor('the outbox to drain', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.outbox`)).rows[0].n === 0, 20000);
    const published = a.stats.published + second.get(OutboxRelay).stats.published - publishedBefore;
    await waitFor('300 effects', async () => (await effects('two-relays')).n === 300, 20000);
    await second.close();
    expect(published).toBe(300);
  });

  it('a commit that wrote events wakes its own relay at once (no NOTIFY trigger, no waiting for the poll)', async () => {
    const { rows: triggers } = await db.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'probe.outbox'::regclass AND NOT tgisinternal`);
    expect(triggers).toEqual([]);
    const own = app.get(OutboxRelay);
    await own.stop();
    // A relay that would otherwise look only every ten minutes: the event can arrive in time
    // only through the nudge its transaction's commit gives.
    const conn = new AmqpConnection(env.amqpUrl, new BrokerNames(env.namespace), 'probe-wake');
    const relay = new OutboxRelay(app.get(DataSource), conn, 'probe', 250, 10 * 60_000);
    relay.start();
    await waitFor('the relay to go idle', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.outbox`)).rows[0].n === 0);
    await new Promise((r) => setTimeout(r, 200));
    const tx = app.get(UnitOfWork);
    const publisher = new EventPublisher(tx, relay, { schema: 'probe' } as MessagingOptions);
    await tx.run(() => publisher.publish(EventTypes.InquiryReceived, {
      inquiryId: randomUUID(), reference: 'KC-2026-000002', channel: 'web', body: 'woken', language: 'sv', languageDetected: false, sensitive: false, receivedAt: new Date().toISOString(),
    }, { tenantId: 'demo' }));
    await waitFor('the effect', async () => (await effects('woken')).n === 1, 20000);
    await relay.stop();
    await conn.close();
    own.start();
  });

  it('requeues a failing handler and parks the event at the delivery limit, without partial effects', async () => {
    failuresLeft = 2;
    await app.get(ProbeUseCases).register('fails-twice');
    await app.get(ProbeUseCases).register('always-fails');
    await waitFor('the flaky event to succeed', async () => (await effects('fails-twice')).n === 1, 20000);
    await waitFor('the poison event to be parked', async () => (await parked()) === 1, 20000);
    // Its effect rolled back with every failed attempt.
    expect((await effects('always-fails')).n).toBe(0);
  });

  it('handles a burst in batches: a failing event rolls back only its own effect', async () => {
    const before = await parked();
    const relay = app.get(OutboxRelay);
    await relay.stop();
    for (let i = 0; i < 300; i++) await app.get(ProbeUseCases).register(i % 100 === 50 ? 'always-fails' : 'burst');
    relay.start();
    await waitFor('297 effects and 3 more parked', async () => (await effects('burst')).n === 297 && (await parked()) === before + 3, 30000);
    expect(await effects('burst')).toEqual({ n: 297, d: 297 });
    expect((await effects('always-fails')).n).toBe(0);
  });

  it('a batch claims its inbox rows at once: a repeated event runs once, a failing one alone rolls back', async () => {
    const inbox = new Inbox(app.get(UnitOfWork), 'probe');
    const ev = (body: string) => createEvent(EventTypes.InquiryReceived, { inquiryId: randomUUID(), body } as InquiryReceivedPayload, { tenantId: 'demo' });
    const [a, b, bad, c] = [ev('inbox-a'), ev('inbox-b'), ev('always-fails'), ev('inbox-c')];
    const record = (e: EventEnvelope) => app.get(ProbeUseCases).record(e as EventEnvelope<InquiryReceivedPayload>);
    const before = (await effects('always-fails')).n;
    const outcomes = await inbox.handleBatch('probe.direct', [a, b, a, bad, c], alone(record));
    expect(outcomes.map((o) => (o instanceof Error ? o.message : o))).toEqual(['handled', 'handled', 'duplicate', 'handler bug', 'handled']);
    expect(await inbox.handleBatch('probe.direct', [c, b], alone(record))).toEqual(['duplicate', 'duplicate']);
    for (const body of ['inbox-a', 'inbox-b', 'inbox-c']) expect(await effects(body)).toEqual({ n: 1, d: 1 });
    expect((await effects('always-fails')).n).toBe(before);
    // The failed event left no inbox row: a redelivery runs it again.
    expect(await inbox.handleBatch('probe.direct', [bad], alone(record))).toEqual([expect.objectContaining({ message: 'handler bug' })]);
  });

  it('without inbox claims, a batch of idempotent effects is one auto-committed statement; a failing event rolls back alone', async () => {
    const tx = app.get(UnitOfWork);
    const inbox = new Inbox(tx, 'probe', { claims: false });
    const key = Symbol('idempotent effects');
    const ev = (body: string) => createEvent(EventTypes.InquiryReceived, { inquiryId: randomUUID(), body } as InquiryReceivedPayload, { tenantId: 'demo' });
    const record = async (e: EventEnvelope) => {
      const body = (e.payload as InquiryReceivedPayload).body;
      tx.collect(key, [e.id, body], (rows: string[][]) => ({
        sql: `INSERT INTO probe.idempotent_effects (event_id, body) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT (event_id) DO NOTHING`,
        params: [rows.map((r) => r[0]), rows.map((r) => r[1])],
      }));
      if (body === 'idem-fails') throw new Error('handler bug');
    };
    const stored = async () => (await db.query(`SELECT body, count(*)::int AS n FROM probe.idempotent_effects GROUP BY body ORDER BY body`)).rows;
    const [a, b, bad, c] = [ev('idem-a'), ev('idem-b'), ev('idem-fails'), ev('idem-c')];

    // The statements of each query runner (one per unit of work): the batch's is the one that wrote.
    const sent = new Map<PostgresQueryRunner, string[]>();
    const original = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (this: PostgresQueryRunner, ...args: Parameters<PostgresQueryRunner['query']>) {
      sent.set(this, [...(sent.get(this) ?? []), String(args[0])]);
      return original.apply(this, args);
    });
    try {
      expect(await inbox.handleBatch('probe.idem', [a, b, a], alone(record))).toEqual(['handled', 'handled', 'duplicate']);
    } finally {
      spy.mockRestore();
    }
    const batch = [...sent.values()].filter((statements) => statements.some((q) => q.includes('idempotent_effects')));
    expect(batch).toEqual([[expect.stringMatching(/^INSERT INTO probe\.idempotent_effects/)]]);

    const outcomes = await inbox.handleBatch('probe.idem', [c, bad, b], alone(record));
    expect(outcomes.map((o) => (o instanceof Error ? o.message : o))).toEqual(['handled', 'handler bug', 'handled']);
    // A redelivery changes nothing; no inbox rows were written.
    expect(await inbox.handleBatch('probe.idem', [a, c], alone(record))).toEqual(['handled', 'handled']);
    expect(await stored()).toEqual([{ body: 'idem-a', n: 1 }, { body: 'idem-b', n: 1 }, { body: 'idem-c', n: 1 }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM probe.inbox WHERE consumer = 'probe.idem'`)).rows[0].n).toBe(0);
  });

  it('a batch handler gets, in one call, the events not handled before, in order; if it fails, the batch runs event by event', async () => {
    const inbox = new Inbox(app.get(UnitOfWork), 'probe');
    const ev = (body: string) => createEvent(EventTypes.InquiryReceived, { inquiryId: randomUUID(), body } as InquiryReceivedPayload, { tenantId: 'demo' });
    const record = (e: EventEnvelope) => app.get(ProbeUseCases).record(e as EventEnvelope<InquiryReceivedPayload>);
    const [a, b, c, d] = [ev('prep-a'), ev('prep-b'), ev('prep-c'), ev('prep-d')];
    const calls: string[][] = [];
    const handle = async (events: EventEnvelope[]) => {
      calls.push(events.map((e) => (e.payload as InquiryReceivedPayload).body));
      if (events.length > 1 && events.some((e) => (e.payload as InquiryReceivedPayload).body === 'prep-d')) throw new Error('batch handler bug');
      for (const e of events) await record(e);
    };
    const batched = () => true;
    expect(await inbox.handleBatch('probe.prep', [a, b, a], handle, batched)).toEqual(['handled', 'handled', 'duplicate']);
    expect(await inbox.handleBatch('probe.prep', [b, c], handle, batched)).toEqual(['duplicate', 'handled']);
    expect(await inbox.handleBatch('probe.prep', [c, d, a], handle, batched)).toEqual(['duplicate', 'handled', 'duplicate']);
    const e = ev('prep-e');
    expect(await inbox.handleBatch('probe.prep', [d, e, ev('prep-f')], handle, batched)).toEqual(['duplicate', 'handled', 'handled']);
    const g = ev('prep-g');
    // The call failed: the batch again, each event alone under its savepoint.
    expect(await inbox.handleBatch('probe.prep', [g, ev('prep-d')], handle, batched)).toEqual(['handled', 'handled']);
    expect(calls).toEqual([['prep-a', 'prep-b'], ['prep-c'], ['prep-d'], ['prep-e', 'prep-f'], ['prep-g', 'prep-d'], ['prep-g'], ['prep-d']]);
    for (const body of ['prep-a', 'prep-b', 'prep-c', 'prep-e', 'prep-f', 'prep-g']) expect(await effects(body)).toEqual({ n: 1, d: 1 });
    expect(await effects('prep-d')).toEqual({ n: 2, d: 2 });
  });

  it('outbox rows of a batch are written at commit, without those of an event that failed', async () => {
    const relay = app.get(OutboxRelay);
    await relay.stop();
    try {
      const inbox = new Inbox(app.get(UnitOfWork), 'probe');
      const publisher = app.get(EventPublisher);
      const ev = (body: string) => createEvent<InquiryReceivedPayload>(EventTypes.InquiryReceived, {
        inquiryId: randomUUID(), reference: 'KC-2026-000002', channel: 'web', body, language: 'sv', languageDetected: false, sensitive: false, receivedAt: new Date().toISOString(),
      }, { tenantId: 'demo' });
      const echo = async (e: EventEnvelope) => {
        await publisher.publish(EventTypes.InquiryReceived, { ...(e.payload as object), body: `echo-${(e.payload as InquiryReceivedPayload).body}` }, { tenantId: 'demo' });
        if ((e.payload as InquiryReceivedPayload).body === 'echo-fails') throw new Error('after publishing');
      };
      const outcomes = await inbox.handleBatch('probe.echo', [ev('one'), ev('echo-fails'), ev('two')], alone(echo));
      expect(outcomes.map((o) => (o instanceof Error ? o.message : o))).toEqual(['handled', 'after publishing', 'handled']);
      const { rows } = await db.query(`SELECT envelope->'payload'->>'body' AS body FROM probe.outbox ORDER BY seq`);
      expect(rows.map((r) => r.body)).toEqual(['echo-one', 'echo-two']);
    } finally {
      relay.start();
    }
    await waitFor('the echoes consumed', async () => (await effects('echo-one')).n === 1 && (await effects('echo-two')).n === 1);
  });

  it('a consumer starting on a full queue handles every waiting event (regression: none left unacked)', async () => {
    const producer = app;
    await producer.get(AmqpTransportHolder.type).close(); // stop consuming, keep publishing
    for (let i = 0; i < 120; i++) await producer.get(ProbeUseCases).register('waiting');
    await waitFor('the outbox to drain', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.outbox`)).rows[0].n === 0);
    const consumer = await startProbe(env);
    try {
      await waitFor('120 effects', async () => (await effects('waiting')).n === 120, 15000);
    } finally {
      await consumer.close();
    }
    await app.close();
    app = await startProbe(env);
  });

  it('handles the events of one correlation (inquiry) one after another, in order, across its workers', async () => {
    await app.close();
    const conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    const names = new BrokerNames(env.namespace);
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    for (let n = 0; n < 30; n++) {
      for (const key of keys) {
        const e = createEvent<InquiryReceivedPayload>(EventTypes.InquiryReceived, {
          inquiryId: key, reference: 'KC-2026-000003', channel: 'web', body: `ordered:${key}:${String(n).padStart(2, '0')}`, language: 'sv',
          languageDetected: false, sensitive: false, receivedAt: new Date().toISOString(),
        }, { tenantId: 'demo', correlationId: key });
        ch.publish(names.events, e.type, Buffer.from(JSON.stringify(e)), { persistent: true });
      }
    }
    await ch.waitForConfirms();
    await conn.close();
    app = await startProbe(env);
    await waitFor('90 ordered effects', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.effects WHERE body LIKE 'ordered:%'`)).rows[0].n === 90, 20000);
    expect(overlaps).toEqual([]);
    for (const key of keys) {
      const { rows } = await db.query(`SELECT body FROM probe.effects WHERE body LIKE $1 ORDER BY id`, [`ordered:${key}:%`]);
      const bodies = rows.map((r) => r.body as string);
      expect(bodies).toEqual([...bodies].sort());
    }
  });

  it('a batch handler takes a burst in calls of many events, one per inquiry each, in order; what it publishes names its own event as cause', async () => {
    await app.close();
    const conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    const names = new BrokerNames(env.namespace);
    const inquiries = Array.from({ length: 10 }, () => randomUUID());
    const sent: EventEnvelope[] = [];
    for (let n = 0; n < 4; n++) {
      for (const inquiryId of inquiries) {
        const e = createEvent<InquiryAssignedPayload>(EventTypes.InquiryAssigned, {
          inquiryId, agentId: `assigned:${inquiryId}:${n}`, agentName: 'Agent', department: 'probe',
        }, { tenantId: 'demo', correlationId: inquiryId });
        sent.push(e);
        ch.publish(names.events, e.type, Buffer.from(JSON.stringify(e)), { persistent: true });
      }
    }
    await ch.waitForConfirms();
    await conn.close();
    app = await startProbe(env);
    await waitFor('40 effects of the batch handler', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.effects WHERE body LIKE 'assigned:%'`)).rows[0].n === 40, 20000);
    expect(Math.max(...assignedCalls.map((c) => c.length))).toBeGreaterThan(1);
    for (const call of assignedCalls) expect(new Set(call.map((e) => e.correlationId)).size).toBe(call.length);
    for (const inquiryId of inquiries) {
      const { rows } = await db.query(`SELECT body FROM probe.effects WHERE body LIKE $1 ORDER BY id`, [`assigned:${inquiryId}:%`]);
      expect(rows.map((r) => r.body)).toEqual([0, 1, 2, 3].map((n) => `assigned:${inquiryId}:${n}`));
    }
    expect(echoes).toHaveLength(40);
    for (const { of, echo } of echoes) expect({ causationId: echo.causationId, correlationId: echo.correlationId }).toEqual({ causationId: of.id, correlationId: of.correlationId });
    expect(new Set(echoes.map(({ of }) => of.id))).toEqual(new Set(sent.map((e) => e.id)));
  });

  it('a batch handler cannot publish outside EventContext.each (the event it publishes for is its cause)', async () => {
    const e = createEvent(EventTypes.InquiryAssigned, { inquiryId: randomUUID() }, { tenantId: 'demo' });
    const tx = app.get(UnitOfWork);
    const publish = () => app.get(EventPublisher).publish(EventTypes.InquiryResolved, { inquiryId: e.id }, { tenantId: 'demo' });
    await expect(tx.run(() => EventContext.runBatch([e], publish))).rejects.toThrow('inside EventContext.each');
    const [echo] = await tx.run(() => EventContext.runBatch([e], async () => {
      const out: EventEnvelope[] = [];
      await EventContext.each([e], async () => { out.push(await publish()); });
      return out;
    }));
    expect(echo.causationId).toBe(e.id);
  });

  it('parks malformed messages at once and keeps consuming', async () => {
    const before = await parked();
    const conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    const names = new BrokerNames(env.namespace);
    ch.publish(names.events, EventTypes.InquiryReceived, Buffer.from('{"not": "an event"'));
    ch.publish(names.events, EventTypes.InquiryReceived, Buffer.from(JSON.stringify({ id: randomUUID(), type: 'inquiry.received', version: 1, occurredAt: new Date().toISOString(), tenantId: 'demo', correlationId: 'c', causationId: null, payload: { inquiryId: 'nope' } })));
    await ch.waitForConfirms();
    await conn.close();
    await waitFor('two more parked', async () => (await parked()) === before + 2, 20000);
    await app.get(ProbeUseCases).register('after-garbage');
    await waitFor('the next good event', async () => (await effects('after-garbage')).n === 1);
  });

  it('holds events while its database is away and applies each once when it returns', async () => {
    const proxy = new TcpProxy('127.0.0.1', 5432);
    await proxy.up();
    const consumer = await startProbe(env, viaProxy(env.databaseUrl, proxy));
    await app.get(OutboxRelay).stop();
    // Only the proxied instance consumes from now on.
    await app.close();
    app = consumer;
    await proxy.down();
    const producer = await startProbe(env);
    await producer.get(AmqpTransportHolder.type).close();
    for (let i = 0; i < 10; i++) await producer.get(ProbeUseCases).register('db-away');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await effects('db-away')).n).toBe(0);
    await proxy.up();
    await waitFor('all ten applied', async () => (await effects('db-away')).n === 10, 30000);
    expect(await parked()).toBe(2 + 1 + 3);
    await producer.close();
    await proxy.down();
  });
});

describe('dead letters', () => {
  it('are listed and replayed into the queue they died in, where they take effect', async () => {
    const env = await createTestEnv();
    env.trackQueue(`${env.namespace}.probe.effects`);
    env.trackQueue(`${env.namespace}.probe.effects.parked`);
    const ds = createServiceDataSource({ url: env.databaseUrl, schema: 'probe', migrations });
    await ds.initialize();
    await runMigrations(ds, 'probe');
    await ds.destroy();
    const app = await startProbe(env);
    const names = new BrokerNames(env.namespace);
    const parkedQueue = names.parked(`${env.namespace}.probe.effects`);
    try {
      failuresLeft = 100; // the handler keeps failing: the event is parked
      await app.get(ProbeUseCases).register('fails-twice');
      const dlq = new DeadLetters(env.amqpUrl, names);
      await waitFor('the event parked', async () => (await dlq.summary([`${env.namespace}.probe.effects`]))[0].parked === 1, 20000);
      const [shown] = await dlq.peek(parkedQueue);
      expect(shown).toMatchObject({ type: 'inquiry.received', reason: 'delivery_limit' });
      failuresLeft = 0; // "the bug is fixed"
      expect(await dlq.replay(parkedQueue)).toBe(1);
      const db = new Client({ connectionString: env.databaseUrl });
      await db.connect();
      await waitFor('the replayed event to take effect', async () => (await db.query(`SELECT count(*)::int AS n FROM probe.inbox`)).rows[0].n === 1, 20000);
      await db.end();
      expect((await dlq.summary([`${env.namespace}.probe.effects`]))[0].parked).toBe(0);
    } finally {
      await app.close();
      await env.cleanup();
    }
  });
});

// The producer instance must not consume (so every event reaches the proxied consumer).
import { AmqpTransport } from './amqp-transport';
const AmqpTransportHolder = { type: AmqpTransport };

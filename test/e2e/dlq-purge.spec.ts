// Housekeeping of parked broker messages on the real broker: those parked longer than the window are
// written to the operator's export file and only then removed; younger ones, and what cannot be dated,
// stay where they are.
import * as amqp from 'amqplib';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createEvent, EventTypes } from '@lotsen/contracts';
import { assertConsumerQueue, assertCoreTopology, BrokerNames } from '@lotsen/messaging';
import { createTestEnv, TestEnv, waitFor } from '@lotsen/testing';
import { purgeParked } from '../../scripts/dlq';

describe('purging parked messages older than the housekeeping window', () => {
  let env: TestEnv;
  let conn: amqp.ChannelModel;
  let ch: amqp.ConfirmChannel;
  let names: BrokerNames;
  let dir: string;
  let queue: string;

  const count = async (q: string) => (await ch.checkQueue(q)).messageCount;
  const publish = async (routingKey: string, occurredAt = new Date()) => {
    const e = { ...createEvent(EventTypes.InquiryReceived, { marker: `Zqparked ${Math.random()}` }, { tenantId: 'demo' }), occurredAt: occurredAt.toISOString() };
    ch.publish(names.events, routingKey, Buffer.from(JSON.stringify(e)), { persistent: true, contentType: 'application/json', messageId: e.id });
    await ch.waitForConfirms();
    return e.id;
  };
  /** Real dead-lettering: the consumer rejects each message, the broker parks it with its own time. */
  const park = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await publish(EventTypes.InquiryReceived));
    for (let i = 0; i < n; i++) {
      const m = await ch.get(queue, { noAck: false });
      if (!m) throw new Error('nothing to reject');
      ch.nack(m, false, false);
    }
    return ids;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    names = new BrokerNames(env.namespace);
    queue = names.queue('routing', 'inquiries');
    conn = await amqp.connect(env.amqpUrl);
    ch = await conn.createConfirmChannel();
    await assertCoreTopology(ch, names);
    await assertConsumerQueue(ch, names, { queue, bindings: [EventTypes.InquiryReceived], deliveryLimit: 5 });
    dir = mkdtempSync(join(tmpdir(), 'lotsen-dlq-'));
  });

  afterAll(async () => {
    await conn?.close().catch(() => undefined);
    await env?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports every message parked before the window to the file, then removes it, and keeps the younger ones', async () => {
    const old = await park(3);
    // Unrouted events are dated by when they occurred: one from 40 days ago, one after the edge.
    const oldUnrouted = await publish('nobody.listens', new Date(Date.now() - 40 * 86_400_000));
    await waitFor('three parked', async () => (await count(names.parked(queue))) === 3, 10000);
    // The broker dates a death to the second: the window's edge is the next whole second.
    const edge = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    await waitFor('the clock past the edge', async () => Date.now() > edge.getTime() + 50, 3000);
    const young = await park(2);
    const freshUnrouted = await publish('nobody.listens');
    await waitFor('five parked', async () => (await count(names.parked(queue))) === 5, 10000);
    expect(await count(names.unrouted)).toBe(2);

    const file = join(dir, 'parked.jsonl');
    const printed: string[] = [];
    const opts = { amqpUrl: env.amqpUrl, namespace: env.namespace, queues: [], olderThanDays: 30, exportFile: file, now: new Date(edge.getTime() + 30 * 86_400_000) };
    const results = await purgeParked(opts, (l) => printed.push(l));
    expect(results.filter((r) => r.purged || r.kept)).toEqual([
      { queue: names.parked(queue), purged: 3, kept: 2 },
      { queue: names.unrouted, purged: 1, kept: 1 },
    ]);
    expect(printed).toContainEqual(expect.stringMatching(/routing\.inquiries\.parked +exported and purged 3, kept 2/));

    const exported = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(exported.map((m) => m.messageId).sort()).toEqual([...old, oldUnrouted].sort());
    for (const m of exported) expect(JSON.parse(m.body)).toMatchObject({ id: m.messageId, type: EventTypes.InquiryReceived, payload: { marker: expect.stringMatching(/^Zqparked/) } });
    expect(exported.filter((m) => m.reason === 'rejected').map((m) => m.originalQueue)).toEqual([queue, queue, queue]);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // What stays is exactly the younger messages, still in place for a replay.
    const left: string[] = [];
    for (const q of [names.parked(queue), names.unrouted]) {
      for (let m = await ch.get(q, { noAck: false }); m; m = await ch.get(q, { noAck: false })) left.push(m.properties.messageId as string);
    }
    await ch.recover();
    expect(left.sort()).toEqual([...young, freshUnrouted].sort());

    // A second purge finds nothing older: nothing exported twice.
    await waitFor('the younger messages back', async () => (await count(names.parked(queue))) === 2, 10000);
    const again = await purgeParked(opts, () => undefined);
    expect(again.reduce((n, r) => n + r.purged, 0)).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('refuses to purge without an export file or with a negative window', async () => {
    const base = { amqpUrl: env.amqpUrl, namespace: env.namespace, queues: [] };
    await expect(purgeParked({ ...base, olderThanDays: 30, exportFile: '' }, () => undefined)).rejects.toThrow(/--export/);
    await expect(purgeParked({ ...base, olderThanDays: -1, exportFile: join(dir, 'x.jsonl') }, () => undefined)).rejects.toThrow(/older-than-days/);
    expect(await count(names.parked(queue))).toBe(2);
  });
});

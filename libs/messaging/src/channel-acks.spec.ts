import * as amqp from 'amqplib';
import { createTestEnv, TestEnv, waitFor } from '@lotsen/testing';
import { ChannelAcks } from './channel-acks';

// On the real broker: which messages come back after the channel closes shows what was acked.

let env: TestEnv;
let conn: amqp.ChannelModel;

beforeAll(async () => {
  env = await createTestEnv();
  conn = await amqp.connect(env.amqpUrl);
});

afterAll(async () => {
  await conn?.close().catch(() => undefined);
  await env?.cleanup();
});

/** A quorum queue holding messages "1".."n", consumed on a fresh channel through ChannelAcks. */
async function consume(n: number, holdMs = 10_000) {
  const queue = `${env.namespace}.acks.${Math.random().toString(36).slice(2, 8)}`;
  env.trackQueue(queue);
  const pub = await conn.createConfirmChannel();
  await pub.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  for (let i = 1; i <= n; i++) pub.sendToQueue(queue, Buffer.from(String(i)), { persistent: true });
  await pub.waitForConfirms();
  await pub.close();

  const ch = await conn.createChannel();
  await ch.prefetch(50);
  const acks = new ChannelAcks(ch, holdMs);
  const frames: Array<{ tag: number; multiple: boolean }> = [];
  const ack = ch.ack.bind(ch);
  ch.ack = (m: amqp.Message, multiple?: boolean) => {
    frames.push({ tag: m.fields.deliveryTag, multiple: Boolean(multiple) });
    ack(m, multiple);
  };
  const got = new Map<string, amqp.ConsumeMessage>();
  await ch.consume(queue, (m) => {
    if (!m) return;
    acks.delivered(m);
    got.set(m.content.toString(), m);
  });
  await waitFor('all deliveries', () => got.size === n, 5000);
  return { queue, ch, acks, frames, msg: (body: string) => got.get(body) as amqp.Message };
}

/** Closes the channel and answers the messages the broker still holds, with their redelivered flag. */
async function leftOver(ch: amqp.Channel, queue: string): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 50));
  await ch.close();
  const check = await conn.createChannel();
  const left: string[] = [];
  for (let m = await check.get(queue, { noAck: true }); m; m = await check.get(queue, { noAck: true })) {
    left.push(`${m.content.toString()}${m.fields.redelivered ? ' (redelivered)' : ''}`);
  }
  await check.close();
  return left;
}

describe('ChannelAcks', () => {
  it('acks a batch decided in one loop with one frame, and a run finished out of order once its head is done', async () => {
    const { queue, ch, acks, frames, msg } = await consume(6);
    acks.ack(msg('2'));
    acks.ack(msg('3'));
    await new Promise((r) => setTimeout(r, 20));
    expect(frames).toEqual([]); // 1 is still in work
    acks.ack(msg('1'));
    await new Promise((r) => setImmediate(r));
    expect(frames).toEqual([{ tag: msg('3').fields.deliveryTag, multiple: true }]);
    for (const b of ['4', '5', '6']) acks.ack(msg(b));
    await new Promise((r) => setImmediate(r));
    expect(frames).toHaveLength(2);
    expect(frames[1]).toEqual({ tag: msg('6').fields.deliveryTag, multiple: true });
    expect(await leftOver(ch, queue)).toEqual([]);
  });

  it('acks a message finished behind a slow one on its own after the hold, never the slow one', async () => {
    const { queue, ch, acks, frames, msg } = await consume(3, 30);
    acks.ack(msg('2'));
    acks.ack(msg('3'));
    await waitFor('the held acks', () => frames.length === 2, 2000);
    expect(frames.every((f) => !f.multiple)).toBe(true);
    // 1 never finished: only it comes back.
    expect(await leftOver(ch, queue)).toEqual(['1 (redelivered)']);
  });

  it('settles finished messages at once when the consumer stops', async () => {
    const { queue, ch, acks, msg } = await consume(3);
    acks.ack(msg('3'));
    acks.settleFinished();
    expect(await leftOver(ch, queue)).toEqual(['1 (redelivered)', '2 (redelivered)']);
  });

  it('nacks one by one: a requeued message comes back alone, a parked one is gone, and the run goes on past them', async () => {
    const { queue, ch, acks, frames, msg } = await consume(4);
    acks.nack(msg('2'), true);
    acks.nack(msg('3'), false);
    acks.ack(msg('1'));
    acks.ack(msg('4'));
    await new Promise((r) => setImmediate(r));
    expect(frames).toEqual([{ tag: msg('4').fields.deliveryTag, multiple: true }]);
    expect(await leftOver(ch, queue)).toEqual(['2 (redelivered)']);
  });
});

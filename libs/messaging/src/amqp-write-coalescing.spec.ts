import { randomBytes } from 'crypto';
import type { Socket } from 'net';
import * as amqp from 'amqplib';
import { TEST_AMQP_URL, waitFor } from '@lotsen/testing';
import { coalesceFrameWrites } from './amqp-write-coalescing';

// On the real broker: a burst of publishes or acks made in one turn of the event loop leaves in
// a handful of socket writes, in order, and nothing is lost on the way.

const N = 200;

/** Counts the socket's writes (one per _write, one per batched _writev). */
function countWrites(model: amqp.ChannelModel): () => number {
  const socket = (model as unknown as { connection: { stream: Socket & { _write: Function; _writev: Function } } }).connection.stream;
  let writes = 0;
  for (const method of ['_write', '_writev'] as const) {
    const original = socket[method].bind(socket);
    socket[method] = (...args: unknown[]) => {
      writes++;
      return original(...args);
    };
  }
  return () => writes;
}

/** Publishes N messages and acks them, each burst in one synchronous loop; writes per burst. */
async function burst(model: amqp.ChannelModel): Promise<{ publishWrites: number; ackWrites: number; received: string[] }> {
  const writes = countWrites(model);
  const ch = await model.createConfirmChannel();
  const { queue } = await ch.assertQueue(`lt_${randomBytes(5).toString('hex')}.coalescing`, { exclusive: true, durable: false });
  await ch.prefetch(N);

  let before = writes();
  for (let i = 0; i < N; i++) ch.sendToQueue(queue, Buffer.from(String(i)));
  await ch.waitForConfirms();
  const publishWrites = writes() - before;

  const messages: amqp.ConsumeMessage[] = [];
  await ch.consume(queue, (m) => m && messages.push(m), { noAck: false });
  await waitFor('all messages delivered', () => messages.length === N, 10000);
  before = writes();
  for (const m of messages) ch.ack(m);
  // The muxer writes on a later turn of the event loop; 50 ms is ample for 200 small frames.
  await new Promise((r) => setTimeout(r, 50));
  const ackWrites = writes() - before;
  // Every ack reached the broker: nothing is left unacknowledged in the queue.
  await ch.cancel(messages[0].fields.consumerTag);
  await waitFor('every ack applied', async () => (await ch.checkQueue(queue)).messageCount === 0, 10000);
  await ch.close();
  return { publishWrites, ackWrites, received: messages.map((m) => m.content.toString()) };
}

describe('AMQP frame write coalescing', () => {
  const open: amqp.ChannelModel[] = [];
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined);
  });
  const connect = async () => {
    const c = await amqp.connect(TEST_AMQP_URL);
    open.push(c);
    return c;
  };

  it('sends a burst of publishes and of acks in a few writes, in order, all of them', async () => {
    const model = await connect();
    expect(coalesceFrameWrites(model)).toBe(true);
    const { publishWrites, ackWrites, received } = await burst(model);
    expect(received).toEqual(Array.from({ length: N }, (_, i) => String(i)));
    expect(publishWrites).toBeLessThanOrEqual(10);
    expect(ackWrites).toBeGreaterThanOrEqual(1);
    expect(ackWrites).toBeLessThanOrEqual(3);
  });

  it('is what makes the difference: amqplib alone writes each frame on its own', async () => {
    const { publishWrites, ackWrites } = await burst(await connect());
    expect(publishWrites).toBeGreaterThanOrEqual(N);
    expect(ackWrites).toBeGreaterThanOrEqual(N);
  });

  it('patches a connection once (a reconnect or a second caller does not wrap the muxer again)', async () => {
    const model = await connect();
    const muxer = (model as unknown as { connection: { muxer: { _readIncoming: () => void } } }).connection.muxer;
    expect(coalesceFrameWrites(model)).toBe(true);
    const patched = muxer._readIncoming;
    expect(coalesceFrameWrites(model)).toBe(true);
    expect(muxer._readIncoming).toBe(patched);
    const { ackWrites } = await burst(model);
    expect(ackWrites).toBeLessThanOrEqual(3);
  });

  it('leaves an unknown connection shape alone', () => {
    expect(coalesceFrameWrites({} as amqp.ChannelModel)).toBe(false);
  });
});

import * as amqp from 'amqplib';
import { BrokerNames } from './broker-names';

export interface ParkedSummary {
  queue: string;
  parked: number;
}

export interface ParkedMessage {
  id?: string;
  type?: string;
  routingKey: string;
  reason?: string;
  deliveries?: number;
  body: string;
}

/** A parked message as the operator receives it before it is purged: everything needed to replay it by hand. */
export interface ExportedMessage {
  queue: string;
  parkedAt: string;
  reason?: string;
  originalQueue?: string;
  routingKey: string;
  messageId?: string;
  contentType?: string;
  body: string;
}

export interface PurgeResult {
  queue: string;
  purged: number;
  kept: number;
}

/**
 * When a message was parked: the broker's own time of its (latest) death, else, for an unrouted
 * event, when it occurred. Undefined when neither says: such a message is never purged by age.
 */
export function parkedAt(msg: Pick<amqp.GetMessage, 'properties' | 'content'>): Date | undefined {
  const deaths = (msg.properties.headers?.['x-death'] ?? []) as Array<{ time?: { value?: number } | number }>;
  const seconds = deaths.map((d) => (typeof d.time === 'number' ? d.time : d.time?.value)).filter((t): t is number => typeof t === 'number');
  if (seconds.length) return new Date(Math.max(...seconds) * 1000);
  try {
    const occurred = Date.parse((JSON.parse(msg.content.toString()) as { occurredAt?: string }).occurredAt ?? '');
    if (Number.isFinite(occurred)) return new Date(occurred);
  } catch { /* not an event envelope */ }
  const ts = msg.properties.timestamp as number | undefined;
  return typeof ts === 'number' ? new Date(ts * 1000) : undefined;
}

function deathInfo(msg: amqp.GetMessage): { reason?: string; queue?: string; routingKey?: string } {
  const deaths = (msg.properties.headers?.['x-death'] ?? []) as Array<{ reason?: string; queue?: string; 'routing-keys'?: string[] }>;
  const first = deaths[deaths.length - 1] ?? deaths[0];
  return { reason: first?.reason, queue: first?.queue, routingKey: first?.['routing-keys']?.[0] };
}

/** Operator tooling for `<queue>.parked` (dead letters) and `lotsen.unrouted`. */
export class DeadLetters {
  constructor(private readonly url: string, private readonly names: BrokerNames) {}

  private async withChannel<T>(fn: (ch: amqp.ConfirmChannel) => Promise<T>): Promise<T> {
    const conn = await amqp.connect(this.url);
    try {
      const ch = await conn.createConfirmChannel();
      // A queue that was never declared closes the channel: the failed call rejects with it.
      ch.on('error', () => undefined);
      return await fn(ch);
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  async summary(queues: string[]): Promise<ParkedSummary[]> {
    const out: ParkedSummary[] = [];
    for (const q of queues) {
      const parked = this.names.parked(q);
      const n = await this.withChannel((ch) => ch.checkQueue(parked).then((r) => r.messageCount)).catch(() => -1);
      out.push({ queue: parked, parked: n });
    }
    const unrouted = await this.withChannel((ch) => ch.checkQueue(this.names.unrouted).then((r) => r.messageCount)).catch(() => -1);
    out.push({ queue: this.names.unrouted, parked: unrouted });
    return out;
  }

  /** Looks at up to `limit` messages without removing them. */
  async peek(parkedQueue: string, limit = 20): Promise<ParkedMessage[]> {
    return this.withChannel(async (ch) => {
      const seen: amqp.GetMessage[] = [];
      for (let i = 0; i < limit; i++) {
        const msg = await ch.get(parkedQueue, { noAck: false });
        if (!msg) break;
        seen.push(msg);
      }
      const out = seen.map((msg) => {
        let id: string | undefined;
        let type: string | undefined;
        try { ({ id, type } = JSON.parse(msg.content.toString())); } catch { /* malformed: show raw */ }
        const death = deathInfo(msg);
        return { id, type, routingKey: death.routingKey ?? msg.fields.routingKey, reason: death.reason, deliveries: Number(msg.properties.headers?.['x-delivery-count'] ?? 0) || undefined, body: msg.content.toString().slice(0, 500) };
      });
      // Closing the channel returns the unacked messages to the queue.
      return out;
    });
  }

  /**
   * Moves up to `limit` parked messages back to the queue they died in (published with
   * confirms before the parked copy is acked, so a crash in between duplicates, never loses;
   * the consumer's inbox absorbs the duplicate). Unrouted events go back to `lotsen.events`.
   */
  async replay(parkedQueue: string, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    return this.withChannel(async (ch) => {
      let moved = 0;
      while (moved < limit) {
        const msg = await ch.get(parkedQueue, { noAck: false });
        if (!msg) break;
        const { properties } = msg;
        const headers = { ...(properties.headers ?? {}) };
        delete headers['x-death'];
        delete headers['x-first-death-exchange'];
        delete headers['x-first-death-queue'];
        delete headers['x-first-death-reason'];
        const options = { persistent: true, messageId: properties.messageId, contentType: properties.contentType, type: properties.type, correlationId: properties.correlationId, headers };
        if (parkedQueue === this.names.unrouted) ch.publish(this.names.events, msg.fields.routingKey, msg.content, options);
        else ch.sendToQueue(parkedQueue.replace(/\.parked$/, ''), msg.content, options);
        await ch.waitForConfirms();
        ch.ack(msg);
        moved++;
      }
      return moved;
    });
  }

  /**
   * Removes the messages parked before `before`, each handed to `exportTo` first: a batch is
   * acked only after the operator's copy is written, so a crash in between exports a message
   * twice, never loses one. Younger messages stay, in the queue, unacked until the channel closes.
   * Looks at most at the messages the queue held when the purge began.
   */
  async purgeOlderThan(parkedQueue: string, before: Date, exportTo: (batch: ExportedMessage[]) => Promise<void>, batchSize = 200): Promise<PurgeResult> {
    return this.withChannel(async (ch) => {
      const { messageCount } = await ch.checkQueue(parkedQueue);
      const pending: amqp.GetMessage[] = [];
      let purged = 0;
      let kept = 0;
      const flush = async () => {
        if (!pending.length) return;
        await exportTo(pending.map((msg) => {
          const death = deathInfo(msg);
          return {
            queue: parkedQueue, parkedAt: parkedAt(msg)!.toISOString(), reason: death.reason, originalQueue: death.queue,
            routingKey: death.routingKey ?? msg.fields.routingKey, messageId: msg.properties.messageId as string | undefined,
            contentType: msg.properties.contentType as string | undefined, body: msg.content.toString(),
          };
        }));
        for (const msg of pending) ch.ack(msg);
        purged += pending.length;
        pending.length = 0;
      };
      for (let i = 0; i < messageCount; i++) {
        const msg = await ch.get(parkedQueue, { noAck: false });
        if (!msg) break;
        const at = parkedAt(msg);
        if (at && at < before) {
          pending.push(msg);
          if (pending.length >= batchSize) await flush();
        } else kept++;
      }
      await flush();
      // A round trip after the acks: they have reached the broker before the connection closes.
      await ch.checkQueue(parkedQueue);
      return { queue: parkedQueue, purged, kept };
    });
  }
}

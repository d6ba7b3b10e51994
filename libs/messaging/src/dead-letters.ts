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
}

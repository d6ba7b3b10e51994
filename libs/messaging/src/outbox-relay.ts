import { Logger } from '@nestjs/common';
import type { ConfirmChannel } from 'amqplib';
import { DataSource } from 'typeorm';
import { WakeableLoop } from '@lotsen/concurrency';
import { code, named, returningRows } from '@lotsen/persistence';
import { AmqpConnection, backoffMs } from './amqp-connection';
import { ChannelWaitError, ChannelWatch } from './channel-waits';

interface OutboxRow {
  seq: string;
  message_key: string;
  exchange: string;
  routing_key: string;
  /** The envelope as stored: published as is, without parsing it here. */
  body: string;
  id: string;
  type: string;
  tenant_id: string;
  correlation_id: string;
  priority: number;
}

export interface RelayStats {
  published: number;
  /** Rows moved to `<schema>.outbox_dead_letters` because they cannot be published. */
  setAside: number;
  lastError?: string;
}

/**
 * AMQP reply codes with which the broker refuses one message for what it is: 406
 * PRECONDITION_FAILED (larger than its max_message_size, an invalid property). Every other way a
 * channel ends — a missing exchange (404), access (403), a lost connection — says nothing about
 * the row, so the rows wait for the broker instead of being set aside.
 */
const REFUSES_THE_MESSAGE = new Set([406]);

/** This row cannot be published as it is, now or later. */
class RowRefused extends Error {}

/**
 * Moves committed outbox rows to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (two
 * instances never publish the same row) and deleted in the same statement, published persistent
 * with publisher confirms, and the delete commits only after every confirm arrived. A crash in
 * between re-publishes the batch; consumers' inboxes absorb the duplicates.
 *
 * Every wait (a full write buffer's `drain`, the confirms) is bounded by `waitTimeoutMs` and ends
 * when the channel closes; then the claimed rows go back (the delete is not committed). A row that
 * cannot be published at all — it cannot be encoded (a header over 255 bytes), or the broker refuses
 * it alone (406, e.g. over its message size) — is moved to `<schema>.outbox_dead_letters` with the
 * reason, in the same transaction as the delete, and the rows behind it go out. To find it, the
 * failed batch is published again row by row (consumers' inboxes absorb those duplicates too).
 *
 * It wakes when a transaction of its own process that wrote outbox rows commits (`nudge`, from
 * EventPublisher), and otherwise polls every `fallbackPollMs` (rows another instance left behind
 * when it died). Not LISTEN/NOTIFY: Postgres serialises the commits of every transaction that
 * sends a NOTIFY behind one cluster-wide lock, held through the commit's WAL flush, so a trigger
 * on the outboxes had queued the commits of all four services behind each other.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly loop: WakeableLoop;
  private channel?: { ch: ConfirmChannel; watch: ChannelWatch };
  readonly stats: RelayStats = { published: 0, setAside: 0 };

  constructor(
    private readonly ds: DataSource,
    private readonly amqp: AmqpConnection,
    private readonly schema: string,
    private readonly batchSize = 250,
    fallbackPollMs = 2000,
    private readonly waitTimeoutMs = 15_000,
  ) {
    this.loop = new WakeableLoop({
      pollMs: fallbackPollMs,
      // A batch smaller than the limit took everything committed before it.
      step: async () => {
        const n = await this.publishBatch();
        this.stats.lastError = undefined;
        return n < this.batchSize ? 'caught-up' : 'busy';
      },
      backoffMs,
      onError: async (err, failures) => {
        this.stats.lastError = (err as Error).message;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`outbox publish failed (${failures}x): ${(err as Error).message}`);
        await this.dropChannel();
      },
    });
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.dropChannel();
  }

  /** Ask for a round now (e.g. right after a commit in this process). */
  nudge(): void {
    this.loop.wake();
  }

  private async confirmChannel(): Promise<{ ch: ConfirmChannel; watch: ChannelWatch }> {
    if (this.channel && !this.channel.watch.closed) return this.channel;
    const conn = await this.amqp.get();
    const ch = await conn.createConfirmChannel();
    const current = { ch, watch: new ChannelWatch(ch) };
    ch.on('close', () => { if (this.channel === current) this.channel = undefined; });
    this.channel = current;
    return current;
  }

  private async dropChannel(): Promise<void> {
    const current = this.channel;
    this.channel = undefined;
    await current?.ch.close().catch(() => undefined);
  }

  /** One claimed batch; returns how many rows it took off the outbox (published or set aside). */
  async publishBatch(): Promise<number> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      // Claimed and deleted in one statement: the rows stay locked (SKIP LOCKED for other relays)
      // and come back if this transaction does not commit, i.e. unless every confirm arrived.
      const claimed: OutboxRow[] = returningRows(await qr.query(
        named`DELETE FROM "${code(this.schema)}".outbox WHERE seq = ANY(ARRAY(
           SELECT seq FROM "${code(this.schema)}".outbox ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED))
         RETURNING seq, message_key, exchange, routing_key, envelope::text AS body, envelope->>'id' AS id, envelope->>'type' AS type,
           envelope->>'tenantId' AS tenant_id, envelope->>'correlationId' AS correlation_id, priority`,
        [this.batchSize],
      ));
      if (claimed.length === 0) {
        await qr.commitTransaction();
        return 0;
      }
      // In the order they were written (RETURNING has none).
      const rows = claimed.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      const setAside = await this.publishRows(rows);
      if (setAside.length) {
        await qr.query(
          `INSERT INTO "${this.schema}".outbox_dead_letters (seq, message_key, exchange, routing_key, envelope, priority, reason)
           SELECT r.seq, r.message_key, r.exchange, r.routing_key, r.envelope::jsonb, r.priority, r.reason
           FROM json_to_recordset($1::json) AS r(seq bigint, message_key text, exchange text, routing_key text, envelope text, priority smallint, reason text)
           ON CONFLICT (message_key) DO UPDATE SET reason = EXCLUDED.reason, failed_at = now()`,
          [JSON.stringify(setAside.map(({ row, reason }) => ({
            seq: row.seq, message_key: row.message_key, exchange: row.exchange, routing_key: row.routing_key, envelope: row.body, priority: row.priority, reason,
          })))],
        );
      }
      await qr.commitTransaction();
      this.stats.published += rows.length - setAside.length;
      this.stats.setAside += setAside.length;
      for (const { row, reason } of setAside) {
        this.logger.error(`outbox row ${row.seq} (${String(row.type).slice(0, 80)} ${String(row.id).slice(0, 80)}) cannot be published; set aside in ${this.schema}.outbox_dead_letters: ${reason}`);
      }
      return rows.length;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }

  /**
   * Publishes the rows and waits for every confirm; returns those that cannot be published, with
   * why. Throws (and the batch goes back) for anything that is not one row's fault.
   */
  private async publishRows(rows: OutboxRow[]): Promise<Array<{ row: OutboxRow; reason: string }>> {
    try {
      await this.publishConfirmed(rows);
      return [];
    } catch (err) {
      if (!(err instanceof RowRefused)) throw err;
      if (rows.length === 1) return [{ row: rows[0], reason: err.message.slice(0, 1000) }];
    }
    // One of them was refused: row by row, to tell which.
    const refused: Array<{ row: OutboxRow; reason: string }> = [];
    for (const row of rows) {
      try {
        await this.publishConfirmed([row]);
      } catch (err) {
        if (!(err instanceof RowRefused)) throw err;
        refused.push({ row, reason: err.message.slice(0, 1000) });
      }
    }
    return refused;
  }

  /** Publishes on the current channel and waits for the confirms; a channel that failed is not used again. */
  private async publishConfirmed(rows: OutboxRow[]): Promise<void> {
    try {
      await this.publishOnChannel(rows);
    } catch (err) {
      await this.dropChannel();
      throw err;
    }
  }

  private async publishOnChannel(rows: OutboxRow[]): Promise<void> {
    const { ch, watch } = await this.confirmChannel();
    const confirms: Array<Promise<void>> = [];
    for (const row of rows) {
      let settle!: (err: unknown) => void;
      const confirmed = new Promise<void>((resolve, reject) => { settle = (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()); });
      // A nack or a closed channel may reject it while later rows are still being written.
      confirmed.catch(() => undefined);
      let ok: boolean;
      try {
        ok = ch.publish(this.amqp.names.exchange(row.exchange), row.routing_key, Buffer.from(row.body), {
          persistent: true,
          contentType: 'application/json',
          messageId: row.id,
          type: row.type,
          correlationId: row.correlation_id,
          timestamp: Math.floor(Date.now() / 1000),
          priority: row.priority || undefined,
          headers: { 'x-tenant-id': row.tenant_id },
        }, (err) => settle(err));
      } catch (err) {
        // amqplib queued this publish's confirm before encoding it: the channel's confirms no
        // longer line up with its messages, so it is not used again (publishConfirmed drops it).
        // A channel closing or closed refuses every publish: not this row's fault.
        if (watch.closed || (err as Error).name === 'IllegalOperationError') throw watch.reason ?? err;
        throw new RowRefused(`cannot be encoded: ${(err as Error).message}`);
      }
      confirms.push(confirmed);
      if (!ok) await watch.drained(this.waitTimeoutMs);
    }
    try {
      await watch.bounded(Promise.all(confirms), this.waitTimeoutMs, 'publisher confirms');
    } catch (err) {
      // The confirms fail with amqplib's bare "channel closed"; the broker's reason came just before.
      const why = watch.closed && watch.reason ? watch.reason : err;
      // The broker closed the channel over one message: with several in flight, which one is not known yet.
      if (why instanceof ChannelWaitError && why.code !== undefined && REFUSES_THE_MESSAGE.has(why.code)) {
        throw new RowRefused(`refused by the broker: ${why.message}`);
      }
      throw why;
    }
  }
}

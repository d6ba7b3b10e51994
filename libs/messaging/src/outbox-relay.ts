import { Logger } from '@nestjs/common';
import type { ConfirmChannel } from 'amqplib';
import { DataSource } from 'typeorm';
import { prepared, returningRows } from '@lotsen/persistence';
import { AmqpConnection, backoffMs, sleep } from './amqp-connection';

interface OutboxRow {
  seq: string;
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
  lastError?: string;
}

/**
 * Moves committed outbox rows to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (two
 * instances never publish the same row) and deleted in the same statement, published persistent
 * with publisher confirms, and the delete commits only after every confirm arrived. A crash in
 * between re-publishes the batch; consumers' inboxes absorb the duplicates.
 *
 * It wakes when a transaction of its own process that wrote outbox rows commits (`nudge`, from
 * EventPublisher), and otherwise polls every `fallbackPollMs` (rows another instance left behind
 * when it died). Not LISTEN/NOTIFY: Postgres serialises the commits of every transaction that
 * sends a NOTIFY behind one cluster-wide lock, held through the commit's WAL flush, so a trigger
 * on the outboxes had queued the commits of all four services behind each other.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private wake?: () => void;
  private pending = true;
  /** Counts nudges, so one that arrives while a batch is being published is not lost. */
  private nudges = 0;
  private channel?: ConfirmChannel;
  private loop?: Promise<void>;
  readonly stats: RelayStats = { published: 0 };

  constructor(
    private readonly ds: DataSource,
    private readonly amqp: AmqpConnection,
    private readonly schema: string,
    private readonly batchSize = 250,
    private readonly fallbackPollMs = 2000,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.channel?.close().catch(() => undefined);
  }

  /** Ask for a round now (e.g. right after a commit in this process). */
  nudge(): void {
    this.nudges++;
    this.pending = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      if (!this.pending) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.fallbackPollMs);
          this.wake = () => { clearTimeout(t); resolve(); };
        });
        this.wake = undefined;
        this.pending = true;
        continue;
      }
      try {
        const nudgesBefore = this.nudges;
        const n = await this.publishBatch();
        failures = 0;
        this.stats.lastError = undefined;
        // Rows committed after our SELECT are not in this batch: a nudge meanwhile means look again.
        if (n < this.batchSize && this.nudges === nudgesBefore) this.pending = false;
      } catch (err) {
        failures++;
        this.stats.lastError = (err as Error).message;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`outbox publish failed (${failures}x): ${(err as Error).message}`);
        await this.dropChannel();
        await sleep(backoffMs(failures));
      }
    }
  }

  private async confirmChannel(): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    const conn = await this.amqp.get();
    const ch = await conn.createConfirmChannel();
    ch.on('error', () => undefined);
    ch.on('close', () => { if (this.channel === ch) this.channel = undefined; });
    this.channel = ch;
    return ch;
  }

  private async dropChannel(): Promise<void> {
    const ch = this.channel;
    this.channel = undefined;
    await ch?.close().catch(() => undefined);
  }

  /** One claimed batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      // Claimed and deleted in one statement: the rows stay locked (SKIP LOCKED for other relays)
      // and come back if this transaction does not commit, i.e. unless every confirm arrived.
      const claimed: OutboxRow[] = returningRows(await qr.query(
        prepared(`DELETE FROM "${this.schema}".outbox WHERE seq = ANY(ARRAY(
           SELECT seq FROM "${this.schema}".outbox ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED))
         RETURNING seq, exchange, routing_key, envelope::text AS body, envelope->>'id' AS id, envelope->>'type' AS type,
           envelope->>'tenantId' AS tenant_id, envelope->>'correlationId' AS correlation_id, priority`),
        [this.batchSize],
      ));
      if (claimed.length === 0) {
        await qr.commitTransaction();
        return 0;
      }
      // In the order they were written (RETURNING has none).
      const rows = claimed.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      const ch = await this.confirmChannel();
      for (const row of rows) {
        const ok = ch.publish(this.amqp.names.exchange(row.exchange), row.routing_key, Buffer.from(row.body), {
          persistent: true,
          contentType: 'application/json',
          messageId: row.id,
          type: row.type,
          correlationId: row.correlation_id,
          timestamp: Math.floor(Date.now() / 1000),
          priority: row.priority || undefined,
          headers: { 'x-tenant-id': row.tenant_id },
        });
        if (!ok) await new Promise((r) => ch.once('drain', r));
      }
      await withTimeout(ch.waitForConfirms(), 15000, 'publisher confirms timed out');
      await qr.commitTransaction();
      this.stats.published += rows.length;
      return rows.length;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<never>((_, reject) => { t = setTimeout(() => reject(new Error(message)), ms); }),
  ]);
}

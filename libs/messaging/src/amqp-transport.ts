import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import { EventEnvelope, InvalidEventError, validateEvent } from '@lotsen/contracts';
import { isDatabaseUnavailable, isTransientConflict } from '@lotsen/persistence';
import { AmqpConnection, backoffMs, sleep } from './amqp-connection';
import { ChannelAcks } from './channel-acks';
import { takesBatch } from './event-batch';
import { EventContext } from './event-context';
import { Inbox } from './inbox';
import { assertConsumerQueue } from './topology';

export interface AmqpTransportOptions {
  queue: string;
  /** Inbox consumer name: the queue name without namespace. */
  consumer: string;
  prefetch: number;
  deliveryLimit: number;
  /** Batches handled side by side (each on its own connection). */
  workers: number;
  /** Most messages per transaction. */
  batchSize: number;
}

export interface ConsumerStats {
  handled: number;
  duplicates: number;
  parked: number;
  failed: number;
}

/**
 * Nest transport strategy on amqplib: `@EventPattern('<event type>')` handlers are bound to the
 * service's quorum queue; each message is acked only after its effect and inbox row committed.
 * Malformed events are parked at once; handler errors are requeued until the delivery limit
 * parks them; while the database is unreachable the message is held (unacked) and retried.
 */
export class AmqpTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('AmqpTransport');
  private channel?: Channel;
  private acks?: ChannelAcks;
  private stopped = false;
  private consuming = false;
  private inFlight = new Set<Promise<void>>();
  private readonly pending: Pending[] = [];
  /** Correlation ids of the batches being handled. */
  private readonly busy = new Set<string>();
  private workers = 0;
  private readonly handlers = new Map<string, Handler | undefined>();
  private readonly maxWorkers: number;
  private readonly batchSize: number;
  readonly stats: ConsumerStats = { handled: 0, duplicates: 0, parked: 0, failed: 0 };

  constructor(private readonly amqp: AmqpConnection, private readonly inbox: Inbox, private readonly options: AmqpTransportOptions) {
    super();
    this.maxWorkers = options.workers;
    this.batchSize = options.batchSize;
  }

  get isConsuming(): boolean {
    return this.consuming;
  }

  listen(callback: (err?: unknown) => void): void {
    // Start-up waits for the first attempt, so the queue and its bindings exist before the
    // service says it is up; if the broker is down it goes on reconnecting in the background.
    let started = false;
    const done = () => { if (!started) { started = true; callback(); } };
    this.firstAttempt = done;
    setTimeout(done, 10000).unref();
    void this.consumeForever();
  }

  private firstAttempt?: () => void;

  on(): void {
    /* no transport events exposed */
  }

  unwrap<T>(): T {
    return this.channel as T;
  }

  async close(): Promise<void> {
    this.stopped = true;
    const ch = this.channel;
    this.channel = undefined;
    await Promise.allSettled([...this.inFlight]);
    this.acks?.settleFinished();
    await ch?.close().catch(() => undefined);
  }

  private async consumeForever(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const conn = await this.amqp.get();
        const ch = await conn.createChannel();
        const closed = new Promise<void>((resolve) => ch.on('close', () => resolve()));
        ch.on('error', (err) => this.log.warn(`channel error: ${err.message}`));
        await ch.prefetch(this.options.prefetch);
        await assertConsumerQueue(ch, this.amqp.names, {
          queue: this.options.queue,
          bindings: [...this.messageHandlers.keys()],
          deliveryLimit: this.options.deliveryLimit,
        });
        // Current before the first delivery: batches only ack on the channel that delivered.
        const acks = new ChannelAcks(ch);
        this.channel = ch;
        this.acks = acks;
        await ch.consume(this.options.queue, (msg) => {
          if (!msg) return;
          acks.delivered(msg);
          this.track(this.onMessage(acks, msg));
        }, { noAck: false });
        this.consuming = true;
        attempt = 0;
        this.log.log(`consuming ${this.options.queue} (${this.messageHandlers.size} event types)`);
        this.firstAttempt?.();
        await closed;
      } catch (err) {
        if (!this.stopped) this.log.warn(`consumer setup failed: ${(err as Error).message}`);
        this.firstAttempt?.();
      }
      this.consuming = false;
      this.channel = undefined;
      this.acks = undefined;
      if (!this.stopped) await sleep(backoffMs(attempt));
    }
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async onMessage(acks: ChannelAcks, msg: ConsumeMessage): Promise<void> {
    let event: EventEnvelope;
    try {
      event = validateEvent(JSON.parse(msg.content.toString('utf8')));
    } catch (err) {
      const reason = err instanceof InvalidEventError ? err.message : 'not JSON';
      this.log.warn(`parking malformed message ${msg.properties.messageId ?? '?'}: ${reason}`);
      this.stats.parked++;
      return acks.nack(msg, false);
    }
    if (!this.handlerFor(event.type)) return acks.ack(msg);
    this.pending.push({ acks, msg, event });
    this.startWorkers();
  }

  /** Nest's lookup parses the pattern as JSON first (and throws for a plain type): once per type. */
  private handlerFor(type: string): Handler | undefined {
    if (!this.handlers.has(type)) this.handlers.set(type, this.getHandlerByPattern(type) ?? undefined);
    return this.handlers.get(type);
  }

  /**
   * Under load, messages waiting in the prefetch window are handled in batches: one transaction
   * per batch, so one commit (one WAL flush) serves many events. At low load a batch is a single
   * message. A few workers run batches side by side, never two with events of one inquiry.
   */
  private startWorkers(): void {
    while (this.workers < this.maxWorkers && this.pending.some((p) => !this.busy.has(p.event.correlationId))) {
      this.workers++;
      this.track(this.drain().finally(() => {
        this.workers--;
        if (this.pending.length) this.startWorkers();
      }));
    }
  }

  private async drain(): Promise<void> {
    for (let batch = this.takeBatch(); batch.length; batch = this.takeBatch()) {
      try {
        await this.handleBatch(batch);
      } finally {
        for (const p of batch) this.busy.delete(p.event.correlationId);
      }
    }
  }

  /**
   * The next batch: pending messages in arrival order, except those whose correlation (inquiry)
   * another worker is handling. Those wait for it, so one process handles the events of an
   * inquiry in order and never waits on its own uncommitted rows for the same inquiry.
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.pending.length && batch.length < this.batchSize; ) {
      const key = this.pending[i].event.correlationId;
      if (this.busy.has(key) && !keys.has(key)) {
        i++;
        continue;
      }
      keys.add(key);
      batch.push(...this.pending.splice(i, 1));
    }
    for (const key of keys) this.busy.add(key);
    return batch;
  }

  private async handleBatch(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      // Messages of a closed channel are redelivered by the broker; never ack them elsewhere.
      const live = batch.filter((p) => p.acks.ch === this.channel);
      if (!live.length) return;
      try {
        const outcomes = await this.inbox.handleBatch(this.options.consumer, live.map((p) => p.event), (events) => this.handle(events),
          (event) => takesBatch(this.handlerFor(event.type)));
        outcomes.forEach((outcome, i) => {
          const { acks, msg, event } = live[i];
          if (outcome === 'handled' || outcome === 'duplicate') {
            this.stats[outcome === 'handled' ? 'handled' : 'duplicates']++;
            return acks.ack(msg);
          }
          this.stats.failed++;
          this.log.error(`handler for ${event.type} ${event.id} failed: ${(outcome as Error)?.message ?? String(outcome)}`);
          // Requeue: the quorum queue counts deliveries and parks the message at the limit.
          acks.nack(msg, true);
        });
        return;
      } catch (err) {
        const holding = !this.stopped && live.some((p) => p.acks.ch === this.channel);
        if (holding && (isDatabaseUnavailable(err) || isTransientConflict(err))) {
          if (isDatabaseUnavailable(err) && attempt % 10 === 0) this.log.warn(`database unavailable; holding ${live.length} message(s)`);
          await sleep(isTransientConflict(err) ? 10 * (attempt + 1) : backoffMs(attempt, 250, 5000));
          continue;
        }
        this.log.error(`batch of ${live.length} failed: ${(err as Error)?.message ?? String(err)}`);
        for (const { acks, msg } of live) acks.nack(msg, true);
        return;
      }
    }
  }

  /** One handler call: a batch handler gets its events together, any other handler one event. */
  private async handle(events: EventEnvelope[]): Promise<void> {
    const [first] = events;
    const handler = this.handlerFor(first.type)!;
    const run = async (data: unknown) => {
      const result = await handler(data, { events });
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    };
    await (takesBatch(handler) ? EventContext.runBatch(events, () => run(events)) : EventContext.run(first, () => run(first)));
  }
}

type Handler = NonNullable<ReturnType<Server['getHandlerByPattern']>>;

interface Pending {
  /** Its channel's acks (and channel: messages of a closed channel are never acked elsewhere). */
  acks: ChannelAcks;
  msg: ConsumeMessage;
  event: EventEnvelope;
}

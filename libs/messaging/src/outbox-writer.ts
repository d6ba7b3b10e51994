import { Inject, Injectable } from '@nestjs/common';
import { createEvent, EventEnvelope, EventType } from '@lotsen/contracts';
import { UnitOfWork } from '@lotsen/persistence';
import { EventContext } from './event-context';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging-options';
import { OutboxRelay } from './outbox-relay';

export interface PublishOptions {
  tenantId: string;
  correlationId?: string;
  occurredAt?: Date;
  id?: string;
}

export interface WorkItemOptions {
  /** Routing key on `lotsen.work`, `<tenant>.<department>`. */
  routingKey: string;
  priority?: number;
}

const OUTBOX_ROWS = Symbol('outbox rows');
const RELAY_NUDGED = Symbol('outbox relay nudged at commit');
type OutboxRow = [key: string, exchange: string, routingKey: string, envelope: string, priority: number];

/**
 * Publishes events the only safe way: as a row in the service's outbox, written in the caller's
 * transaction, so the event exists if and only if the state change committed.
 */
@Injectable()
export class EventPublisher {
  private readonly table: string;

  constructor(
    private readonly tx: UnitOfWork,
    private readonly relay: OutboxRelay,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.table = `"${options.schema}".outbox`;
  }

  async publish<P>(type: EventType, payload: P, opts: PublishOptions): Promise<EventEnvelope<P>> {
    // A batch handler publishes for one of its events, so the event names its own cause.
    if (EventContext.inBatch()) throw new Error('EventPublisher.publish in a batch handler must run inside EventContext.each');
    const cause = EventContext.get();
    const event = createEvent(type, payload, {
      tenantId: opts.tenantId,
      id: opts.id,
      occurredAt: opts.occurredAt,
      correlationId: opts.correlationId ?? cause?.correlationId,
      causationId: cause?.id ?? null,
    });
    await this.insert('events', type, event, 0);
    return event;
  }

  /** A work item for a department system on `lotsen.work` (same envelope, same guarantees). */
  async publishWork<P>(event: EventEnvelope<P>, work: WorkItemOptions): Promise<void> {
    await this.insert('work', work.routingKey, { ...event, id: event.id }, work.priority ?? 0, `${event.id}:work`);
  }

  /** Rows are collected and written in one statement when the transaction commits. */
  private async insert(exchange: string, routingKey: string, envelope: EventEnvelope, priority: number, key?: string) {
    if (!this.tx.active) throw new Error('EventPublisher.publish must run inside UnitOfWork.run');
    const row: OutboxRow = [key ?? envelope.id, exchange, routingKey, JSON.stringify(envelope), priority];
    this.tx.collect(OUTBOX_ROWS, row, (rows) => ({
      sql: `INSERT INTO ${this.table} (message_key, exchange, routing_key, envelope, priority)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::smallint[])`,
      params: [0, 1, 2, 3, 4].map((c) => rows.map((r) => r[c])),
    }));
    // This instance's relay publishes the rows as soon as they are committed (once per transaction).
    this.tx.local(RELAY_NUDGED, () => this.tx.afterCommit(() => this.relay.nudge()));
  }
}

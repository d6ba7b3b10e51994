import { Injectable } from '@nestjs/common';
import { EventEnvelope, EventTypes, InquiryReceivedPayload, InquiryRoutedPayload } from '@lotsen/contracts';
import { EventBatchPreparer, eventsByInquiry } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { Recipient, recipientOf, RecipientsRepository, StoreOutcome } from './recipients.repository';

const PREPARED = Symbol('recipients prepared for a consumer batch');

interface Prepared {
  /** inquiry.received event id → what storing its recipient did. */
  stored: Map<string, StoreOutcome>;
  /** inquiry.routed event id → its recipient, moved to the department (locked). */
  moved: Map<string, Recipient>;
}

/**
 * A consumer batch's recipients in two statements instead of one per event: the recipients of
 * its inquiry.received events are stored, and those of its inquiry.routed events moved to their
 * department, before the handlers run; each handler then takes its result instead of a round trip.
 * Only what the handlers would do first for their inquiry is prepared, so the order of effects
 * stays that of the events: a move is prepared only when nothing but its receipt comes before it
 * in the batch and nothing after it, and not when the receipt replaced a placeholder (the
 * deferred events it replays come first). Anything else runs event by event, as without a batch.
 */
@Injectable()
export class RecipientsBatch implements EventBatchPreparer {
  constructor(private readonly tx: UnitOfWork, private readonly recipients: RecipientsRepository) {}

  async prepare(events: EventEnvelope[]): Promise<void> {
    const receipts: Array<EventEnvelope<InquiryReceivedPayload>> = [];
    const moves: Array<{ move: EventEnvelope<InquiryRoutedPayload>; after?: EventEnvelope<InquiryReceivedPayload> }> = [];
    for (const [first, second, ...rest] of eventsByInquiry(events).values()) {
      const received = first.type === EventTypes.InquiryReceived ? (first as EventEnvelope<InquiryReceivedPayload>) : undefined;
      if (received) receipts.push(received);
      const move = received ? (!rest.length ? second : undefined) : !second ? first : undefined;
      if (move?.type === EventTypes.InquiryRouted) moves.push({ move: move as EventEnvelope<InquiryRoutedPayload>, after: received });
    }
    const prepared = this.prepared();
    if (receipts.length) {
      const outcomes = await this.recipients.insertMany(receipts.map((e) => recipientOf(e)));
      for (const e of receipts) prepared.stored.set(e.id, outcomes.get(e.payload.inquiryId) ?? 'exists');
    }
    const ready = moves.filter(({ after }) => !after || prepared.stored.get(after.id) === 'new');
    if (!ready.length) return;
    const moved = await this.recipients.moveManyToDepartment(ready.map(({ move: e }) => ({
      inquiryId: e.payload.inquiryId, tenantId: e.tenantId, department: e.payload.department, departmentName: e.payload.departmentName,
    })));
    for (const { move: e } of ready) {
      const r = moved.get(e.payload.inquiryId);
      if (r) prepared.moved.set(e.id, r);
    }
  }

  /** What storing the recipient of this inquiry.received did, if the batch did it. */
  stored(event: EventEnvelope): StoreOutcome | undefined {
    return this.tx.active ? this.prepared().stored.get(event.id) : undefined;
  }

  /** The recipient this inquiry.routed moved, if the batch moved it. */
  moved(event: EventEnvelope): Recipient | undefined {
    return this.tx.active ? this.prepared().moved.get(event.id) : undefined;
  }

  private prepared(): Prepared {
    return this.tx.local(PREPARED, () => ({ stored: new Map(), moved: new Map() }));
  }
}

import { Injectable } from '@nestjs/common';
import { EventEnvelope, EventTypes, InquiryReceivedPayload } from '@lotsen/contracts';
import { EventBatchPreparer, eventsByInquiry } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { Agreement } from '../catalogue/agreement';
import { CatalogueRepository, Category } from '../catalogue/catalogue.repository';
import { ClassificationService, ClassifyResult } from '../classification/classification.service';
import { RoutingInquiriesRepository } from './inquiries.repository';

/** A received inquiry, classified and stored, with the agreement of its category. */
export interface StoredInquiry {
  classification?: ClassifyResult;
  /** The category the channel gave, as the catalogue knows it. */
  given?: Category;
  /** False when the inquiry was stored before (routed once, whatever the event id). */
  fresh: boolean;
  agreement?: Agreement;
}

interface Categorized {
  classification?: ClassifyResult;
  given?: Category;
  categoryCode: string | null;
}

const PREPARED = Symbol('inquiries stored for a consumer batch');

/**
 * The first step of routing an inquiry.received: classify it, then store it and read its
 * category's agreement in one round trip. For a consumer batch, all its inquiries are stored in
 * one statement before the handlers run (each then takes its own); an inquiry whose receipt is
 * not its first event in the batch is left to its handler, so effects keep the events' order.
 */
@Injectable()
export class ReceivedInquiries implements EventBatchPreparer {
  constructor(
    private readonly tx: UnitOfWork,
    private readonly inquiries: RoutingInquiriesRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly classification: ClassificationService,
  ) {}

  async prepare(events: EventEnvelope[]): Promise<void> {
    const received: Array<EventEnvelope<InquiryReceivedPayload>> = [];
    for (const [first] of eventsByInquiry(events).values()) {
      if (first.type === EventTypes.InquiryReceived) received.push(first as EventEnvelope<InquiryReceivedPayload>);
    }
    if (!received.length) return;
    const categorized: Categorized[] = [];
    for (const e of received) categorized.push(await this.categorize(e));
    const stored = await this.inquiries.insertManyAndReadAgreements(received.map((e, i) => ({ ...inquiryOf(e), category: categorized[i].categoryCode })));
    const prepared = this.prepared();
    received.forEach((e, i) => {
      const { fresh, agreement } = stored.get(e.payload.inquiryId) ?? { fresh: false };
      prepared.set(e.id, { classification: categorized[i].classification, given: categorized[i].given, fresh, agreement });
    });
  }

  /** The inquiry of this event, classified and stored: by its batch, or now. */
  async store(e: EventEnvelope<InquiryReceivedPayload>): Promise<StoredInquiry> {
    const done = this.tx.active ? this.prepared().get(e.id) : undefined;
    if (done) return done;
    const { classification, given, categoryCode } = await this.categorize(e);
    const { fresh, agreement } = await this.inquiries.insertAndReadAgreement(inquiryOf(e), categoryCode);
    return { classification, given, fresh, agreement };
  }

  /** Classified first, so storing the inquiry and reading its agreement are one round trip. */
  private async categorize(e: EventEnvelope<InquiryReceivedPayload>): Promise<Categorized> {
    const p = e.payload;
    const classification = await this.classification.tryClassify(e.tenantId, { subject: p.subject, body: p.body, language: p.language });
    const given = p.category ? await this.catalogue.category(e.tenantId, p.category) : undefined;
    const categoryCode = given?.active ? given.code : classification && !classification.belowThreshold ? classification.category : null;
    return { classification, given, categoryCode: categoryCode ?? null };
  }

  private prepared(): Map<string, StoredInquiry> {
    return this.tx.local(PREPARED, () => new Map<string, StoredInquiry>());
  }
}

function inquiryOf(e: EventEnvelope<InquiryReceivedPayload>) {
  const p = e.payload;
  return {
    id: p.inquiryId, tenantId: e.tenantId, reference: p.reference, channel: p.channel, subject: p.subject ?? null, body: p.body,
    language: p.language, sensitive: p.sensitive, location: p.location ?? null, receivedAt: p.receivedAt,
  };
}

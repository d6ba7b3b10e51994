import { Injectable } from '@nestjs/common';
import { EventEnvelope, InquiryReceivedPayload } from '@lotsen/contracts';
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

/**
 * The first step of routing a batch of inquiry.received (one event per inquiry, see batchCalls):
 * classify each, then store them and read their categories' agreements in one round trip.
 */
@Injectable()
export class ReceivedInquiries {
  constructor(
    private readonly inquiries: RoutingInquiriesRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly classification: ClassificationService,
  ) {}

  /** The inquiries of these events, classified and stored, in the events' order. */
  async store(events: Array<EventEnvelope<InquiryReceivedPayload>>): Promise<StoredInquiry[]> {
    const categorized: Categorized[] = [];
    for (const e of events) categorized.push(await this.categorize(e));
    const stored = await this.inquiries.insertManyAndReadAgreements(events.map((e, i) => ({ ...inquiryOf(e), category: categorized[i].categoryCode })));
    return events.map((e, i) => {
      const { fresh, agreement } = stored.get(e.payload.inquiryId) ?? { fresh: false };
      return { classification: categorized[i].classification, given: categorized[i].given, fresh, agreement };
    });
  }

  /** Classified first, so storing the inquiry and reading its agreement are one round trip. */
  private async categorize(e: EventEnvelope<InquiryReceivedPayload>): Promise<Categorized> {
    const p = e.payload;
    const classification = await this.classification.tryClassify(e.tenantId, { subject: p.subject, body: p.body, language: p.language });
    const given = p.category ? await this.catalogue.category(e.tenantId, p.category) : undefined;
    const categoryCode = given?.active ? given.code : classification && !classification.belowThreshold ? classification.category : null;
    return { classification, given, categoryCode: categoryCode ?? null };
  }
}

function inquiryOf(e: EventEnvelope<InquiryReceivedPayload>) {
  const p = e.payload;
  return {
    id: p.inquiryId, tenantId: e.tenantId, reference: p.reference, channel: p.channel, subject: p.subject ?? null, body: p.body,
    language: p.language, sensitive: p.sensitive, location: p.location ?? null, receivedAt: p.receivedAt,
  };
}

import { Injectable } from '@nestjs/common';
import { CategoryChangedPayload, EventEnvelope, EventTypes, InquiryReceivedPayload, TenantCalendarChangedPayload } from '@lotsen/contracts';
import { CategoryNamesRepository } from '../reports/category-names.repository';
import { TenantCalendars } from '../calendars/tenant-calendars';
import { EventStoreRepository } from '../events/event-store.repository';
import { extractTerms } from '../terms/extract-terms';
import { streamOf } from './stream-event';

/**
 * The use-case behind every consumed event: keep it in the event store once (its id is the key, so
 * a redelivered event is skipped there, no inbox row) and mark its inquiry or call for the projector. The citizen's
 * text is reduced to topic words here: it is the only moment reporting sees it.
 */
@Injectable()
export class IngestService {
  constructor(private readonly store: EventStoreRepository, private readonly calendars: TenantCalendars, private readonly categories: CategoryNamesRepository) {}

  async record(event: EventEnvelope): Promise<void> {
    this.store.append(event, streamOf(event.type, event.payload as Record<string, unknown>), termsOf(event));
    if (event.type === EventTypes.TenantCalendarChanged) await this.calendars.learn(event as EventEnvelope<TenantCalendarChangedPayload>);
    if (event.type === EventTypes.CategoryChanged) await this.categories.learn(event as EventEnvelope<CategoryChangedPayload>);
  }
}

/** Topic words of a new inquiry; none for inquiries flagged sensitive (they carry a personnummer). */
export function termsOf(event: EventEnvelope): string[] | null {
  if (event.type !== EventTypes.InquiryReceived) return null;
  const p = event.payload as InquiryReceivedPayload;
  if (p.sensitive) return [];
  return extractTerms(p.subject, p.body);
}

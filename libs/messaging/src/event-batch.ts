import { EventEnvelope } from '@lotsen/contracts';

/**
 * Set-based work for a consumer batch: called in the batch's transaction, with the events not
 * handled before (in arrival order), before their handlers run one by one. A preparer writes
 * for many events in one statement what each handler would otherwise write in its own, and
 * leaves the results for them (UnitOfWork.local). Handlers must still work for an event
 * nothing was prepared for: if preparing fails, the batch runs event by event without it.
 */
export interface EventBatchPreparer {
  prepare(events: EventEnvelope[]): Promise<void>;
}

/**
 * A batch's events per inquiry (the payload's `inquiryId`), each list in arrival order: what a
 * preparer needs to tell an inquiry's first event from those that must wait for its handler.
 */
export function eventsByInquiry(events: EventEnvelope[]): Map<string, EventEnvelope[]> {
  const byInquiry = new Map<string, EventEnvelope[]>();
  for (const e of events) {
    const inquiryId = (e.payload as { inquiryId?: unknown } | undefined)?.inquiryId;
    if (typeof inquiryId !== 'string') continue;
    const list = byInquiry.get(inquiryId);
    if (list) list.push(e);
    else byInquiry.set(inquiryId, [e]);
  }
  return byInquiry;
}

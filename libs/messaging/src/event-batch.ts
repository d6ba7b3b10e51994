import { EventPattern } from '@nestjs/microservices';
import { EventEnvelope } from '@lotsen/contracts';

/**
 * A handler that takes a batch: `@EventBatchPattern(type) handle(@Payload() events: EventEnvelope<P>[])`.
 * Under load it gets, in one call, the events of its type from a consumer batch (see batchCalls),
 * so it can write for all of them in one statement what each would write in its own; otherwise,
 * and when a failed batch is run again event by event, it gets a batch of one. Its per-event work
 * runs through EventContext.each, so what it publishes for an event is caused by that event.
 */
export function EventBatchPattern(type: string): MethodDecorator {
  return EventPattern(type, { batch: true });
}

/** Whether a handler Nest registered was declared with EventBatchPattern. */
export function takesBatch(handler: { extras?: Record<string, unknown> } | undefined): boolean {
  return handler?.extras?.batch === true;
}

/** Events of one inquiry (the payload's `inquiryId`, else the correlation id) are kept in order. */
function orderKey(e: EventEnvelope): string {
  const inquiryId = (e.payload as { inquiryId?: unknown } | undefined)?.inquiryId;
  return typeof inquiryId === 'string' ? inquiryId : e.correlationId;
}

/**
 * The calls that handle a consumer batch (its events not handled before, in arrival order), in
 * the order they run. An event of a batch handler joins that handler's latest call, which runs at
 * the position of its first event, if no event of its own inquiry is handled at or after that
 * position before it; otherwise it opens a new call at its own position. Every other event is a
 * call of its own. So each inquiry's events take effect in their order, at most one of them per
 * call, while those of different inquiries may be handled together (their order was never
 * guaranteed: other instances handle them in parallel).
 */
export function batchCalls(events: EventEnvelope[], isBatched: (e: EventEnvelope) => boolean): EventEnvelope[][] {
  const calls: Array<{ at: number; events: EventEnvelope[] }> = [];
  /** Event type → its batch handler's latest call. */
  const open = new Map<string, { at: number; events: EventEnvelope[] }>();
  /** Inquiry → the position its last planned event runs at. */
  const last = new Map<string, number>();
  events.forEach((e, i) => {
    const key = orderKey(e);
    const call = isBatched(e) ? open.get(e.type) : undefined;
    if (call && (last.get(key) ?? -1) < call.at) {
      call.events.push(e);
      last.set(key, call.at);
      return;
    }
    const own = { at: i, events: [e] };
    calls.push(own);
    if (isBatched(e)) open.set(e.type, own);
    last.set(key, i);
  });
  return calls.map((c) => c.events);
}

import { BusinessCalendar } from '@lotsen/business-calendar';
import { inOccurrenceOrder, StreamEvent } from './stream-event';

/** One phone call, the row of `reporting.call_facts`. */
export interface CallFact {
  callId: string;
  offeredAt: string;
  offeredLocal: string;
  day: string;
  queue: string | null;
  outcome: 'answered' | 'abandoned' | null;
  waitSeconds: number | null;
}

/**
 * Folds a call's events. A call answered or abandoned was offered even if its call.offered
 * event has not arrived; the wait is the event's waitSeconds, else measured from the offer.
 */
export function projectCall(callId: string, events: StreamEvent[], calendar: BusinessCalendar): CallFact | null {
  if (events.length === 0) return null;
  const when = (e: StreamEvent) => Date.parse(e.payload.at ?? e.occurredAt);
  const sorted = inOccurrenceOrder(events);
  const offered = sorted.find((e) => e.type === 'call.offered');
  const answered = sorted.find((e) => e.type === 'call.answered');
  const abandoned = sorted.find((e) => e.type === 'call.abandoned');
  const end = answered ?? abandoned;
  let offeredAt = offered ? when(offered) : Math.min(...sorted.map(when));
  if (!offered && end && typeof end.payload.waitSeconds === 'number') offeredAt = when(end) - end.payload.waitSeconds * 1000;
  let queue: string | null = null;
  for (const e of sorted) if (e.payload.queue) queue = e.payload.queue;
  const waitSeconds = end
    ? typeof end.payload.waitSeconds === 'number' ? end.payload.waitSeconds : Math.max(0, Math.round((when(end) - offeredAt) / 1000))
    : null;
  const local = calendar.localDateTime(new Date(offeredAt));
  return {
    callId,
    offeredAt: new Date(offeredAt).toISOString(),
    offeredLocal: local,
    day: local.slice(0, 10),
    queue,
    outcome: answered ? 'answered' : abandoned ? 'abandoned' : null,
    waitSeconds,
  };
}

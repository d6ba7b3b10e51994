/** An event of one inquiry's or call's stream as kept in `reporting.events` (redacted payload). */
export interface StreamEvent {
  id: string;
  type: string;
  occurredAt: string;
  // Payloads are validated against @lotsen/contracts by the transport before they are stored.
  payload: Record<string, any>;
  /** Topic words extracted from the citizen's text at ingestion (inquiry.received only). */
  terms?: string[] | null;
}

/** Which stream an event belongs to: one inquiry, or one phone call; undefined for neither. */
export function streamOf(type: string, payload: Record<string, unknown>): string | undefined {
  if (type.startsWith('call.') && typeof payload.callId === 'string') return `call:${payload.callId}`;
  if (typeof payload.inquiryId === 'string') return `inquiry:${payload.inquiryId}`;
  return undefined;
}

// Events that share an instant are applied in the order they happen in a case's life.
const ORDER = [
  'inquiry.received', 'inquiry.message.added', 'inquiry.classified', 'inquiry.routed', 'inquiry.assigned', 'inquiry.transferred',
  'inquiry.returned', 'inquiry.answered', 'inquiry.resolved', 'inquiry.reopened', 'inquiry.sla.warning', 'inquiry.sla.breached',
  'notification.sent', 'notification.failed', 'survey.answered', 'call.offered', 'call.answered', 'call.abandoned',
];

/** Sorted by occurredAt (not arrival): the projections never depend on delivery order. */
export function inOccurrenceOrder(events: StreamEvent[]): StreamEvent[] {
  return [...events].sort((a, b) => {
    const t = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
    if (t !== 0) return t;
    const o = ORDER.indexOf(a.type) - ORDER.indexOf(b.type);
    if (o !== 0) return o;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

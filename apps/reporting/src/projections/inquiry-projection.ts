import { BusinessCalendar } from '@lotsen/business-calendar';
import { inOccurrenceOrder, StreamEvent } from './stream-event';

/** One inquiry's milestones, the row of `reporting.inquiry_facts`. */
export interface InquiryFact {
  inquiryId: string;
  /** Null until the inquiry.received event has arrived (events may come out of order). */
  receivedAt: string | null;
  /** Local (Europe/Stockholm) wall-clock time of receipt, `YYYY-MM-DD HH:mm:ss`. */
  receivedLocal: string | null;
  day: string | null;
  channel: string | null;
  language: string | null;
  category: string | null;
  type: string | null;
  department: string | null;
  handledByCenter: boolean;
  answeredByCenter: boolean;
  firstContactResolved: boolean;
  firstResponseAt: string | null;
  firstResponseBmin: number | null;
  resolvedAt: string | null;
  resolutionBmin: number | null;
  everResolved: boolean;
  reopenCount: number;
  slaStatus: 'met' | 'breached' | null;
  surveySent: boolean;
  surveyScore: number | null;
  terms: string[] | null;
  eventCount: number;
}

/** Owners that are the contact center itself, not a subject department. */
const CENTER_OWNERS = new Set(['kontaktcenter', 'triage']);

/**
 * Folds all events of one inquiry, in occurrence order, into its fact row. Pure and
 * deterministic: the same set of events gives the same row whatever order they arrived in,
 * which is what makes ingestion idempotent and `reporting:rebuild` reproduce the figures.
 *
 * Definitions (documented in the README):
 * - handled by the center: the center owned it at some point (first-line or triage queue,
 *   handed back by a department, or answered/resolved by the center);
 * - answered by the center itself: an answer or resolution with byContactCenter, or resolved at
 *   first contact;
 * - first-contact resolution: resolved at first contact and never reopened;
 * - first response: the earliest answer, public staff message or resolution;
 * - resolution: the latest resolution if the inquiry is resolved now (not reopened since);
 * - SLA: breached on an sla.breached event or a response/resolution after its due time;
 *   met once resolved within the due times; pending (null) otherwise or without due times.
 */
export function projectInquiry(inquiryId: string, events: StreamEvent[], calendar: BusinessCalendar): InquiryFact {
  let receivedAt: string | null = null;
  let channel: string | null = null;
  let language: string | null = null;
  let category: string | null = null;
  let type: string | null = null;
  let subjectDepartment: string | null = null;
  let anyDepartment: string | null = null;
  let handled = false;
  let answeredByCenter = false;
  let resolvedAtFirstContact = false;
  let firstResponse: number | null = null;
  let resolvedAt: number | null = null;
  let everResolved = false;
  let reopenCount = 0;
  let breachedEvent = false;
  let firstResponseDue: number | null = null;
  let resolutionDue: number | null = null;
  let surveySent = false;
  let surveyScore: number | null = null;
  let terms: string[] | null = null;

  const department = (code: unknown) => {
    if (typeof code !== 'string' || !code) return;
    anyDepartment = code;
    if (!CENTER_OWNERS.has(code)) subjectDepartment = code;
    else handled = true;
  };
  const responded = (at: number) => {
    if (firstResponse === null || at < firstResponse) firstResponse = at;
  };

  for (const e of inOccurrenceOrder(events)) {
    const p = e.payload;
    const at = Date.parse(e.occurredAt);
    switch (e.type) {
      case 'inquiry.received':
        receivedAt = new Date(p.receivedAt).toISOString();
        channel = p.channel;
        language = p.language ?? null;
        if (p.category) category = p.category;
        if (p.type) type = p.type;
        terms = e.terms ?? null;
        if (p.resolvedAtFirstContact === true) {
          resolvedAtFirstContact = true;
          answeredByCenter = true;
          handled = true;
          everResolved = true;
          resolvedAt = Date.parse(receivedAt);
          responded(resolvedAt);
        }
        break;
      case 'inquiry.classified':
        department(p.department);
        if (p.category) category = p.category;
        if (p.type) type = p.type;
        break;
      case 'inquiry.routed':
        department(p.department);
        if (p.queue === 'first_line' || p.queue === 'triage') handled = true;
        if (p.category) category = p.category;
        if (p.type) type = p.type;
        if (p.firstResponseDueAt) firstResponseDue = Date.parse(p.firstResponseDueAt);
        if (p.resolutionDueAt) resolutionDue = Date.parse(p.resolutionDueAt);
        break;
      case 'inquiry.assigned':
        department(p.department);
        break;
      case 'inquiry.transferred':
        department(p.toDepartment);
        break;
      case 'inquiry.returned':
        handled = true;
        break;
      case 'inquiry.message.added':
        if (p.author === 'staff' && p.visibility === 'public') responded(at);
        break;
      case 'inquiry.answered':
        responded(at);
        department(p.department);
        if (p.byContactCenter) { answeredByCenter = true; handled = true; }
        break;
      case 'inquiry.resolved':
        responded(at);
        department(p.department);
        if (p.category) category = p.category;
        if (p.byContactCenter) { answeredByCenter = true; handled = true; }
        if (p.resolvedAtFirstContact) resolvedAtFirstContact = true;
        everResolved = true;
        resolvedAt = at;
        break;
      case 'inquiry.reopened':
        reopenCount++;
        resolvedAt = null;
        break;
      case 'inquiry.sla.breached':
        breachedEvent = true;
        break;
      case 'notification.sent':
        if (typeof p.trigger === 'string' && /survey/i.test(p.trigger)) surveySent = true;
        break;
      case 'survey.answered':
        surveySent = true;
        surveyScore = p.score;
        break;
    }
  }

  const received = receivedAt === null ? null : Date.parse(receivedAt);
  // A response or resolution recorded before receipt (clock skew between services) counts as immediate.
  const clamp = (t: number | null) => (t === null || received === null ? t : Math.max(t, received));
  // Closed during the contact and never reopened: answered and resolved at receipt, whatever
  // later echo of the resolution (e.g. routing closing its own record) says.
  const atFirstContact = resolvedAtFirstContact && reopenCount === 0 && received !== null && resolvedAt !== null;
  const firstResponseAt = atFirstContact ? received : clamp(firstResponse);
  const resolved = atFirstContact ? received : clamp(resolvedAt);
  const breached = breachedEvent
    || (firstResponseDue !== null && firstResponseAt !== null && firstResponseAt > firstResponseDue)
    || (resolutionDue !== null && resolved !== null && resolved > resolutionDue);
  const underSla = firstResponseDue !== null || resolutionDue !== null;
  const slaStatus = breached ? 'breached' : underSla && resolved !== null ? 'met' : null;
  const bmin = (t: number | null) => (t === null || received === null ? null : calendar.businessMinutes(new Date(received), new Date(t)));
  const local = received === null ? null : calendar.localDateTime(new Date(received));

  return {
    inquiryId,
    receivedAt,
    receivedLocal: local,
    day: local ? local.slice(0, 10) : null,
    channel,
    language,
    category,
    type,
    department: subjectDepartment ?? anyDepartment,
    handledByCenter: handled,
    answeredByCenter,
    firstContactResolved: resolvedAtFirstContact && reopenCount === 0,
    firstResponseAt: firstResponseAt === null ? null : new Date(firstResponseAt).toISOString(),
    firstResponseBmin: bmin(firstResponseAt),
    resolvedAt: resolved === null ? null : new Date(resolved).toISOString(),
    resolutionBmin: bmin(resolved),
    everResolved,
    reopenCount,
    slaStatus,
    surveySent,
    surveyScore,
    terms,
    eventCount: events.length,
  };
}

import { EventEnvelope, EventTypes as T } from '@lotsen/contracts';
import { event } from './reporting-harness';

/**
 * A generated April 2026 (Easter: långfredagen 3 Apr, annandag påsk 6 Apr) with answers
 * computed by hand. Local times are +02:00 (summer time from 29 March).
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const A = id(1), B = id(2), C = id(3), D = id(4), E = id(5), F = id(6), G = id(7), H = id(8);

let tenant = 't1';
const received = (inquiryId: string, at: string, extra: Record<string, unknown>) =>
  event(T.InquiryReceived, at, { inquiryId, reference: `KC-2026-${inquiryId.slice(-6)}`, channel: 'web', body: 'x', language: 'sv', languageDetected: true, sensitive: false, receivedAt: at, ...extra }, tenant);

export function april(tenantId = 't1'): EventEnvelope[] {
  tenant = tenantId;
  return [
    // A: fault report to a department; first answer next day (10 h), resolved across Easter (20 h); first-response SLA missed.
    received(A, '2026-04-01T09:00:00+02:00', { category: 'street_lighting', type: 'fault_report', subject: 'Trasig gatlampa', body: 'Gatlampan på Storgatan 12 är trasig.' }),
    event(T.InquiryClassified, '2026-04-01T09:00:01+02:00', { inquiryId: A, department: 'gata_park', type: 'fault_report', firstContactResolvable: false, urgent: false, language: 'sv', confidence: 0.9, modelVersion: 'm' }, tenant),
    event(T.InquiryRouted, '2026-04-01T09:00:02+02:00', { inquiryId: A, department: 'gata_park', queue: 'department', priority: 3, urgent: false, firstResponseDueAt: '2026-04-01T17:00:00+02:00', resolutionDueAt: '2026-04-08T17:00:00+02:00', reasons: [] }, tenant),
    event(T.InquiryAnswered, '2026-04-02T10:00:00+02:00', { inquiryId: A, answer: 'Vi åtgärdar', answeredBy: 'x', department: 'gata_park', byContactCenter: false }, tenant),
    event(T.InquiryResolved, '2026-04-07T11:00:00+02:00', { inquiryId: A, department: 'gata_park', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false }, tenant),
    event(T.NotificationSent, '2026-04-07T11:00:05+02:00', { deliveryId: id(101), inquiryId: A, trigger: 'survey', channel: 'email' }, tenant),
    event(T.SurveyAnswered, '2026-04-08T08:00:00+02:00', { surveyId: id(201), inquiryId: A, score: 4 }, tenant),
    // B: phone call closed during the contact: first-contact resolution by the center.
    received(B, '2026-04-02T10:00:00+02:00', { channel: 'phone', type: 'information', category: 'opening_hours_contact', resolvedAtFirstContact: true }),
    event(T.SurveyAnswered, '2026-04-02T12:00:00+02:00', { surveyId: id(202), inquiryId: B, score: 5 }, tenant),
    // ... and routing closing its own record later: still resolved at receipt.
    event(T.InquiryResolved, '2026-04-02T15:00:00+02:00', { inquiryId: B, department: 'kontaktcenter', resolutionCode: 'first_contact', resolvedAtFirstContact: true, byContactCenter: true }, tenant),
    // C: complaint received on långfredagen, answered by the center on Tuesday, reopened and resolved again.
    received(C, '2026-04-03T12:00:00+02:00', { channel: 'email', language: 'en', type: 'complaint' }),
    event(T.InquiryClassified, '2026-04-03T12:00:01+02:00', { inquiryId: C, department: 'kultur_fritid', type: 'complaint', firstContactResolvable: true, urgent: false, language: 'en', confidence: 0.8, modelVersion: 'm' }, tenant),
    event(T.InquiryRouted, '2026-04-03T12:00:02+02:00', { inquiryId: C, department: 'kontaktcenter', queue: 'first_line', priority: 3, urgent: false, firstResponseDueAt: '2026-04-07T12:00:00+02:00', resolutionDueAt: '2026-04-14T17:00:00+02:00', reasons: [] }, tenant),
    event(T.InquiryAnswered, '2026-04-07T09:30:00+02:00', { inquiryId: C, answer: 'a', answeredBy: 'agent', department: 'kontaktcenter', byContactCenter: true }, tenant),
    event(T.InquiryResolved, '2026-04-07T10:00:00+02:00', { inquiryId: C, department: 'kontaktcenter', resolutionCode: 'answered', resolvedAtFirstContact: false, byContactCenter: true }, tenant),
    event(T.InquiryReopened, '2026-04-08T09:00:00+02:00', { inquiryId: C, reason: 'citizen replied' }, tenant),
    event(T.InquiryResolved, '2026-04-08T15:00:00+02:00', { inquiryId: C, department: 'kontaktcenter', resolutionCode: 'answered', resolvedAtFirstContact: false, byContactCenter: true }, tenant),
    event(T.NotificationSent, '2026-04-08T15:00:05+02:00', { deliveryId: id(103), inquiryId: C, trigger: 'survey', channel: 'email' }, tenant),
    // ... whose survey is answered after the period: it still counts for April.
    event(T.SurveyAnswered, '2026-05-05T09:00:00+02:00', { surveyId: id(203), inquiryId: C, score: 2 }, tenant),
    // D: praise on Saturday, never closed.
    received(D, '2026-04-04T14:00:00+02:00', { type: 'praise' }),
    event(T.InquiryClassified, '2026-04-04T14:00:01+02:00', { inquiryId: D, department: 'gata_park', type: 'praise', firstContactResolvable: false, urgent: false, language: 'sv', confidence: 0.7, modelVersion: 'm' }, tenant),
    // E: received in March (not April), open; its survey is answered in April but belongs to March.
    received(E, '2026-03-31T10:00:00+02:00', { type: 'proposal' }),
    event(T.SurveyAnswered, '2026-04-02T09:00:00+02:00', { surveyId: id(205), inquiryId: E, score: 1 }, tenant),
    // F: chat on annandag påsk, routed to vatten_avfall then transferred to miljo; SLA breached; survey sent, never answered.
    received(F, '2026-04-06T10:00:00+02:00', { channel: 'chat', type: 'information' }),
    event(T.InquiryRouted, '2026-04-06T10:00:02+02:00', { inquiryId: F, department: 'vatten_avfall', queue: 'department', priority: 3, urgent: false, resolutionDueAt: '2026-04-07T17:00:00+02:00', reasons: [] }, tenant),
    event(T.InquiryTransferred, '2026-04-07T09:00:00+02:00', { inquiryId: F, fromDepartment: 'vatten_avfall', toDepartment: 'miljo', reason: 'wrong department' }, tenant),
    event(T.SlaBreached, '2026-04-07T17:00:00+02:00', { inquiryId: F, clock: 'resolution', dueAt: '2026-04-07T17:00:00+02:00', department: 'miljo' }, tenant),
    event(T.NotificationSent, '2026-04-07T17:01:00+02:00', { deliveryId: id(106), inquiryId: F, trigger: 'survey', channel: 'sms' }, tenant),
    // G: late on the last evening of April, nothing else yet.
    received(G, '2026-04-30T20:00:00+02:00', {}),
    // H: phone, closed at first contact, then reopened and resolved by a department: not a first-contact resolution.
    received(H, '2026-04-07T10:00:00+02:00', { channel: 'phone', type: 'case_request', resolvedAtFirstContact: true }),
    event(T.InquiryReopened, '2026-04-08T10:00:00+02:00', { inquiryId: H, reason: 'more needed' }, tenant),
    event(T.InquiryResolved, '2026-04-08T12:00:00+02:00', { inquiryId: H, department: 'omsorg', resolutionCode: 'done', resolvedAtFirstContact: false, byContactCenter: false }, tenant),
    // Calls: 4 offered, 3 answered (15 s, 45 s, 20 s), 1 abandoned after 30 s; one answered call's offer never arrived.
    event(T.CallOffered, '2026-04-01T09:00:00+02:00', { callId: 'c1', queue: 'vaxel' }, tenant),
    event(T.CallAnswered, '2026-04-01T09:00:15+02:00', { callId: 'c1', queue: 'vaxel', waitSeconds: 15, agentId: 'a1' }, tenant),
    event(T.CallOffered, '2026-04-01T09:05:00+02:00', { callId: 'c2', queue: 'vaxel' }, tenant),
    event(T.CallAnswered, '2026-04-01T09:05:45+02:00', { callId: 'c2', queue: 'vaxel', waitSeconds: 45 }, tenant),
    event(T.CallOffered, '2026-04-02T10:00:00+02:00', { callId: 'c3', queue: 'vaxel' }, tenant),
    event(T.CallAbandoned, '2026-04-02T10:00:30+02:00', { callId: 'c3', queue: 'vaxel', waitSeconds: 30 }, tenant),
    event(T.CallAnswered, '2026-04-02T11:00:20+02:00', { callId: 'c4', queue: 'vaxel', waitSeconds: 20 }, tenant),
  ];
}


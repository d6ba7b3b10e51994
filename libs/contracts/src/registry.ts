import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EventEnvelope } from './envelope';
import { ALL_EVENT_TYPES, EventType, EventTypes as T } from './event-types';
import { payloadCheck } from '@lotsen/validation';
import * as P from './payloads';

type PayloadClass = new () => object;

export const PAYLOAD_CLASSES: Record<EventType, PayloadClass> = {
  [T.InquiryReceived]: P.InquiryReceivedPayload,
  [T.InquiryMessageAdded]: P.InquiryMessageAddedPayload,
  [T.InquiryClassified]: P.InquiryClassifiedPayload,
  [T.InquiryRouted]: P.InquiryRoutedPayload,
  [T.InquiryAssigned]: P.InquiryAssignedPayload,
  [T.InquiryTransferred]: P.InquiryTransferredPayload,
  [T.InquiryReturned]: P.InquiryReturnedPayload,
  [T.InquiryAnswered]: P.InquiryAnsweredPayload,
  [T.InquiryCitizenAsked]: P.InquiryCitizenAskedPayload,
  [T.InquiryCaseNumberRecorded]: P.InquiryCaseNumberRecordedPayload,
  [T.InquiryResolved]: P.InquiryResolvedPayload,
  [T.InquiryReopened]: P.InquiryReopenedPayload,
  [T.SlaWarning]: P.SlaPayload,
  [T.SlaBreached]: P.SlaPayload,
  [T.NotificationSent]: P.NotificationPayload,
  [T.NotificationFailed]: P.NotificationPayload,
  [T.SurveyAnswered]: P.SurveyAnsweredPayload,
  [T.CallOffered]: P.CallPayload,
  [T.CallAnswered]: P.CallPayload,
  [T.CallAbandoned]: P.CallPayload,
  [T.InquiryRetentionDue]: P.InquiryRetentionDuePayload,
  [T.InquiryRetentionDone]: P.InquiryRetentionDonePayload,
  [T.InquiryContactRectified]: P.InquiryContactRectifiedPayload,
  [T.TenantCalendarChanged]: P.TenantCalendarChangedPayload,
  [T.CategoryChanged]: P.CategoryChangedPayload,
};

export class InvalidEventError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an incoming envelope and its payload against the contract; throws InvalidEventError. */
export function validateEvent(raw: unknown): EventEnvelope {
  if (!raw || typeof raw !== 'object') throw new InvalidEventError('event is not an object');
  const e = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof e.id !== 'string' || !UUID.test(e.id)) problems.push('id must be a uuid');
  if (!ALL_EVENT_TYPES.includes(e.type as EventType)) problems.push(`unknown type ${String(e.type)}`);
  if (typeof e.version !== 'number') problems.push('version must be a number');
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt))) problems.push('occurredAt must be ISO-8601');
  if (typeof e.tenantId !== 'string' || !e.tenantId) problems.push('tenantId is required');
  if (typeof e.correlationId !== 'string') problems.push('correlationId is required');
  if (!(e.causationId === null || typeof e.causationId === 'string')) problems.push('causationId must be a string or null');
  // An array too: plainToInstance would map it to instances, and class-validator find no rules for an array.
  if (!e.payload || typeof e.payload !== 'object' || Array.isArray(e.payload)) problems.push('payload must be an object');
  if (problems.length) throw new InvalidEventError(problems.join('; '));
  const cls = PAYLOAD_CLASSES[e.type as EventType];
  // The compiled check answers for valid payloads; class-validator has the last word otherwise.
  if (payloadCheck(cls)(e.payload) === true) return e as unknown as EventEnvelope;
  const errors = validateSync(plainToInstance(cls, e.payload), { forbidUnknownValues: false });
  if (errors.length) {
    const detail = errors.map((x) => `${x.property}: ${Object.values(x.constraints ?? { nested: 'invalid' }).join(', ')}`);
    throw new InvalidEventError(`${String(e.type)} payload invalid: ${detail.join('; ')}`);
  }
  return e as unknown as EventEnvelope;
}

/** Secret or personal fields dropped before an event is kept outside the service that needs them. */
const REDACTED_PAYLOAD_FIELDS = ['trackingToken', 'citizen', 'body', 'subject', 'answer', 'comment'];

export function redactForStorage(event: EventEnvelope): EventEnvelope {
  const payload = { ...(event.payload as Record<string, unknown>) };
  for (const f of REDACTED_PAYLOAD_FIELDS) delete payload[f];
  const citizen = (event.payload as { citizen?: { notify?: boolean; preferredLanguage?: string } }).citizen;
  if (citizen) payload.citizen = { notify: citizen.notify, preferredLanguage: citizen.preferredLanguage };
  return { ...event, payload };
}

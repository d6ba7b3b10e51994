import fc from 'fast-check';
import { plainToInstance, Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, ValidateNested, validateSync } from 'class-validator';
import { ALL_EVENT_TYPES, EventType, EventTypes as T } from './event-types';
import { payloadCheck } from '@lotsen/validation';
import { InvalidEventError, PAYLOAD_CLASSES, validateEvent } from './registry';

const uuid = '3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f';
const at = '2026-11-23T08:15:00.000Z';

/** One valid payload per event type: the compiled check must accept each (else the fast path is dead). */
const SAMPLES: Record<EventType, Record<string, unknown>> = {
  [T.InquiryReceived]: {
    inquiryId: uuid, reference: 'KC-2026-000123', trackingToken: 'tok', channel: 'web', subject: 'Gatlampa', body: 'Lampan är trasig',
    language: 'sv', languageDetected: true, category: 'gatubelysning', type: 'fault_report',
    citizen: { name: 'Anna A', email: 'anna@example.se', phone: '+46701234567', preferredLanguage: 'sv', notify: true, preferredChannel: 'email' },
    location: { address: 'Storgatan 1', lat: 59.2, lon: 17.6 }, sensitive: false, receivedAt: at, externalId: 'x-1', resolvedAtFirstContact: false, duplicateOf: uuid,
  },
  [T.InquiryMessageAdded]: { inquiryId: uuid, messageId: uuid, author: 'citizen', visibility: 'public', body: 'Tack', channel: 'email' },
  [T.InquiryClassified]: { inquiryId: uuid, department: 'gata_park', category: 'gatubelysning', type: 'fault_report', firstContactResolvable: false, urgent: false, language: 'sv', confidence: 0.8, modelVersion: 'v1' },
  [T.InquiryRouted]: {
    inquiryId: uuid, reference: 'KC-2026-000123', department: 'gata_park', departmentName: 'Gata och park', category: 'gatubelysning', type: 'fault_report',
    queue: 'department', priority: 3, urgent: false, firstResponseDueAt: at, resolutionDueAt: at, reasons: ['keyword: lampa', 'agreement'],
  },
  [T.InquiryAssigned]: { inquiryId: uuid, agentId: 'a1', agentName: 'Agent', department: 'gata_park' },
  [T.InquiryTransferred]: { inquiryId: uuid, fromDepartment: 'a', toDepartment: 'b', toAgentId: 'c', reason: 'r' },
  [T.InquiryReturned]: { inquiryId: uuid, fromDepartment: 'a', reason: 'r' },
  [T.InquiryCitizenAsked]: { inquiryId: uuid, reference: 'KC-2026-000123', question: 'Vilken gata gäller det?', askedBy: 'a1', department: 'kontaktcenter' },
  [T.InquiryCaseNumberRecorded]: { inquiryId: uuid, department: 'gata_park', caseNumber: 'GP 2026/1234', recordedBy: 'gustav', at: '2026-03-02T10:15:00.000Z' },
  [T.InquiryAnswered]: { inquiryId: uuid, reference: 'KC-2026-000123', answer: 'Svar', answeredBy: 'a1', department: 'kontaktcenter', byContactCenter: true },
  [T.InquiryResolved]: { inquiryId: uuid, department: 'd', category: 'c', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false, resolvedBy: 'a1' },
  [T.InquiryReopened]: { inquiryId: uuid, reason: 'r' },
  [T.SlaWarning]: { inquiryId: uuid, clock: 'first_response', dueAt: at, department: 'd' },
  [T.SlaBreached]: { inquiryId: uuid, clock: 'resolution', dueAt: at, department: 'd' },
  [T.NotificationSent]: { deliveryId: uuid, inquiryId: uuid, trigger: 'received', channel: 'email', language: 'sv', messageId: '<a@b>' },
  [T.NotificationFailed]: { deliveryId: uuid, trigger: 'received', channel: 'sms', reason: 'bounced' },
  [T.SurveyAnswered]: { surveyId: uuid, inquiryId: uuid, score: 4, comment: 'Bra', department: 'd', channel: 'web' },
  [T.CallOffered]: { callId: 'c1', queue: 'q', waitSeconds: 3, agentId: 'a', at },
  [T.CallAnswered]: { callId: 'c1', queue: 'q' },
  [T.CallAbandoned]: { callId: 'c1', queue: 'q', waitSeconds: 0 },
  [T.InquiryRetentionDue]: { inquiryId: uuid, runId: uuid, category: 'library', resolvedAt: at },
  [T.InquiryRetentionDone]: { inquiryId: uuid, runId: uuid, service: 'routing', rows: 3 },
  [T.InquiryContactRectified]: { inquiryId: uuid, name: 'Anna B', email: 'anna.b@example.se', phone: '+46701234568' },
  [T.CategoryChanged]: { code: 'library', names: { sv: 'Bibliotek', en: 'Library' }, department: 'kultur_fritid', active: true },
  [T.TenantCalendarChanged]: { timezone: 'Europe/Stockholm', hours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', breaks: [{ from: '12:00', to: '13:00' }] }, holidays: 'SE' },
};

const classValidatorAccepts = (cls: new () => object, payload: unknown) => validateSync(plainToInstance(cls, payload) as object, { forbidUnknownValues: false }).length === 0;

/** Values that break one rule or another: wrong types, edge numbers, long strings, nested shapes. */
const oddValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 6, 1e308, -91, 181, '', 'x', uuid, at, 'not-a-date', 'a@b.se', 'email', 'sms', 'web', 'fault_report', 'first_line', 'department'),
  fc.constantFrom([], ['a'], [1], [null], [{}], {}, { notify: true }, { notify: 'yes' }, { lat: 1 }, { lat: 100, lon: 0 }, [{ notify: true }]),
  fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.string({ minLength: 190, maxLength: 4100 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A sample with some properties (its own, its nested objects', or new ones) replaced, removed or added. */
function mutated(sample: Record<string, unknown>) {
  const keys = [...Object.keys(sample), 'extra', 'notify', 'lat'];
  const edit = fc.record({ key: fc.constantFrom(...keys), nestedKey: fc.option(fc.constantFrom('notify', 'email', 'lat', 'lon', 'name', 'address'), { nil: undefined }), value: fc.option(oddValue, { nil: undefined }) });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const p: Record<string, unknown> = JSON.parse(JSON.stringify(sample));
    for (const e of edits) {
      const inner = p[e.key];
      const target: Record<string, unknown> = e.nestedKey && inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : p;
      const key = target === p ? e.key : (e.nestedKey as string);
      if (e.value === undefined) delete target[key];
      else target[key] = structuredClone(e.value); // constants are shared between runs
    }
    return JSON.parse(JSON.stringify(p)) as Record<string, unknown>; // as it arrives: JSON
  });
}

describe('compiled payload check', () => {
  it('has a sample for every event type, and accepts each one without class-validator', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ALL_EVENT_TYPES].sort());
    for (const type of ALL_EVENT_TYPES) {
      expect({ type, verdict: payloadCheck(PAYLOAD_CLASSES[type])(SAMPLES[type]) }).toEqual({ type, verdict: true });
      expect(classValidatorAccepts(PAYLOAD_CLASSES[type], SAMPLES[type])).toBe(true);
    }
  });

  it.each([...ALL_EVENT_TYPES])('agrees with class-validator on altered %s payloads', (type) => {
    const cls = PAYLOAD_CLASSES[type];
    fc.assert(fc.property(mutated(SAMPLES[type]), (payload) => {
      const verdict = payloadCheck(cls)(payload);
      // Never undefined for these classes (arrays aside), and the same verdict as class-validator.
      expect(verdict).toBe(classValidatorAccepts(cls, payload));
    }), { numRuns: Number(process.env.PC_RUNS ?? 150) });
  });

  it('leaves arrays and rules it does not know to class-validator', () => {
    class WithDefined { @IsDefined() a: unknown; }
    class Inner { @IsInt() n: number; }
    class Deep { @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner[][]; }
    class Defaulted { @IsOptional() @IsString() s?: string = 'x'; }
    expect(payloadCheck(WithDefined)({ a: 1 })).toBeUndefined();
    expect(payloadCheck(Defaulted)({})).toBeUndefined();
    expect(payloadCheck(Deep)({ inner: [[{ n: 1 }]] })).toBeUndefined();
    expect(payloadCheck(Deep)({ inner: [{ n: 1 }, { n: 2 }] })).toBe(true);
    expect(payloadCheck(Deep)({ inner: [{ n: 1 }, { n: 'x' }] })).toBe(false);
    expect(payloadCheck(PAYLOAD_CLASSES[T.InquiryAssigned])([SAMPLES[T.InquiryAssigned]])).toBeUndefined();
  });

  it('still rejects an invalid event with class-validator\'s words', () => {
    const payload = { ...SAMPLES[T.InquiryRouted], priority: 9 };
    const envelope = { id: uuid, type: T.InquiryRouted, version: 1, occurredAt: at, tenantId: 't', correlationId: uuid, causationId: null, payload };
    expect(() => validateEvent(envelope)).toThrow(InvalidEventError);
    expect(() => validateEvent(envelope)).toThrow(/priority: priority must not be greater than 5/);
    const ok = { ...envelope, payload: SAMPLES[T.InquiryRouted] };
    expect(validateEvent(ok)).toBe(ok);
    expect(() => validateEvent({ ...envelope, payload: [SAMPLES[T.InquiryRouted]] })).toThrow(/payload must be an object/);
  });
});

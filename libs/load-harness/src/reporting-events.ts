/**
 * Synthetic but realistic contact-center traffic as events (for the reporting benchmark and
 * the reporting browser test): inquiries over channels and departments with their life
 * (classified, routed, answered, resolved, surveys), and phone calls. Deterministic per seed.
 */
import { randomUUID } from 'crypto';
import * as amqp from 'amqplib';
import { createEvent, EventEnvelope, EventType, EventTypes as T } from '@lotsen/contracts';

const TOPICS: Array<{ department: string; category: string; type: string; subject: string; body: string }> = [
  { department: 'gata_park', category: 'street_lighting', type: 'fault_report', subject: 'Trasig gatlampa', body: 'Gatlampan vid busshållplatsen är trasig och det är mörkt på kvällen.' },
  { department: 'gata_park', category: 'pothole_road_damage', type: 'fault_report', subject: 'Potthål i vägen', body: 'Stort potthål på cykelvägen vid skolan, farligt för cyklister.' },
  { department: 'gata_park', category: 'snow_ice_clearing', type: 'complaint', subject: 'Snöröjning', body: 'Snöröjningen har inte kommit till vår gata, halt på trottoaren.' },
  { department: 'vatten_avfall', category: 'missed_waste_collection', type: 'complaint', subject: 'Soptunnan inte tömd', body: 'Soptunnan har inte tömts denna vecka, sophämtningen missade oss.' },
  { department: 'vatten_avfall', category: 'water_leak_sewer', type: 'fault_report', subject: 'Vattenläcka', body: 'Vatten forsar upp ur marken, troligen vattenläcka i ledningen.' },
  { department: 'utbildning', category: 'school_placement_transport', type: 'information', subject: 'Skolplacering', body: 'Hur ansöker jag om skolplacering och förskola för mitt barn?' },
  { department: 'omsorg', category: 'home_care', type: 'case_request', subject: 'Hemtjänst', body: 'Min mamma behöver hemtjänst, hur ansöker man om hemtjänst?' },
  { department: 'kultur_fritid', category: 'library', type: 'praise', subject: 'Tack biblioteket', body: 'Stort tack till biblioteket för den fina sagostunden.' },
  { department: 'samhallsbyggnad', category: 'building_permit', type: 'information', subject: 'Bygglov', body: 'Behöver jag bygglov för att bygga ett attefallshus på tomten?' },
  { department: 'kontaktcenter', category: 'opening_hours_contact', type: 'information', subject: 'Öppettider', body: 'Vilka öppettider har medborgarkontoret i centrum?' },
  { department: 'miljo', category: 'noise_nuisance', type: 'complaint', subject: 'Buller', body: 'Buller från byggarbetsplatsen tidigt på morgonen stör hela kvarteret.' },
  { department: 'arbete_naringsliv', category: 'business_support_procurement', type: 'proposal', subject: 'Förslag', body: 'Förslag: fler lediga lokaler för företag i centrum och ett företagscenter.' },
];
const CHANNELS = ['web', 'web', 'web', 'email', 'email', 'phone', 'phone', 'chat', 'visit', 'letter', 'social'];

// The classifier's seedable PRNG (mulberry32) also makes the synthetic traffic.
import { rng } from '../../../apps/routing/src/classifier/folds';

export { rng };

export interface SyntheticOptions {
  tenantId: string;
  /** Local dates (YYYY-MM-DD) to spread inquiries over, 08–17 Stockholm (UTC+1 is assumed; close enough for load). */
  days: string[];
  inquiriesPerDay: number;
  callsPerDay: number;
  seed?: number;
}

/** Events of a synthetic period, in occurrence order. */
export function syntheticEvents(o: SyntheticOptions): EventEnvelope[] {
  const r = rng(o.seed ?? 1);
  const out: EventEnvelope[] = [];
  const ev = <P>(type: EventType, at: number, payload: P) => out.push(createEvent(type, payload, { tenantId: o.tenantId, occurredAt: new Date(at) }));
  for (const day of o.days) {
    const open = Date.parse(`${day}T08:00:00+01:00`);
    for (let i = 0; i < o.inquiriesPerDay; i++) {
      const topic = TOPICS[Math.floor(r() * TOPICS.length)];
      const channel = CHANNELS[Math.floor(r() * CHANNELS.length)];
      const at = open + Math.floor(r() * 9 * 3600_000);
      const inquiryId = randomUUID();
      const firstLine = topic.department === 'kontaktcenter' || r() < 0.55;
      const fcr = firstLine && (channel === 'phone' || channel === 'visit') && r() < 0.7;
      ev(T.InquiryReceived, at, {
        inquiryId, reference: `KC-2026-${String(out.length).padStart(6, '0')}`, channel, subject: topic.subject, body: topic.body,
        language: r() < 0.85 ? 'sv' : 'en', languageDetected: true, sensitive: false, receivedAt: new Date(at).toISOString(),
        ...(fcr ? { resolvedAtFirstContact: true } : {}),
      });
      if (fcr) continue;
      ev(T.InquiryClassified, at + 1000, { inquiryId, department: topic.department, category: topic.category, type: topic.type, firstContactResolvable: firstLine, urgent: false, language: 'sv', confidence: 0.8, modelVersion: 'synthetic' });
      ev(T.InquiryRouted, at + 2000, {
        inquiryId, department: firstLine ? 'kontaktcenter' : topic.department, queue: firstLine ? 'first_line' : 'department', priority: 3, urgent: false,
        firstResponseDueAt: new Date(at + 24 * 3600_000).toISOString(), resolutionDueAt: new Date(at + 5 * 24 * 3600_000).toISOString(), reasons: ['synthetic'],
      });
      const state = r();
      if (state < 0.1) continue; // still open
      const answerAt = at + Math.floor(r() * (firstLine ? 4 : 40) * 3600_000);
      ev(T.InquiryAnswered, answerAt, { inquiryId, answer: 'Svar', answeredBy: 'agent', department: firstLine ? 'kontaktcenter' : topic.department, byContactCenter: firstLine });
      if (state < 0.2) continue; // answered, not resolved
      const resolvedAt = answerAt + Math.floor(r() * 48 * 3600_000);
      ev(T.InquiryResolved, resolvedAt, { inquiryId, department: firstLine ? 'kontaktcenter' : topic.department, category: topic.category, resolutionCode: 'done', resolvedAtFirstContact: false, byContactCenter: firstLine });
      if (r() < 0.05) ev(T.InquiryReopened, resolvedAt + 3600_000, { inquiryId, reason: 'citizen replied' });
      if (r() < 0.5) {
        ev(T.NotificationSent, resolvedAt + 60_000, { deliveryId: randomUUID(), inquiryId, trigger: 'survey', channel: 'email' });
        if (r() < 0.4) ev(T.SurveyAnswered, resolvedAt + 7200_000, { surveyId: randomUUID(), inquiryId, score: 1 + Math.min(4, Math.floor(r() * 5.6)) });
      }
    }
    for (let i = 0; i < o.callsPerDay; i++) {
      const callId = randomUUID();
      const at = open + Math.floor(r() * 9 * 3600_000);
      const wait = Math.floor(r() * r() * 240);
      ev(T.CallOffered, at, { callId, queue: 'vaxel' });
      if (r() < 0.88) ev(T.CallAnswered, at + wait * 1000, { callId, queue: 'vaxel', waitSeconds: wait, agentId: 'a1' });
      else ev(T.CallAbandoned, at + wait * 1000, { callId, queue: 'vaxel', waitSeconds: wait });
    }
  }
  // As they happen: the events of many inquiries interleaved in time.
  return out.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/** Publishes events to the events exchange with publisher confirms, as the outbox relays do. */
export async function publishEvents(amqpUrl: string, exchange: string, events: EventEnvelope[]): Promise<void> {
  const conn = await amqp.connect(amqpUrl);
  try {
    const ch = await conn.createConfirmChannel();
    await ch.assertExchange(exchange, 'topic', { durable: true, arguments: { 'alternate-exchange': exchange.replace(/lotsen\.events$/, 'lotsen.unrouted') } });
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const ok = ch.publish(exchange, e.type, Buffer.from(JSON.stringify(e)), { persistent: true, contentType: 'application/json', messageId: e.id, type: e.type });
      if (!ok) await new Promise((res) => ch.once('drain', res));
      if (i % 500 === 499) await ch.waitForConfirms();
    }
    await ch.waitForConfirms();
    await ch.close();
  } finally {
    await conn.close();
  }
}

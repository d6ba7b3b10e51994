/**
 * `npm run demo`: plays a realistic stretch of a contact-center day from the shared labelled data
 * through the real APIs of a running platform (`npm start`): citizens write and call in, the
 * center's agent claims, answers and resolves, departments answer or hand questions back, some
 * citizens answer the survey. Then it prints the day's key figures and the dashboard address.
 * Keys come from .lotsen/demo.json. Bounded in time (DEMO_STAFF_SECONDS for the staff side).
 *
 * Env: INTAKE_URL (http://127.0.0.1:3001), ROUTING_URL (http://127.0.0.1:3002), NOTIFICATIONS_URL
 * (http://127.0.0.1:3003), REPORTING_URL (http://127.0.0.1:3004), DEMO_COUNT (150), DEMO_HOURS (3:
 * arrivals over the last business hours before now), DEMO_STAFF_SECONDS (120).
 */
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { devDataPath } from '@lotsen/config';
import { playStaffDay } from './agents-day';
import { answerSurveys } from './surveys-day';

const ROOT = resolve(__dirname, '..', '..', '..');
const DATA = devDataPath();
const KEYS = resolve(ROOT, '.lotsen', 'demo.json');
const INTAKE = process.env.INTAKE_URL ?? 'http://127.0.0.1:3001';
const ROUTING = process.env.ROUTING_URL ?? 'http://127.0.0.1:3002';
const NOTIFICATIONS = process.env.NOTIFICATIONS_URL ?? 'http://127.0.0.1:3003';
const REPORTING = process.env.REPORTING_URL ?? 'http://127.0.0.1:3004';
const COUNT = Number(process.env.DEMO_COUNT ?? 150);
const HOURS = Number(process.env.DEMO_HOURS ?? 3);
const STAFF_SECONDS = Number(process.env.DEMO_STAFF_SECONDS ?? 120);
const MAIL_DIR = resolve(ROOT, '.lotsen', 'outbox-mail');
const STAFF_REGISTERED = ['phone', 'visit', 'letter'];

interface Line {
  id: string; channel: string; language: string; subject: string; text: string; type: string;
  first_contact_resolvable: boolean; location: { address?: string; lat?: number; lon?: number } | null;
}

/** A deterministic PRNG so a day's traffic is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The last `hours` of today's opening hours so far (or of the last business day's, before 08:05 or
 * on a closed day). The staff answer now, so arrivals close to now keep the SLA figures those of a
 * center that keeps up.
 */
function businessWindow(cal: BusinessCalendar, hours: number): { day: string; start: number; end: number } {
  const now = Date.now();
  let day = cal.localDate(new Date(now));
  for (let i = 0; i < 10; i++) {
    const end = Math.min(cal.instantAt(day, 17).getTime(), now - 60_000);
    const start = Math.max(cal.instantAt(day, 8).getTime(), end - hours * 3600_000);
    if (cal.isBusinessDay(day) && end - start > 5 * 60_000) return { day, start, end };
    day = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
  }
  throw new Error('no business day in the last ten days');
}

async function post(path: string, key: string, body: unknown, idempotencyKey?: string): Promise<Response> {
  return fetch(`${INTAKE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });
}

async function main(): Promise<void> {
  if (!existsSync(KEYS)) throw new Error(`${KEYS} is missing: run npm start first (it writes the demo keys).`);
  if (!existsSync(DATA)) throw new Error(`${DATA} is missing (the shared labelled inquiries).`);
  const { keys } = JSON.parse(readFileSync(KEYS, 'utf8')) as { keys: Record<string, string> };
  const lines: Line[] = readFileSync(DATA, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const cal = new BusinessCalendar();
  const { day, start, end } = businessWindow(cal, HOURS);
  const began = Date.now();
  const r = rng(Number(day.replace(/-/g, '')));
  // Each run plays its own traffic (run the demo twice, get twice the day); the keys only make a
  // request retried within one run count once.
  const run = Date.now().toString(36);
  // A day's mix: sampled from the data, arrivals spread over the opening hours, busiest mid-morning.
  const picks = Array.from({ length: COUNT }, () => lines[Math.floor(r() * lines.length)]);
  const arrivals = picks.map(() => start + Math.floor(Math.pow(r(), 1.3) * (end - start))).sort((a, b) => a - b);

  console.log(`playing ${COUNT} inquiries of ${day} (${cal.localDateTime(new Date(start)).slice(11, 16)}–${cal.localDateTime(new Date(end)).slice(11, 16)}) into ${INTAKE}`);
  const counts: Record<string, number> = {};
  let failed = 0;
  let next = 0;
  async function worker() {
    while (next < picks.length) {
      const i = next++;
      const q = picks[i];
      const staff = STAFF_REGISTERED.includes(q.channel);
      const fcr = staff && q.first_contact_resolvable && (q.channel === 'phone' || q.channel === 'visit');
      const body: Record<string, unknown> = {
        channel: q.channel, subject: q.subject || undefined, body: q.text, language: q.language, receivedAt: new Date(arrivals[i]).toISOString(),
        ...(q.channel === 'web' ? { type: q.type } : {}),
        ...(q.location?.lat !== undefined ? { location: q.location } : q.location?.address ? { location: { address: q.location.address } } : {}),
        ...(['web', 'email', 'chat'].includes(q.channel) ? { citizen: { email: `demo+${i}@example.se`, notify: true } } : {}),
        ...(fcr ? { resolvedAtFirstContact: true } : {}),
      };
      // The day is played afterwards with its own arrival times: only a staff key may say an inquiry came in earlier.
      const key = keys.agent;
      const res = await post('/v1/inquiries', key, body, `demo-${day}-${run}-${i}-${q.id}`);
      if (res.status === 202) counts[q.channel] = (counts[q.channel] ?? 0) + 1;
      else {
        failed++;
        if (failed <= 3) console.warn(`  ${q.id}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  console.log(`registered: ${Object.entries(counts).map(([c, n]) => `${c} ${n}`).join(', ')}${failed ? `; ${failed} refused` : ''}`);

  // Phone calls (offered/answered/abandoned) go through intake's call API once it exists.
  const probe = await post('/v1/calls', keys.phone, {});
  if (probe.status === 404) {
    console.log('note: intake has no POST /v1/calls yet, so no phone call events were played (the phone figures stay empty).');
  } else {
    let calls = 0;
    for (let i = 0; i < Math.round(COUNT * 0.6); i++) {
      const at = start + Math.floor(r() * (end - start));
      const wait = Math.floor(r() * r() * 180);
      const abandoned = r() < 0.12;
      // As the telephony platform reports them: offered, then answered or abandoned after the wait.
      const callId = `demo-${day}-${run}-${i}`;
      const offered = await post('/v1/calls', keys.phone, { event: 'offered', callId, queue: 'vaxel', at: new Date(at).toISOString() }, `demo-call-${day}-${run}-${i}-offered`);
      const outcome = abandoned ? 'abandoned' : 'answered';
      if (offered.ok) await offered.arrayBuffer();
      const ended = offered.ok
        ? await post('/v1/calls', keys.phone, {
          event: outcome, callId, queue: 'vaxel', waitSeconds: wait, at: new Date(at + wait * 1000).toISOString(), ...(abandoned ? {} : { agentId: 'demo-agent' }),
        }, `demo-call-${day}-${run}-${i}-${outcome}`)
        : offered;
      if (ended.ok) calls++;
      else if (calls === 0) console.warn(`  calls: ${ended.status} ${(await ended.text()).slice(0, 200)}`);
    }
    console.log(`calls played: ${calls}`);
  }

  // The staff side: let routing decide, then work the queues.
  await new Promise((res) => setTimeout(res, 2000));
  const staff = await playStaffDay({ routing: ROUTING, agentKey: keys.agent, supervisorKey: keys.supervisor, random: r, deadline: Date.now() + STAFF_SECONDS * 1000 });
  console.log(`staff: the agent claimed ${staff.claimed}; the center answered ${staff.answeredByCenter} (${staff.resolvedAtFirstContact} resolved at first contact), transferred ${staff.transferred}; departments answered ${staff.answeredByDepartments}, handed ${staff.returnedToCenter} back to the center, left ${staff.leftOpen} open`);
  const surveys = await answerSurveys({ notifications: NOTIFICATIONS, mailDir: MAIL_DIR, since: began, share: 0.4, random: r, waitMs: 20_000, expected: Math.round((staff.answeredByCenter + staff.answeredByDepartments) * 0.5) });
  console.log(`surveys: ${surveys.invited} invitations read, ${surveys.answered} answered${surveys.mean === null ? '' : ` (mean score ${surveys.mean})`}`);

  await new Promise((res) => setTimeout(res, 1500));
  const k = await fetch(`${REPORTING}/v1/kpis?from=${day}&to=${day}&groupBy=channel`, { headers: { 'x-api-key': keys.supervisor } });
  if (k.ok) {
    const report = (await k.json()) as { totals: Record<string, number | null>; backlog: { total: number } };
    const t = report.totals;
    console.log(`reporting for ${day}: received ${t.received}, answered by the center ${t.answeredByCenterPct ?? '–'} %, first-contact resolution ${t.firstContactResolutionPct ?? '–'} %, within SLA ${t.slaCompliancePct ?? '–'} %, satisfaction ${t.csatAverage ?? '–'}, open ${report.backlog.total}`);
  } else {
    console.log(`reporting did not answer (${k.status}); is it running?`);
  }
  console.log(`dashboard: ${REPORTING}/?from=${day}&to=${day}#key=${keys.supervisor}`);
  console.log(`CSV:       curl -H 'x-api-key: ${keys.supervisor}' '${REPORTING}/v1/kpis.csv?from=${day}&to=${day}&groupBy=hour'`);
}

main().catch((err) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});

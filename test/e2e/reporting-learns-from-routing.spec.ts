// What reporting learns from routing through events, never from its tables: the tenant's
// business calendar (routing's SLA clocks and reporting's business-hours figures count the same
// hours, for long opening days and for days split by a lunch closure) and the category names.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createEvent, EventTypes } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { EventBus } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

describe('the tenant\'s calendar and catalogue, from routing to reporting', () => {
  let p: TestPlatform;
  let bus: EventBus;
  let db: Client;

  beforeAll(async () => {
    p = await startPlatform(['routing', 'reporting']);
    bus = await EventBus.open(p);
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await p?.close();
  });

  const putCalendar = (body: Record<string, unknown>) =>
    request(p.urls.routing!).put('/v1/calendar').set('x-api-key', p.keys.admin).send(body);
  const reportingCalendar = () => db.query(`SELECT spec FROM reporting.tenant_calendars WHERE tenant_id = 'demo'`).then((r) => r.rows[0]?.spec);

  /** A library question received at `receivedAt`, answered exactly when routing's first-response clock runs out. */
  async function answeredOnTheDot(receivedAt: string): Promise<{ dueAt: string; medianHours: number | null }> {
    const inquiryId = randomUUID();
    await bus.publish(EventTypes.InquiryReceived, {
      inquiryId, reference: `KC-2026-${inquiryId.slice(0, 6)}`, channel: 'web', body: 'Hur länge får jag låna en bok på biblioteket?',
      language: 'sv', languageDetected: false, category: 'library', sensitive: false, receivedAt,
    });
    const routing = await waitFor('the routing decision', async () => {
      const r = await request(p.urls.routing!).get(`/v1/inquiries/${inquiryId}/routing`).set('x-api-key', p.keys.supervisor);
      return r.status === 200 ? r.body : undefined;
    });
    const dueAt: string = new Date(routing.decision.firstResponseDueAt).toISOString();
    const answered = createEvent(EventTypes.InquiryAnswered, {
      inquiryId, answer: 'Fyra veckor.', answeredBy: 'demo-agent', department: 'kontaktcenter', byContactCenter: true,
    }, { tenantId: 'demo', occurredAt: new Date(dueAt) });
    await bus.raw(answered.type, Buffer.from(JSON.stringify(answered)));
    await waitFor('the answer in reporting', async () => (await db.query(`SELECT 1 FROM reporting.events WHERE id = $1`, [answered.id])).rowCount);
    const day = receivedAt.slice(0, 10);
    const kpis = await request(p.urls.reporting!).get(`/v1/kpis?from=${day}&to=${day}`).set('x-api-key', p.keys.supervisor).expect(200);
    return { dueAt, medianHours: kpis.body.totals.firstResponseMedianHours };
  }

  it('a tenant open 07–19: an 8-hour first response from Friday 16:00 is due Monday 12:00, and reporting counts 8 hours', async () => {
    await putCalendar({ businessHours: { days: [1, 2, 3, 4, 5], opens: '07:00', closes: '19:00' } }).expect(200);
    await waitFor('reporting to learn the calendar', async () => (await reportingCalendar())?.hours.opens === '07:00');
    const r = await answeredOnTheDot('2026-11-20T15:00:00.000Z'); // Friday 16:00 in Stockholm
    expect(r.dueAt).toBe('2026-11-23T11:00:00.000Z'); // Fri 16–19, Mon 07–12
    expect(r.medianHours).toBe(8);
  });

  it('a tenant closed for lunch (08–12 and 13–17): due Monday 16:00, and reporting counts 8 hours', async () => {
    const split = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', breaks: [{ from: '12:00', to: '13:00' }] };
    await putCalendar({ businessHours: split }).expect(200);
    await waitFor('reporting to learn the calendar', async () => (await reportingCalendar())?.hours.breaks?.length === 1);
    const r = await answeredOnTheDot('2026-11-27T15:00:00.000Z');
    expect(r.dueAt).toBe('2026-11-30T15:00:00.000Z'); // Fri 16–17, Mon 08–12 and 13–16
    expect(r.medianHours).toBe(8);
  });

  it('refuses a break outside opening hours with a problem, and keeps the calendar', async () => {
    const res = await putCalendar({ businessHours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', breaks: [{ from: '07:00', to: '09:00' }] } }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const now = await request(p.urls.routing!).get('/v1/calendar').set('x-api-key', p.keys.admin).expect(200);
    expect(now.body.businessHours.breaks).toEqual([{ from: '12:00', to: '13:00' }]);
    // A department's own hours are checked the same way, before any SLA clock would count with them.
    const dept = await request(p.urls.routing!).put('/v1/departments/gata_park').set('x-api-key', p.keys.admin)
      .send({ name: { sv: 'Gata och park' }, businessHours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', breaks: [{ from: '16:00', to: '18:00' }] } }).expect(422);
    expect(dept.body).toMatchObject({ status: 422 });
    const kept = await request(p.urls.routing!).get('/v1/departments/gata_park').set('x-api-key', p.keys.admin).expect(200);
    expect(kept.body.businessHours).toBeNull();
  });

  it('a category renamed in routing\'s catalogue is named so on the dashboard, in each language', async () => {
    await request(p.urls.routing!).put('/v1/categories/library').set('x-api-key', p.keys.admin)
      .send({ name: { sv: 'Bibliotek och läsfrämjande', en: 'Libraries and reading', ar: 'المكتبات', fi: 'Kirjastot' } }).expect(200);
    await waitFor('reporting to learn the name', async () =>
      (await db.query(`SELECT names->>'en' AS en FROM reporting.category_names WHERE tenant_id = 'demo' AND code = 'library'`)).rows[0]?.en === 'Libraries and reading');
    // The library questions of the first two tests were received on these Fridays.
    const res = await request(p.urls.reporting!).get('/v1/dashboard?from=2026-11-20&to=2026-11-27').set('x-api-key', p.keys.supervisor).expect(200);
    expect(res.body.topics.topCategories).toEqual([expect.objectContaining({
      category: 'library', received: 2, names: { sv: 'Bibliotek och läsfrämjande', en: 'Libraries and reading', ar: 'المكتبات', fi: 'Kirjastot' },
    })]);
  });
});

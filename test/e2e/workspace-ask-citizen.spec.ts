// Asking the citizen: intake, routing and notifications run for real; the question reaches the
// citizen over a real SMTP server, and their reply through intake resumes routing's SLA clocks.
import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '@lotsen/testing';
import { SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

/** One business hour passes in one real second here; the office is always open. */
const SPEED = 3600;

describe('workspace: ask the citizen, SLA clocks paused until they reply', () => {
  let p: TestPlatform;
  let smtp: SmtpSink;
  let db: DataSource;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    p = await startPlatform(['intake', 'routing', 'notifications'], {
      ROUTING_SLA_CLOCK_SPEED: String(SPEED), ROUTING_SCHEDULER_INTERVAL_MS: '100',
      NOTIFICATIONS_SMTP_URL: smtp.url, NOTIFICATIONS_DISPATCH_POLL_MS: '100',
    });
    db = p.apps.routing!.get(DataSource);
    await request(p.urls.routing!).put('/v1/calendar').set('x-api-key', p.keys.admin)
      .send({ businessHours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }, holidays: '' }).expect(200);
    await request(p.urls.routing!).put('/v1/agreements/street_lighting').set('x-api-key', p.keys.admin)
      .send({ slaFirstResponseHours: 6, slaResolutionHours: 8 }).expect(200);
  });
  afterAll(async () => {
    await p?.close();
    await smtp?.stop();
  });

  const item = async (id: string) => (await request(p.urls.routing!).get(`/v1/work/${id}`).set('x-api-key', p.keys.supervisor)
    .set('x-access-reason', 'following the question to the citizen').expect(200)).body;
  const timers = async (id: string) =>
    (await db.query(`SELECT clock, kind, paused_at, fired_at, due_at FROM routing.sla_timers WHERE inquiry_id = $1 ORDER BY clock, kind`, [id])) as
      { clock: string; kind: string; paused_at: Date | null; fired_at: Date | null; due_at: Date }[];

  it('pauses the clocks while the citizen is asked, sends them the question, and resumes later on their reply', async () => {
    const email = 'gatlampa.fraga@example.se';
    const created = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web)
      .send({ channel: 'web', subject: 'Gatlampa', body: 'Gatlampan på Storgatan är släckt.', language: 'en', citizen: { email, notify: false } }).expect(202);
    const id: string = created.body.id;
    await waitFor('routed', async () => (await db.query(`SELECT 1 FROM routing.work_items WHERE inquiry_id = $1`, [id])).length === 1, 20000);
    const before = await item(id);
    expect(before.status).toBe('queued');

    // bad input: nothing asked, nothing paused
    const bad = await request(p.urls.routing!).post(`/v1/work/${id}/ask`).set('x-api-key', p.keys.supervisor).send({ question: '' }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await timers(id)).every((t) => t.paused_at === null)).toBe(true);

    const question = 'Which lamp post is it, the one by number 14 or by the school?';
    const asked = await request(p.urls.routing!).post(`/v1/work/${id}/ask`).set('x-api-key', p.keys.supervisor).send({ question }).expect(200);
    expect(asked.body).toMatchObject({ status: 'awaiting_citizen' });
    expect(asked.body.history.map((h: { action: string }) => h.action)).toContain('asked_citizen');
    const pausedTimers = await timers(id);
    expect(pausedTimers).toHaveLength(4);
    expect(pausedTimers.every((t) => t.paused_at !== null)).toBe(true);
    expect(pausedTimers.filter((t) => t.fired_at !== null)).toEqual([]);

    // the question reaches the citizen, in their language
    const mail = await waitFor('the question mailed', () => smtp.to(email).find((m) => m.text.includes(question)), 15000);
    expect(mail.subject).toContain('New message about your inquiry');

    // and joins the thread staff and citizen see
    await waitFor('the question in the thread', async () => {
      const r = await request(p.urls.intake!).get(`/v1/inquiries/${id}`).set('x-api-key', p.keys.supervisor).set('x-access-reason', 'following the question to the citizen');
      return (r.body.thread ?? []).some((m: { author: string; body: string }) => m.author === 'staff' && m.body === question);
    }, 15000);

    // past every due time while paused: nothing fires
    const resolutionDue = Math.max(...pausedTimers.map((t) => new Date(t.due_at).getTime()));
    expect(resolutionDue).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, Math.max(0, resolutionDue - Date.now()) + 1000));
    expect((await timers(id)).filter((t) => t.fired_at !== null)).toEqual([]);

    // the citizen replies on the follow page: its reply box (CSRF-protected, length-limited) is there while the case awaits them
    const follow = await waitFor('the follow page offers a reply box', async () => {
      const r = await request(p.urls.intake!).get('/arende').query({ reference: created.body.reference, token: created.body.trackingToken, lang: 'en' });
      return r.text.includes('name="message"') ? r : undefined;
    }, 15000);
    expect(follow.text).toContain('Awaiting your reply');
    const cookie = String(follow.headers['set-cookie']).split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(follow.text)![1];
    const replyForm = { csrf, reference: created.body.reference, token: created.body.trackingToken, lang: 'en' };
    const forged = await request(p.urls.intake!).post('/arende').set('cookie', 'lotsen_form=someoneelsesbrowser123').type('form').send({ ...replyForm, message: 'Hi' }).expect(400);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    const long = await request(p.urls.intake!).post('/arende').set('cookie', cookie).type('form').send({ ...replyForm, message: 'x'.repeat(5001) }).expect(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    await request(p.urls.intake!).post('/arende').set('cookie', cookie).type('form').send({ ...replyForm, message: 'The one by number 14 <b>near</b> the bus stop.' }).expect(303);
    const shown = await request(p.urls.intake!).get('/arende').set('cookie', cookie).query({ reference: created.body.reference, token: created.body.trackingToken, lang: 'en' }).expect(200);
    expect(shown.text).toContain('The one by number 14 &lt;b&gt;near&lt;/b&gt; the bus stop.');

    // routing resumes the clocks, due later by the pause
    const resumed = await waitFor('resumed', async () => {
      const w = await item(id);
      return w.status !== 'awaiting_citizen' ? w : undefined;
    }, 15000);
    expect(resumed.status).toBe('queued');
    // due later by the pause, which lasted past the latest old due time
    const pausedFor = resolutionDue - new Date(pausedTimers[0].paused_at!).getTime();
    expect(new Date(resumed.firstResponseDueAt).getTime() - new Date(before.firstResponseDueAt).getTime()).toBeGreaterThan(pausedFor);
    const running = await timers(id);
    running.forEach((t, i) => expect(new Date(t.due_at).getTime()).toBeGreaterThan(new Date(pausedTimers[i].due_at).getTime()));
    expect(Math.max(...running.map((t) => new Date(t.due_at).getTime()))).toBeGreaterThan(Date.now());
    expect(resumed.history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['asked_citizen', 'citizen_message', 'citizen_replied']));
    expect(running.every((t) => t.paused_at === null)).toBe(true);

    // another reply, nothing paused: no change
    await request(p.urls.intake!).post(`/v1/inquiries/${id}/messages`).query({ token: created.body.trackingToken })
      .send({ body: 'It is still dark.' }).expect(201);
    await waitFor('the second reply seen', async () => (await item(id)).history.filter((h: { action: string }) => h.action === 'citizen_message').length === 2, 15000);
    const after = await item(id);
    expect(after).toMatchObject({ status: 'queued', firstResponseDueAt: resumed.firstResponseDueAt });
    expect((await timers(id)).map((t) => t.due_at)).toEqual(running.map((t) => t.due_at));
    expect(after.history.filter((h: { action: string }) => h.action === 'citizen_replied')).toHaveLength(1);

    // the resumed clocks breach at their moved due times
    await waitFor('resumed clocks fire', async () => (await timers(id)).filter((t) => t.fired_at !== null).length === 4, 20000, 200);
  });
});

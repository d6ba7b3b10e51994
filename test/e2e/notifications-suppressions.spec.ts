// Opt-outs and bounces on the real servers: intake publishes inquiry.received, the test publishes
// routing's events through the broker, mail goes to a real SMTP server.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { EventTypes } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { EventBus, SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

describe('notifications: an opt-out silences automated messages, a bounce suppresses for a while', () => {
  let p: TestPlatform;
  let smtp: SmtpSink;
  let bus: EventBus;
  let db: Client;
  const refusing = new Set<string>();

  beforeAll(async () => {
    smtp = new SmtpSink({ rejectRecipient: (a) => (refusing.has(a) ? 550 : undefined) });
    await smtp.start();
    p = await startPlatform(['intake', 'notifications'], {
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_DISPATCH_POLL_MS: '100',
      NOTIFICATIONS_STATUS_WINDOW_SECONDS: '0',
      NOTIFICATIONS_PUBLIC_URL: 'https://notiser.demo.example',
      NOTIFICATIONS_BOUNCE_SUPPRESSION_DAYS: '7',
    });
    bus = await EventBus.open(p);
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO notifications.tenant_settings (tenant_id, name, sla_apology_enabled) VALUES ('demo', 'Demo kommun', true)
      ON CONFLICT (tenant_id) DO UPDATE SET sla_apology_enabled = true`);
  });
  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await p?.close();
    await smtp?.stop();
  });

  const post = async (email: string, body: string) =>
    (await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body, language: 'sv', citizen: { email } }).expect(202)).body;
  const deliveries = async (inquiryId: string): Promise<Array<{ trigger: string; status: string; last_error: string | null }>> =>
    (await db.query(`SELECT trigger, status, last_error FROM notifications.deliveries WHERE inquiry_id = $1 ORDER BY created_at`, [inquiryId])).rows;
  const mailsTo = (address: string, n: number) => waitFor(`${n} mail(s) to ${address}`, () => (smtp.to(address).length >= n ? smtp.to(address) : undefined), 15000);
  const answer = (inquiryId: string, text: string) =>
    bus.publish(EventTypes.InquiryAnswered, { inquiryId, answer: text, answeredBy: 'demo-agent', department: 'gata_park', byContactCenter: false });
  const suppressions = async (key = p.keys.supervisor) =>
    (await request(p.urls.notifications!).get('/v1/suppressions').set('x-api-key', key).expect(200)).body.items as Array<{ reason: string; maskedAddress: string; until: string | null; detail: string }>;

  it('after an opt-out, status updates, surveys and apologies stop, but the answer to the question still arrives', async () => {
    const email = 'optout-answer@example.se';
    const inq = await post(email, 'Snöröjningen har missat vår gata i tre dagar.');
    const [receipt] = await mailsTo(email, 1);
    const link = /https:\/\/notiser\.demo\.example(\/v1\/opt-out\/[A-Za-z0-9._-]+)/.exec(receipt.text)![1];
    const page = await request(p.urls.notifications!).get(link).expect(200);
    expect(page.text).toContain('Svar på frågor du har ställt till oss får du fortfarande');
    await request(p.urls.notifications!).post(link).set('accept', 'application/json').expect(200);

    await bus.publish(EventTypes.InquiryAssigned, { inquiryId: inq.id, agentId: 'demo-agent', department: 'gata_park' });
    await bus.publish(EventTypes.SlaBreached, { inquiryId: inq.id, clock: 'first_response', dueAt: new Date().toISOString(), department: 'gata_park' });
    await answer(inq.id, 'Plogbilen kommer i eftermiddag.');
    await bus.publish(EventTypes.InquiryResolved, { inquiryId: inq.id, department: 'gata_park', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false });

    const rows = await waitFor('four deliveries after the receipt', async () => ((await deliveries(inq.id)).length >= 5 ? deliveries(inq.id) : undefined), 15000);
    const byTrigger = Object.fromEntries(rows.map((r) => [r.trigger, r]));
    expect(byTrigger.status_update).toMatchObject({ status: 'suppressed', last_error: expect.stringMatching(/opted out/) });
    expect(byTrigger.sla_apology).toMatchObject({ status: 'suppressed' });
    expect(byTrigger.survey_invitation).toMatchObject({ status: 'suppressed' });
    const mails = await mailsTo(email, 2);
    expect(mails.some((m) => m.text.includes('Plogbilen kommer i eftermiddag.'))).toBe(true);
    await waitFor('the answer sent', async () => (await deliveries(inq.id)).some((d) => d.trigger === 'answer' && d.status === 'sent'));
    expect(smtp.to(email)).toHaveLength(2);

    const listed = (await suppressions()).filter((s) => s.reason === 'opted_out' && s.maskedAddress === 'o***@example.se');
    expect(listed).toEqual([expect.objectContaining({ until: null })]);
  });

  it('a delivery planned before an opt-out or a bounce is not sent when its turn comes: logged suppressed by the claim, its attempt unused', async () => {
    const planned = async (trigger: string, key: string, email: string) => {
      const id = randomUUID();
      // Planned while the address was not suppressed, due later (a retry, or a queue behind a burst).
      await db.query(`INSERT INTO notifications.deliveries (id, tenant_id, event_id, trigger, channel, recipient, address_key, language, subject,
          body_text, status, next_attempt_at) VALUES ($1, 'demo', $2, $3, 'email', $4, $5, 'sv', 'Ärende', 'Hej, token=abc123', 'pending', now() + interval '1 hour')`,
        [id, randomUUID(), trigger, email, key]);
      return id;
    };
    const optedOut = await planned('status_update', 'late-optout-key', 'late-optout@example.se');
    const answerToOptedOut = await planned('answer', 'late-optout-key', 'late-optout@example.se');
    const bounced = await planned('answer', 'late-bounce-key', 'late-bounce@example.se');
    await db.query(`INSERT INTO notifications.suppressions (tenant_id, address_key, reason) VALUES ('demo', 'late-optout-key', 'opted_out')`);
    await db.query(`INSERT INTO notifications.suppressions (tenant_id, address_key, reason, until) VALUES ('demo', 'late-bounce-key', 'bounced', now() + interval '1 day')`);
    await db.query(`UPDATE notifications.deliveries SET next_attempt_at = now() WHERE id = ANY($1::uuid[])`, [[optedOut, answerToOptedOut, bounced]]);

    const row = async (id: string) => (await db.query(`SELECT status, attempts, last_error, body_text FROM notifications.deliveries WHERE id = $1`, [id])).rows[0];
    await waitFor('the three claimed', async () => ((await Promise.all([optedOut, answerToOptedOut, bounced].map(row))).every((r) => r.status !== 'pending') ? true : undefined));
    expect(await row(optedOut)).toEqual({ status: 'suppressed', attempts: 0, last_error: expect.stringMatching(/opted out/), body_text: 'Hej, token=redacted' });
    expect(await row(bounced)).toMatchObject({ status: 'suppressed', attempts: 0, last_error: expect.stringMatching(/bounced/) });
    // An opt-out does not stop the answer the citizen asked for.
    await waitFor('the answer sent', async () => (await row(answerToOptedOut)).status === 'sent');
    expect(smtp.to('late-optout@example.se')).toHaveLength(1);
    expect(smtp.to('late-bounce@example.se')).toHaveLength(0);
  });

  it('a hard bounce suppresses every message for the configured days, is listed for staff with a masked address, and then ends', async () => {
    const email = 'bounce-later@example.se';
    refusing.add(email);
    const inq = await post(email, 'Gatlampan på Ringvägen 3 blinkar.');
    await waitFor('the receipt to bounce', async () => (await deliveries(inq.id)).some((d) => d.trigger === 'receipt' && d.status === 'failed'));

    const listed = await waitFor('the bounce listed', async () => (await suppressions(p.keys.agent)).find((s) => s.reason === 'bounced' && s.maskedAddress === 'b***@example.se'));
    const days = (Date.parse(listed.until!) - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(JSON.stringify(await suppressions())).not.toContain(email);
    await request(p.urls.notifications!).get('/v1/suppressions').expect(401);

    // Within the period even the answer is not tried: the address refused mail.
    await answer(inq.id, 'Vi byter lampan i morgon.');
    await waitFor('the answer suppressed', async () => (await deliveries(inq.id)).some((d) => d.trigger === 'answer' && d.status === 'suppressed'));

    // The period has passed (moved back here rather than waited for) and the mailbox works again.
    refusing.delete(email);
    await db.query(`UPDATE notifications.suppressions SET until = now() - interval '1 minute' WHERE reason = 'bounced' AND masked_address = 'b***@example.se'`);
    expect((await suppressions()).some((s) => s.maskedAddress === 'b***@example.se')).toBe(false);
    const later = await post(email, 'Lampan blinkar fortfarande.');
    await mailsTo(email, 1);
    await answer(later.id, `Vi har skickat en elektriker (${randomUUID().slice(0, 8)}).`);
    await mailsTo(email, 2);
  });
});

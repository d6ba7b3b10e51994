// What a citizen hears when they write in, read from a real SMTP server: intake and routing run
// for real, so the receipt, routing's decision and the status update race as in production.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { EventTypes } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { EventBus, SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

describe('citizen messages', () => {
  let p: TestPlatform;
  let smtp: SmtpSink;
  let bus: EventBus;
  let db: Client;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    p = await startPlatform(['intake', 'routing', 'notifications'], {
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_DISPATCH_POLL_MS: '100',
      NOTIFICATIONS_STATUS_WINDOW_SECONDS: '600',
    });
    bus = await EventBus.open(p);
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await p?.close();
    await smtp?.stop();
  });

  const post = async (body: Record<string, unknown>) =>
    (await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', ...body }).expect(202)).body;
  const mailsTo = (address: string, n: number) =>
    waitFor(`${n} mail(s) to ${address}`, () => (smtp.to(address).length >= n ? smtp.to(address) : undefined), 15000);
  /** Lets the dispatcher send anything else it might (wrongly) send. */
  const settle = () => new Promise((r) => setTimeout(r, 800));
  /** Notifications has taken routing's decision for the inquiry (its recipient was moved to the owner). */
  const ownerSeen = (inquiryId: string) => waitFor('notifications to see the routing decision', async () =>
    (await db.query(`SELECT department FROM notifications.recipients WHERE inquiry_id = $1`, [inquiryId])).rows[0]?.department ?? undefined, 15000);
  /** The citizen heard from us an hour ago: the status window has passed. */
  const windowPassed = (inquiryId: string) =>
    db.query(`UPDATE notifications.recipients SET last_status_at = now() - interval '1 hour' WHERE inquiry_id = $1`, [inquiryId]);

  it('a first-line question gets the receipt and nothing else, though it was routed to the contact center at once', async () => {
    const email = 'bibliotek@example.se';
    const inq = await post({ body: 'Vilka öppettider har biblioteket på lördagar?', language: 'sv', citizen: { email, notify: true } });
    expect(await ownerSeen(inq.id)).toBe('kontaktcenter');
    const [receipt] = await mailsTo(email, 1);
    expect(receipt.subject).toContain('Vi har tagit emot ditt ärende');
    await settle();
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('an inquiry forwarded to a department within the receipt\'s window gets only the receipt', async () => {
    const email = 'gatlampa@example.se';
    const inq = await post({ body: 'Gatlampan utanför Storgatan 12 är trasig och blinkar hela natten.', language: 'sv', citizen: { email, notify: true } });
    expect(await ownerSeen(inq.id)).not.toBe('kontaktcenter');
    await mailsTo(email, 1);
    await settle();
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('after the window, a status update tells only news, in words that match it', async () => {
    const email = 'returned@example.se';
    const inq = await post({ body: 'Gatlampan på Skolgatan 3 lyser inte.', language: 'en', citizen: { email, notify: true } });
    const department = await ownerSeen(inq.id);
    expect(department).not.toBe('kontaktcenter');
    await mailsTo(email, 1);
    await windowPassed(inq.id);
    // Handed on within the department the citizen never heard of: to them, it was forwarded there.
    await bus.publish(EventTypes.InquiryTransferred, { inquiryId: inq.id, fromDepartment: department, toDepartment: department, reason: 'another caseworker' });
    const forwarded = (await mailsTo(email, 2)).find((m) => m.subject.startsWith('Update on your inquiry'))!;
    expect(forwarded.text).toContain('New status: Forwarded to the responsible department');
    expect(forwarded.text).not.toContain('another department');
    await windowPassed(inq.id);
    // Handed on again within it: nothing new. Handed back to the contact center: news, said as such.
    await bus.publish(EventTypes.InquiryTransferred, { inquiryId: inq.id, fromDepartment: department, toDepartment: department, reason: 'back again' });
    await bus.publish(EventTypes.InquiryTransferred, { inquiryId: inq.id, fromDepartment: department, toDepartment: 'kontaktcenter', reason: 'first-line question' });
    const returned = (await mailsTo(email, 3)).filter((m) => m.subject.startsWith('Update on your inquiry')).find((m) => m !== forwarded)!;
    expect(returned.text).toContain('New status: Back with the contact centre');
    expect(returned.text).not.toContain('responsible department');
    await settle();
    expect(smtp.to(email)).toHaveLength(3);
  });

  it('routing\'s decision arriving before the receipt is named in the receipt, and no update follows', async () => {
    const email = 'early@example.se';
    const inquiryId = randomUUID();
    const reference = `KC-2026-9${inquiryId.slice(0, 5)}`;
    await bus.publish(EventTypes.InquiryRouted, {
      inquiryId, reference, department: 'gata_park', departmentName: 'Gata och park', queue: 'department', priority: 3, urgent: false, reasons: ['keyword: gatlampa'],
    });
    await waitFor('the early decision to wait for its inquiry', async () => (await db.query(`SELECT 1 FROM notifications.deferred_triggers WHERE inquiry_id = $1`, [inquiryId])).rowCount);
    await bus.publish(EventTypes.InquiryReceived, {
      inquiryId, reference, channel: 'web', body: 'Gatlampan är trasig.', language: 'sv', languageDetected: false, sensitive: false,
      receivedAt: new Date().toISOString(), citizen: { email, notify: true },
    });
    const [receipt] = await mailsTo(email, 1);
    expect(receipt.text).toContain('Ditt ärende handläggs av Gata och park.');
    await settle();
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('a public staff message reaches the citizen once, in their language; an internal note and the citizen\'s own message never do', async () => {
    const email = 'message@example.com';
    const inq = await post({ body: 'When is the library open on Saturdays?', language: 'en', citizen: { email, notify: false } });
    await mailsTo(email, 1);
    const add = (key: string | undefined, body: Record<string, unknown>, token?: string) => {
      const r = request(p.urls.intake!).post(`/v1/inquiries/${inq.id}/messages${token ? `?token=${token}` : ''}`);
      return (key ? r.set('x-api-key', key) : r).send(body).expect(201);
    };
    await add(p.keys.agent, { body: 'Internal: check the new summer hours first.', visibility: 'internal' });
    await add(undefined, { body: 'Also, is it open on Sundays?' }, inq.trackingToken);
    await add(p.keys.agent, { body: 'The library is open 10–14 on Saturdays.\nWelcome!', visibility: 'public' });
    const mails = await mailsTo(email, 2);
    const message = mails.find((m) => m.subject.includes('New message about your inquiry'))!;
    expect(message.subject).toContain(inq.reference);
    expect(message.text).toContain('The library is open 10–14 on Saturdays.');
    expect(message.html).toContain('<html lang="en" dir="ltr">');
    // Written by a person: not marked as an automatic message.
    expect(message.mail.headers.get('auto-submitted')).toBeUndefined();
    await settle();
    expect(smtp.to(email)).toHaveLength(2);
    for (const m of smtp.to(email)) {
      expect(m.text).not.toContain('Internal: check');
      expect(m.text).not.toContain('open on Sundays');
    }
  });
});

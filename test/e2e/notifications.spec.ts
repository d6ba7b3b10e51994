// Notifications end to end on the real servers: intake publishes inquiry.received, routing's
// events are published by the test through the broker, mail arrives at a real SMTP server, and
// survey answers reach reporting.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import request from 'supertest';
import { EventTypes } from '@lotsen/contracts';
import { setLogSink } from '@lotsen/platform';
import { waitFor } from '@lotsen/testing';
import { EventBus, ReceivedMail, SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';


/** Mails may arrive in any order (the dispatcher sends in parallel): pick by content, not position. */
const RECEIPT = /tagit emot ditt ärende|received your inquiry|لقد استلمنا|vastaanottaneet/;
const notReceipt = <T extends { subject: string }>(mails: T[]): T => mails.find((m) => !RECEIPT.test(m.subject))!;
const withText = <T extends { text: string }>(mails: T[], re: RegExp): T => mails.find((m) => re.test(m.text))!;

describe('notifications end to end', () => {
  let p: TestPlatform;
  let smtp: SmtpSink;
  let bus: EventBus;
  let db: Client;
  let smsDir: string;
  const logs: string[] = [];
  const trackingTokens: string[] = [];

  beforeAll(async () => {
    smsDir = await mkdtemp(path.join(os.tmpdir(), 'lotsen-sms-'));
    smtp = new SmtpSink({ rejectRecipient: (a) => (a.startsWith('nobody@') ? 550 : undefined) });
    await smtp.start();
    setLogSink({ write: (line: string) => logs.push(line) });
    p = await startPlatform(['intake', 'notifications', 'reporting'], {
      LOG_LEVEL: 'info',
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_DISPATCH_POLL_MS: '100',
      NOTIFICATIONS_RETRY_BASE_MS: '200',
      NOTIFICATIONS_STATUS_WINDOW_SECONDS: '600',
      CITIZEN_BASE_URL: 'https://medborgare.demo.example',
      NOTIFICATIONS_PUBLIC_URL: 'https://notiser.demo.example',
      NOTIFICATIONS_SMS_URL: pathToFileURL(smsDir).toString(),
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
    setLogSink(undefined);
    await rm(smsDir, { recursive: true, force: true });
  });

  const post = async (body: Record<string, unknown>) => {
    const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', ...body }).expect(202);
    trackingTokens.push(res.body.trackingToken);
    return res;
  };

  const mailsTo = (address: string, n: number, what = `${n} mail(s) to ${address}`) =>
    waitFor(what, () => (smtp.to(address).length >= n ? smtp.to(address) : undefined), 15000);

  /** Lets the dispatcher finish anything else it might (wrongly) send. */
  const settle = () => new Promise((r) => setTimeout(r, 600));

  const deliveries = async (inquiryId: string) =>
    (await db.query(`SELECT * FROM notifications.deliveries WHERE inquiry_id = $1 ORDER BY created_at`, [inquiryId])).rows;

  it('sends exactly one receipt in the citizen\'s language (sv, en, ar)', async () => {
    const cases = [
      { lang: 'sv', email: 'anna@example.se', body: 'Gatlampan på Storgatan 12 är trasig sedan i måndags.', words: 'Vi har tagit emot ditt ärende', dir: 'ltr' },
      { lang: 'en', email: 'john@example.com', body: 'The street light outside number 12 has been broken since Monday.', words: 'We have received your inquiry', dir: 'ltr' },
      { lang: 'ar', email: 'layla@example.net', body: 'مصباح الشارع أمام المنزل رقم 12 معطل منذ يوم الاثنين.', words: 'لقد استلمنا طلبك', dir: 'rtl' },
    ];
    const accepted = [];
    for (const c of cases) {
      const res = await post({ body: c.body, language: c.lang, citizen: { name: 'Testperson', email: c.email } });
      accepted.push({ ...c, ...res.body });
    }
    for (const c of accepted) {
      const [mail] = await mailsTo(c.email, 1);
      expect(mail.subject).toContain(c.words);
      expect(mail.subject).toContain(c.reference);
      expect(mail.html).toContain(`<html lang="${c.lang}" dir="${c.dir}">`);
      expect(mail.text).toContain(`https://medborgare.demo.example/arende?reference=${c.reference}&token=${c.trackingToken}`);
      expect(mail.messageId).toMatch(/^<notif-[0-9a-f-]{36}@demo\.lotsen\.se>$/);
      expect(mail.mail.from?.value[0]).toEqual({ name: 'Demo kommun', address: 'kontakt@demo.lotsen.se' });
      // Replies reach intake's mail listener tagged with the case.
      expect(mail.mail.replyTo?.value[0].address).toBe(`kontakt+${c.reference}@demo.lotsen.se`);
      expect(mail.mail.headers.get('x-lotsen-loop')).toBe('demo');
      expect(mail.mail.headers.get('auto-submitted')).toBe('auto-generated');
      expect(mail.mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n/g, '')).toMatch(/^List-Unsubscribe:\s*<https:\/\/notiser\.demo\.example\/v1\/opt-out\/[\w.-]+>$/);
    }
    await settle();
    for (const c of accepted) expect(smtp.to(c.email)).toHaveLength(1);

    const [row] = await deliveries(accepted[0].id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, trigger: 'receipt', channel: 'email', language: 'sv' });
    // Planned claimed for this instance's dispatcher, in the same transaction: no claim round.
    expect(row.claimed_at).toEqual(row.created_at);
    // notification.sent went out through the outbox and reached reporting.
    const sent = await waitFor('notification.sent in reporting', async () =>
      (await db.query(`SELECT envelope FROM reporting.events WHERE type = 'notification.sent' AND envelope->'payload'->>'deliveryId' = $1`, [row.id])).rows[0]);
    expect(sent.envelope.payload).toMatchObject({ trigger: 'receipt', channel: 'email', language: 'sv', messageId: `<notif-${row.id}@demo.lotsen.se>` });
  });

  it('answers, then sends a survey whose answer reaches reporting', async () => {
    const email = 'sara@example.se';
    const { body: inq } = await post({ body: 'När töms soptunnorna i Västra parken?', language: 'sv', citizen: { email } });
    await mailsTo(email, 1);

    await bus.publish(EventTypes.InquiryAnswered, {
      inquiryId: inq.id, reference: inq.reference, answer: 'Soptunnorna töms varje tisdag.\n<b>Välkommen åter!</b>',
      answeredBy: 'demo-agent', department: 'kontaktcenter', byContactCenter: true,
    });
    const answer = notReceipt(await mailsTo(email, 2));
    expect(answer.subject).toContain(`Svar på ditt ärende ${inq.reference}`);
    expect(answer.text).toContain('Soptunnorna töms varje tisdag.');
    expect(answer.html).toContain('&lt;b&gt;Välkommen åter!&lt;/b&gt;');
    expect(answer.mail.headers.get('auto-submitted')).toBeUndefined();

    await bus.publish(EventTypes.InquiryResolved, {
      inquiryId: inq.id, department: 'vatten_avfall', resolutionCode: 'answered', resolvedAtFirstContact: false, byContactCenter: true,
    });
    const invitation = withText(await mailsTo(email, 3), /\/surveys\//);
    const link = /https:\/\/notiser\.demo\.example\/surveys\/([A-Za-z0-9_-]+)/.exec(invitation.text);
    expect(link).toBeTruthy();
    const token = link![1];

    // The page: in the citizen's language, a labelled radio group, nothing external.
    const page = await request(p.urls.notifications!).get(`/surveys/${token}`).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="sv" dir="ltr">');
    expect(page.text).toMatch(/<fieldset>\s*<legend>/);
    for (let v = 1; v <= 5; v++) expect(page.text).toContain(`<input type="radio" id="score-${v}" name="score" value="${v}" required><label for="score-${v}">`);
    expect(page.text).not.toMatch(/(src|href)="https?:/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");

    await request(p.urls.notifications!).post(`/v1/surveys/${token}`).send({ score: 6 }).expect(400);
    await request(p.urls.notifications!).post(`/v1/surveys/${token}`).send({ score: 4, comment: 'Snabbt svar, tack!' }).expect(201);
    const again = await request(p.urls.notifications!).post(`/v1/surveys/${token}`).send({ score: 1 }).expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(p.urls.notifications!).post(`/v1/surveys/not-a-real-survey-token-xyz`).send({ score: 3 }).expect(404);

    const row = await waitFor('survey.answered in reporting', async () =>
      (await db.query(`SELECT envelope FROM reporting.events WHERE type = 'survey.answered' AND envelope->'payload'->>'inquiryId' = $1`, [inq.id])).rows[0]);
    expect(row.envelope.payload).toMatchObject({ score: 4, department: 'vatten_avfall', channel: 'web' });
    expect(row.envelope.tenantId).toBe('demo');
  });

  it('the survey page posts to the same rules and escapes what it shows', async () => {
    const email = 'form@example.se';
    const { body: inq } = await post({ body: 'Hur ansöker jag om bygglov för ett garage?', language: 'ar', citizen: { email } });
    await bus.publish(EventTypes.InquiryResolved, {
      inquiryId: inq.id, department: 'samhallsbyggnad', resolutionCode: 'answered', resolvedAtFirstContact: false, byContactCenter: false,
    });
    const invitation = withText(await mailsTo(email, 2), /\/surveys\//);
    const token = /\/surveys\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1];
    const page = await request(p.urls.notifications!).get(`/surveys/${token}`).expect(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');

    const bad = await request(p.urls.notifications!).post(`/surveys/${token}`).type('form').send({ comment: '<script>alert(1)</script>' }).expect(422);
    expect(bad.text).toContain('role="alert"');
    expect(bad.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(bad.text).not.toContain('<script>');
    await request(p.urls.notifications!).post(`/surveys/${token}`).type('form').send({ score: '5', comment: 'ممتاز' }).expect(200);
    await request(p.urls.notifications!).post(`/surveys/${token}`).type('form').send({ score: '2' }).expect(409);
    await request(p.urls.notifications!).post(`/v1/surveys/${token}`).send({ score: 2 }).expect(409);
  });

  it('sends at most one status update per window, and none when the citizen did not ask for updates', async () => {
    const wants = 'updates@example.se';
    const quiet = 'quiet@example.se';
    const { body: a } = await post({ body: 'Det luktar avlopp vid badplatsen.', language: 'sv', citizen: { email: wants, notify: true } });
    const { body: b } = await post({ body: 'Det luktar avlopp vid hamnen.', language: 'sv', citizen: { email: quiet, notify: false } });
    await mailsTo(wants, 1);
    await mailsTo(quiet, 1); // the receipt is sent even with notify=false
    // The receipts went out an hour ago: their status window has passed.
    await db.query(`UPDATE notifications.recipients SET last_status_at = now() - interval '1 hour' WHERE inquiry_id = ANY($1)`, [[a.id, b.id]]);
    for (const inq of [a, b]) {
      await bus.publish(EventTypes.InquiryRouted, {
        inquiryId: inq.id, reference: inq.reference, department: 'vatten_avfall', departmentName: 'Vatten och avfall', queue: 'department',
        priority: 3, urgent: false, reasons: ['keyword: avlopp'],
      });
      await bus.publish(EventTypes.InquiryAssigned, { inquiryId: inq.id, agentId: 'agent-7', department: 'vatten_avfall' });
      await bus.publish(EventTypes.InquiryTransferred, { inquiryId: inq.id, fromDepartment: 'vatten_avfall', toDepartment: 'miljo', reason: 'miljöfråga' });
    }
    const update = notReceipt(await mailsTo(wants, 2));
    expect(update.subject).toContain(`Nytt om ditt ärende ${a.reference}`);
    await settle();
    expect(smtp.to(wants)).toHaveLength(2);
    expect(smtp.to(quiet)).toHaveLength(1);
  });

  it('a redelivered event has no second effect', async () => {
    const email = 'twice@example.se';
    const { body: inq } = await post({ body: 'Parkbänken är trasig.', language: 'sv', citizen: { email } });
    await mailsTo(email, 1);
    const id = randomUUID();
    const payload = { inquiryId: inq.id, answer: 'Vi lagar bänken i veckan.', answeredBy: 'demo-agent', department: 'gata_park', byContactCenter: false };
    await bus.publish(EventTypes.InquiryAnswered, payload, { id });
    await bus.publish(EventTypes.InquiryAnswered, payload, { id });
    await mailsTo(email, 2);
    await settle();
    expect(smtp.to(email)).toHaveLength(2);
  });

  it('parks a malformed event and keeps working', async () => {
    const parked = `${bus.names.queue('notifications', 'triggers')}.parked`;
    const before = await bus.count(parked);
    await bus.raw(EventTypes.InquiryAnswered, Buffer.from('{"this is": "not an event"'));
    await bus.publish(EventTypes.InquiryAnswered, { inquiryId: 'not-a-uuid', answer: 'x' });
    await waitFor('two parked messages', async () => (await bus.count(parked)) >= before + 2);

    const email = 'after-poison@example.se';
    await post({ body: 'Fungerar det fortfarande?', language: 'sv', citizen: { email } });
    await mailsTo(email, 1);
  });

  it('falls back to Swedish for a language without templates', async () => {
    const email = 'deutsch@example.de';
    await post({ body: 'Die Straßenlaterne ist kaputt.', language: 'sv', citizen: { email, preferredLanguage: 'de' } });
    const [mail] = await mailsTo(email, 1);
    expect(mail.subject).toContain('Vi har tagit emot ditt ärende');
    expect(mail.html).toContain('<html lang="sv" dir="ltr">');
  });

  it('a permanent refusal (550) fails at once, is reported, and the address gets nothing more while it is suppressed', async () => {
    const email = 'nobody@example.se';
    const { body: inq } = await post({ body: 'Hej, en fråga om bygglov.', language: 'sv', citizen: { email } });
    const failed = await waitFor('the receipt to fail', async () => (await deliveries(inq.id)).find((d) => d.status === 'failed'));
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/^550/);
    expect(failed.last_error).not.toContain(email);
    await waitFor('notification.failed in reporting', async () =>
      (await db.query(`SELECT 1 FROM reporting.events WHERE type = 'notification.failed' AND envelope->'payload'->>'deliveryId' = $1`, [failed.id])).rowCount);

    await bus.publish(EventTypes.InquiryAnswered, { inquiryId: inq.id, answer: 'Svar.', answeredBy: 'demo-agent', department: 'samhallsbyggnad', byContactCenter: false });
    const suppressed = await waitFor('the answer to be suppressed', async () => (await deliveries(inq.id)).find((d) => d.trigger === 'answer'));
    expect(suppressed.status).toBe('suppressed');
    await settle();
    expect((await deliveries(inq.id)).map((d) => d.attempts)).toEqual([1, 0]);
  });

  it('the opt-out link stops automated messages, not the answer the citizen asked for', async () => {
    const email = 'optout@example.se';
    const { body: inq } = await post({ body: 'Snöröjningen har missat vår gata.', language: 'en', citizen: { email } });
    const [receipt] = await mailsTo(email, 1);
    const link = /https:\/\/notiser\.demo\.example(\/v1\/opt-out\/[A-Za-z0-9._-]+)/.exec(receipt.text)![1];
    expect(link).not.toContain('optout');

    const page = await request(p.urls.notifications!).get(link).expect(200);
    expect(page.text).toContain('<html lang="en" dir="ltr">');
    expect(page.text).toContain(`<form method="post" action="${link}">`);
    // A GET alone (a mail scanner following the link) changes nothing.
    await request(p.urls.notifications!).post(link).type('form').send({ 'List-Unsubscribe': 'One-Click' }).expect(200);
    await request(p.urls.notifications!).post(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))).expect(404);

    await bus.publish(EventTypes.InquiryAnswered, { inquiryId: inq.id, answer: 'We will clear it today.', answeredBy: 'demo-agent', department: 'gata_park', byContactCenter: false });
    await bus.publish(EventTypes.InquiryResolved, { inquiryId: inq.id, department: 'gata_park', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false });
    await waitFor('the survey invitation to be logged as suppressed', async () => (await deliveries(inq.id)).some((d) => d.trigger === 'survey_invitation' && d.status === 'suppressed'));
    expect(withText(await mailsTo(email, 2), /We will clear it today/)).toBeDefined();
    await settle();
    expect(smtp.to(email)).toHaveLength(2);
  });

  it('rejects a template with bad syntax on save, with the line at fault, and uses a good one', async () => {
    const admin = p.keys.admin;
    const api = request(p.urls.notifications!);
    const bad = await api.put('/v1/templates/receipt/sv').set('x-api-key', admin)
      .send({ subject: 'Ärende {{reference}}', text: 'Hej!\n\nDitt ärende {{reference}}\n{{#if trackingUrl}}\nFölj det: {{trackingUrl}}\n', html: '<p>{{reference}}</p>' })
      .expect(422);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body).toMatchObject({ status: 422, part: 'text', line: 4 });
    const unknown = await api.put('/v1/templates/receipt/sv').set('x-api-key', admin)
      .send({ subject: 'Ärende {{referens}}', text: 'x', html: 'y' }).expect(422);
    expect(unknown.body).toMatchObject({ part: 'subject', line: 1 });
    await api.put('/v1/templates/receipt/sv').set('x-api-key', admin).send({ subject: 'x' }).expect(400);
    await api.put('/v1/templates/nonsense/sv').set('x-api-key', admin).send({ subject: 'x', text: 'y', html: 'z' }).expect(404);
    await api.put('/v1/templates/receipt/sv').set('x-api-key', p.keys.agent).send({ subject: 'x', text: 'y', html: 'z' }).expect(403);

    const preview = await api.post('/v1/templates/receipt/fi/preview').set('x-api-key', p.keys.supervisor).send({}).expect(200);
    expect(preview.body).toMatchObject({ language: 'fi', source: 'default' });
    expect(preview.body.subject).toContain('KC-2026-000123');
    const badPreview = await api.post('/v1/templates/receipt/sv/preview').set('x-api-key', admin).send({ subject: 'a', text: 'b', html: '{{#unless x}}' }).expect(422);
    expect(badPreview.body).toMatchObject({ part: 'html', line: 1 });

    await api.put('/v1/templates/receipt/en').set('x-api-key', admin)
      .send({ subject: 'Thanks from {{tenantName}}', text: 'Your reference: {{reference}}', html: '<p>Your reference: {{reference}}</p>' })
      .expect(200);
    const email = 'override@example.com';
    const { body: inq } = await post({ body: 'Where do I pay my water bill?', language: 'en', citizen: { email } });
    const [mail] = await mailsTo(email, 1);
    expect(mail.subject).toBe(`Thanks from Demo kommun [${inq.reference}]`);
    expect(mail.text.trim()).toBe(`Your reference: ${inq.reference}`);
    await api.delete('/v1/templates/receipt/en').set('x-api-key', admin).expect(204);
  });

  it('shows staff the delivery log of their own tenant only, addresses masked', async () => {
    const email = 'logged@example.se';
    const { body: inq } = await post({ body: 'Fråga om förskoleplats.', language: 'sv', citizen: { email } });
    await mailsTo(email, 1);
    const log = await waitFor('a sent delivery in the log', async () => {
      const r = await request(p.urls.notifications!).get(`/v1/deliveries?inquiryId=${inq.id}`).set('x-api-key', p.keys.agent).expect(200);
      return r.body.items[0]?.status === 'sent' ? r.body : undefined;
    });
    expect(log.items[0]).toMatchObject({ trigger: 'receipt', channel: 'email', recipient: 'l***@example.se', attempts: 1, language: 'sv' });
    expect(log.items[0].providerResponse).toMatch(/^250/);
    expect(JSON.stringify(log)).not.toContain(email);

    await request(p.urls.notifications!).get(`/v1/deliveries?inquiryId=nope`).set('x-api-key', p.keys.agent).expect(400);
    await request(p.urls.notifications!).get(`/v1/deliveries?inquiryId=${inq.id}`).expect(401);
    // Another tenant's staff key sees nothing of this inquiry.
    const otherKey = `lk_${randomUUID().replace(/-/g, '')}`;
    const { hashApiKey } = await import('@lotsen/platform');
    await db.query(`INSERT INTO notifications.api_keys (id, tenant_id, key_hash, label, role) VALUES ($1, 'other', $2, 'other admin', 'admin')`, [randomUUID(), hashApiKey(otherKey)]);
    const other = await request(p.urls.notifications!).get(`/v1/deliveries?inquiryId=${inq.id}`).set('x-api-key', otherKey).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('apologises for a missed SLA (the demo tenant enables it), with a new date', async () => {
    const email = 'late@example.com';
    const { body: inq } = await post({ body: 'My building permit application is taking long.', language: 'en', citizen: { email } });
    await bus.publish(EventTypes.SlaBreached, { inquiryId: inq.id, clock: 'resolution', dueAt: '2026-11-20T16:00:00Z', department: 'samhallsbyggnad' });
    const apology = notReceipt(await mailsTo(email, 2));
    expect(apology.subject).toBe(`Your inquiry ${inq.reference} is taking longer than planned`);
    expect(apology.text).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
  });

  it('texts a citizen who gave only a phone number (SMS provider in file mode)', async () => {
    const { body: inq } = await post({ body: 'Vattnet är avstängt på Ringvägen.', language: 'sv', citizen: { phone: '070-123 45 67' } });
    const file = await waitFor('an SMS file', async () => (await readdir(smsDir)).find((f) => f.endsWith('.txt')));
    const sms = await readFile(path.join(smsDir, file), 'utf8');
    expect(sms).toContain('To: +46701234567');
    expect(sms).toContain('From: DemoKommun');
    expect(sms).toContain(inq.reference);
    const row = await waitFor('the SMS delivery to be sent', async () => (await deliveries(inq.id)).find((d) => d.status === 'sent'));
    expect(row).toMatchObject({ channel: 'sms', trigger: 'receipt' });
  });

  it('logged what it sent without addresses or tracking tokens', () => {
    const ours = logs.filter((l) => l.includes('"context":"Dispatcher"') && l.includes('sent receipt'));
    expect(ours.length).toBeGreaterThan(5);
    expect(ours[0]).toMatch(/to [a-z]\*\*\*@example\.[a-z]+/);
    const all = logs.join('\n');
    for (const t of trackingTokens) expect(all).not.toContain(t);
    expect(all).not.toMatch(/[a-z0-9.-]+@example\.(se|com|net|de)/);
  });
});

export type { ReceivedMail };

// Inbound e-mail end to end over real SMTP conversations: nodemailer sends to intake's listener,
// notifications sends the receipt and the answer to a real SMTP server, and the citizen's reply
// to that answer threads back to the same inquiry.
import { Client } from 'pg';
import nodemailer, { SendMailOptions } from 'nodemailer';
import { EventTypes } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { SmtpListener } from '../../apps/intake/src/email/smtp-listener';
import { deliveryIdInMessageId } from '../../apps/intake/src/email/threading';
import { EventBus, SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';
import { EventTap } from '../support/tap';

describe('e-mail in: SMTP listener, receipts and threading', () => {
  let p: TestPlatform;
  let sink: SmtpSink;
  let bus: EventBus;
  let db: Client;
  let tap: EventTap;
  let smtpPort: number;

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.start();
    p = await startPlatform(['intake', 'notifications'], {
      INTAKE_SMTP_PORT: '0',
      NOTIFICATIONS_SMTP_URL: sink.url,
      NOTIFICATIONS_DISPATCH_POLL_MS: '100',
      NOTIFICATIONS_RETRY_BASE_MS: '200',
    });
    smtpPort = p.apps.intake!.get(SmtpListener).port;
    bus = await EventBus.open(p);
    tap = await new EventTap(p.env, [EventTypes.InquiryMessageAdded, EventTypes.InquiryReceived], 'test.mailtap').start();
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  }, 60000);
  afterAll(async () => {
    await tap?.stop();
    await bus?.close();
    await db?.end();
    await p?.close();
    await sink?.stop();
  });

  const send = (mail: SendMailOptions) => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, allowInternalNetworkInterfaces: true } as never);
    return t.sendMail(mail).finally(() => t.close());
  };
  const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;
  const counts = async () => ({
    inquiries: await count(`SELECT count(*)::int AS n FROM intake.inquiries`),
    messages: await count(`SELECT count(*)::int AS n FROM intake.inquiry_messages`),
    emails: await count(`SELECT count(*)::int AS n FROM intake.email_messages`),
  });

  let inquiry: { id: string; reference: string };
  let answerMessageId: string;

  it('registers a mail as an inquiry (channel email, citizen = From) and notifications sends the receipt', async () => {
    const info = await send({
      from: 'Anna Andersson <anna@example.se>',
      to: 'kontakt@demo.lotsen.se',
      subject: 'Trasig gatlampa på Storgatan',
      text: 'Hej!\n\nGatlampan utanför Storgatan 12 har varit släckt i en vecka.\n\nHälsningar Anna',
      messageId: '<first-mail-1@example.se>',
    });
    expect(info.response).toMatch(/^250 .*Registered as KC-\d{4}-\d{6}/);
    const { rows } = await db.query(`SELECT id, reference, channel, subject, body, language, citizen, external_id FROM intake.inquiries WHERE channel = 'email'`);
    expect(rows).toHaveLength(1);
    inquiry = rows[0];
    expect(rows[0]).toMatchObject({ channel: 'email', subject: 'Trasig gatlampa på Storgatan', language: 'sv', external_id: '<first-mail-1@example.se>' });
    expect(rows[0].body).toContain('Gatlampan utanför Storgatan 12');
    expect(rows[0].citizen).toMatchObject({ name: 'Anna Andersson', email: 'anna@example.se', notify: true });
    const record = (await db.query(`SELECT message_id, envelope_from, envelope_to, from_address, subject, size_bytes FROM intake.email_messages WHERE inquiry_id = $1`, [inquiry.id])).rows;
    expect(record).toEqual([expect.objectContaining({ message_id: '<first-mail-1@example.se>', envelope_from: 'anna@example.se', envelope_to: ['kontakt@demo.lotsen.se'], from_address: 'anna@example.se' })]);

    const receipts = await waitFor('the receipt', () => (sink.to('anna@example.se').length >= 1 ? sink.to('anna@example.se') : undefined), 20000);
    expect(receipts[0].subject).toContain(inquiry.reference);
  });

  it("threads the citizen's reply to the answer (In-Reply-To) onto the same inquiry, without the quoted answer", async () => {
    await bus.publish(EventTypes.InquiryAnswered, {
      inquiryId: inquiry.id, reference: inquiry.reference, answer: 'Tack för din anmälan. Lampan byts under veckan.',
      answeredBy: 'demo-agent', department: 'gata_park', byContactCenter: false,
    });
    const answer = await waitFor('the answer mail', () => sink.to('anna@example.se').find((m) => m.text.includes('Lampan byts under veckan')), 20000);
    answerMessageId = answer.messageId;
    // Intake learns what was sent from notification.sent.
    const deliveryId = deliveryIdInMessageId(answerMessageId);
    expect(deliveryId).toBeDefined();
    await waitFor('intake to learn the outgoing message', async () => (await count(`SELECT count(*)::int AS n FROM intake.outgoing_messages WHERE delivery_id = $1 AND inquiry_id = $2`, [deliveryId, inquiry.id])) === 1, 20000);
    const before = await counts();

    const info = await send({
      from: 'Anna Andersson <anna@example.se>',
      to: 'kontakt@demo.lotsen.se',
      subject: 'SV: tack', // no reference: only the header can thread it
      inReplyTo: answerMessageId,
      references: [answerMessageId],
      text: 'Tack! Men det är mörkt även vid nummer 14.\n\nDen 2 mars 2026 skrev Demo kommun <kontakt@demo.lotsen.se>:\n> Tack för din anmälan. Lampan byts under veckan.',
    });
    expect(info.response).toMatch(/^250 /);
    const after = await counts();
    expect(after).toEqual({ inquiries: before.inquiries, messages: before.messages + 1, emails: before.emails + 1 });
    const { rows } = await db.query(
      `SELECT m.author, m.visibility, m.channel, m.body, e.threaded_by FROM intake.inquiry_messages m
       JOIN intake.email_messages e ON e.thread_message_id = m.id WHERE m.inquiry_id = $1`,
      [inquiry.id],
    );
    expect(rows).toEqual([{ author: 'citizen', visibility: 'public', channel: 'email', body: 'Tack! Men det är mörkt även vid nummer 14.', threaded_by: 'in-reply-to' }]);
    // inquiry.message.added went out for routing (which reopens a resolved case).
    await waitFor('message.added', async () => tap.ids.length >= 2, 15000);
  });

  it('threads by [reference] in the subject and by plus addressing, on a resolved case too', async () => {
    await bus.publish(EventTypes.InquiryResolved, {
      inquiryId: inquiry.id, department: 'gata_park', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false,
    });
    await waitFor('intake to show it resolved', async () => (await db.query(`SELECT status FROM intake.inquiries WHERE id = $1`, [inquiry.id])).rows[0].status === 'resolved', 15000);
    const before = await counts();
    await send({ from: 'anna@example.se', to: 'kontakt@demo.lotsen.se', subject: `Angående [${inquiry.reference}]`, text: 'Lampan lyser fortfarande inte.' });
    await send({ from: 'anna@example.se', to: `kontakt+${inquiry.reference}@demo.lotsen.se`, subject: 'En sak till', text: 'Även stolpen lutar.' });
    expect(await counts()).toEqual({ inquiries: before.inquiries, messages: before.messages + 2, emails: before.emails + 2 });
    const by = (await db.query(`SELECT threaded_by FROM intake.email_messages WHERE inquiry_id = $1 ORDER BY received_at`, [inquiry.id])).rows.map((r) => r.threaded_by);
    expect(by.slice(-2)).toEqual(['subject', 'plus-address']);
    await waitFor('message.added for both', async () => tap.ids.length >= 4, 15000);
  });

  it('registers auto-replies and bounces (by header) and creates nothing; an out-of-office subject alone is a person, flagged', async () => {
    const before = await counts();
    const infos = await Promise.all([
      send({ from: 'anna@example.se', to: 'kontakt@demo.lotsen.se', subject: 'Re: ditt ärende', inReplyTo: answerMessageId, headers: { 'Auto-Submitted': 'auto-replied' }, text: 'I am away.' }),
      send({ from: 'c@example.se', to: 'kontakt@demo.lotsen.se', subject: 'Semester', headers: { Precedence: 'bulk' }, text: 'Nyhetsbrev' }),
      send({ envelope: { from: '', to: ['kontakt@demo.lotsen.se'] }, from: 'MAILER-DAEMON@mx.example.se', to: 'kontakt@demo.lotsen.se', subject: 'Undelivered Mail Returned to Sender', text: 'The mail could not be delivered.' }),
    ]);
    for (const info of infos) expect(info.response).toMatch(/^250 2\.0\.0 OK/);
    expect(await counts()).toEqual({ ...before, emails: before.emails + 3 });
    const registered = (await db.query(`SELECT disposition FROM intake.email_messages WHERE inquiry_id IS NULL ORDER BY disposition`)).rows.map((r) => r.disposition);
    expect(registered).toEqual(['auto-reply', 'auto-reply', 'bounce']);

    const flagged = await send({ from: 'b@example.se', to: 'kontakt@demo.lotsen.se', subject: 'Out of Office: Answer to your inquiry', text: 'I am out of the office until Monday.' });
    expect(flagged.response).toMatch(/Registered as/);
    const { rows } = await db.query(`SELECT possible_auto_reply, disposition FROM intake.email_messages WHERE from_address = 'b@example.se'`);
    expect(rows).toEqual([{ possible_auto_reply: true, disposition: 'inquiry' }]);
    // The person gets a receipt; no receipt ever goes to an automatic sender.
    await waitFor('the receipt to b', () => sink.to('b@example.se').length === 1, 20000);
    expect(sink.to('c@example.se')).toHaveLength(0);
    expect(sink.received.filter((m) => m.to.some((t) => /mailer-daemon/i.test(t)))).toHaveLength(0);
  });

  it('stores the same Message-ID once: the second DATA answers 250 and creates nothing', async () => {
    const mail = { from: 'dora@example.se', to: 'kontakt@demo.lotsen.se', subject: 'Fråga om bygglov', text: 'Behöver jag bygglov för ett plank?', messageId: '<same-twice@example.se>' };
    const first = await send(mail);
    expect(first.response).toMatch(/Registered as/);
    const before = await counts();
    const second = await send(mail);
    expect(second.response).toMatch(/^250 /);
    expect(second.response).not.toMatch(/Registered as/);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown recipient at RCPT (550) and oversize mail with 552 and a clear text', async () => {
    await expect(send({ from: 'e@example.se', to: 'nobody@elsewhere.example', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    const huge = 'x'.repeat(11 * 1024 * 1024);
    const err = await send({ from: 'e@example.se', to: 'kontakt@demo.lotsen.se', subject: 'big', text: 'see attachment', attachments: [{ filename: 'big.txt', content: huge }] }).catch((e) => e);
    expect(err.responseCode).toBe(552);
    expect(String(err.response)).toMatch(/too big|exceeds.*size/i);
  });
});

// Who may write into a citizen's case, and what the e-mail register keeps, over real SMTP
// conversations with intake's listener: a stranger's mail naming a case becomes a new inquiry
// linked for staff; every mail answered 250 is in the register; MIME parts and stored bytes per
// message and per sender are bounded (552/452). Channel keys write only into their own inquiries.
import { randomBytes, randomUUID } from 'crypto';
import { Client } from 'pg';
import request from 'supertest';
import nodemailer, { SendMailOptions } from 'nodemailer';
import { EventTypes } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { SmtpListener } from '../../apps/intake/src/email/smtp-listener';
import { EventBus } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

const TO = 'kontakt@demo.lotsen.se';
const CRLF = '\r\n';

describe('e-mail privacy: who writes into a case, the register, limits', () => {
  let p: TestPlatform;
  let db: Client;
  let bus: EventBus;
  let smtpPort: number;

  beforeAll(async () => {
    p = await startPlatform(['intake'], {
      INTAKE_SMTP_PORT: '0',
      INTAKE_SMTP_MAX_MIME_PARTS: '12',
      INTAKE_SMTP_MAX_ATTACHMENT_BYTES_PER_MESSAGE: String(64 * 1024),
      INTAKE_SMTP_MAX_STORED_BYTES_PER_SENDER_DAY: String(120 * 1024),
    });
    smtpPort = p.apps.intake!.get(SmtpListener).port;
    bus = await EventBus.open(p);
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  }, 60000);
  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await p?.close();
  });

  const api = () => request(p.urls.intake!);
  const send = (mail: SendMailOptions) => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, allowInternalNetworkInterfaces: true } as never);
    return t.sendMail(mail).finally(() => t.close());
  };
  const rejected = (mail: SendMailOptions) => send(mail).then((i) => ({ responseCode: 250, response: i.response }), (e) => ({ responseCode: e.responseCode as number, response: String(e.response) }));
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
  const totals = async () => one(`SELECT (SELECT count(*) FROM intake.inquiries)::int AS inquiries, (SELECT count(*) FROM intake.inquiry_messages)::int AS messages,
    (SELECT count(*) FROM intake.email_messages)::int AS emails, (SELECT count(*) FROM intake.attachments)::int AS files`);
  const staffView = async (id: string) => (await api().get(`/v1/inquiries/${id}`).set('x-api-key', p.keys.agent).expect(200)).body;
  const createdBy = (response: string) => /Registered as (\S+)/.exec(response)?.[1];

  /** Anna's case from the web form, resolved, with one answer mailed to her (as notifications reports it). */
  async function annasCase() {
    const created = (await api().post('/v1/inquiries').set('x-api-key', p.keys.web)
      .send({ channel: 'web', body: 'Hur ansöker jag om bygglov för ett plank?', citizen: { name: 'Anna Andersson', email: 'Anna.Andersson@Example.se', notify: true } })
      .expect(202)).body as { id: string; reference: string; trackingToken: string };
    await bus.publish(EventTypes.InquiryResolved, { inquiryId: created.id, department: 'bygg', resolutionCode: 'answered', resolvedAtFirstContact: false, byContactCenter: false });
    const deliveryId = randomUUID();
    const answerId = `<notif-${deliveryId}@demo.lotsen.se>`;
    await bus.publish(EventTypes.NotificationSent, { deliveryId, inquiryId: created.id, trigger: 'answered', channel: 'email', language: 'sv', messageId: answerId });
    await waitFor('the case resolved and the answer remembered', async () => {
      const r = await one(`SELECT i.status, o.recipient FROM intake.inquiries i LEFT JOIN intake.outgoing_messages o ON o.inquiry_id = i.id WHERE i.id = $1`, [created.id]);
      return r.status === 'resolved' && r.recipient === 'anna.andersson@example.se';
    }, 20000);
    return { ...created, answerId };
  }
  const citizenThread = async (c: { reference: string; trackingToken: string }) =>
    (await api().get(`/v1/inquiries/${c.reference}`).query({ token: c.trackingToken }).expect(200)).body.thread.map((m: { body: string }) => m.body);
  const caseMessages = async (id: string) => (await one(`SELECT count(*)::int AS n FROM intake.inquiry_messages WHERE inquiry_id = $1`, [id])).n;

  describe('a mail joins a case only from its citizen', () => {
    it("a stranger's 'Re: [KC-…] ny adress' is a new inquiry linked for staff: not in the case's citizen view, not reopening it", async () => {
      const c = await annasCase();
      const before = await totals();
      const info = await send({
        from: 'stranger@evil.example', to: TO, subject: `Re: [${c.reference}] ny adress`,
        text: 'Jag har flyttat, skicka beslutet till stranger@evil.example',
      });
      const reference = createdBy(info.response);
      expect(reference).toMatch(/^KC-\d{4}-\d{6}$/);
      expect(reference).not.toBe(c.reference);

      // Nothing joined the case: no message (so no inquiry.message.added, which is what reopens), status unchanged.
      expect(await caseMessages(c.id)).toBe(0);
      expect(await citizenThread(c)).toEqual(['Hur ansöker jag om bygglov för ett plank?']);
      expect((await one(`SELECT status FROM intake.inquiries WHERE id = $1`, [c.id])).status).toBe('resolved');
      expect(await totals()).toEqual({ ...before, inquiries: before.inquiries + 1, emails: before.emails + 1 });

      const stranger = await one(`SELECT id FROM intake.inquiries WHERE reference = $1`, [reference]);
      const view = await staffView(stranger.id);
      expect(view.mayBelongTo).toEqual({ id: c.id, reference: c.reference });
      expect(view.citizen).toMatchObject({ email: 'stranger@evil.example' });
      expect((await staffView(c.id)).mayBelongHere).toEqual([{ id: stranger.id, reference }]);
    });

    it('the same for plus addressing, a reply to our mail forwarded to a stranger (In-Reply-To), and a From that failed DMARC', async () => {
      const c = await annasCase();
      const plus = await send({ from: 'stranger@evil.example', to: `kontakt+${c.reference}@demo.lotsen.se`, subject: 'ny adress', text: 'Skicka beslutet till mig i stället.' });
      const forwarded = await send({ from: 'Stranger <STRANGER@evil.example>', to: TO, subject: 'SV: Svar på ditt ärende', inReplyTo: c.answerId, references: [c.answerId], text: 'Jag tar över ärendet.' });
      for (const info of [plus, forwarded]) {
        const id = (await one(`SELECT id FROM intake.inquiries WHERE reference = $1`, [createdBy(info.response)])).id;
        expect((await staffView(id)).mayBelongTo).toEqual({ id: c.id, reference: c.reference });
      }
      // A forged From: the municipality's mail system found DMARC failing, so the address proves nothing.
      const forged = await send({ from: 'anna.andersson@example.se', to: TO, subject: `Re: [${c.reference}]`, headers: { 'Authentication-Results': 'mx.kommun.se; spf=pass smtp.mailfrom=evil.example; dmarc=fail header.from=example.se' }, text: 'Ny adress: stranger@evil.example' });
      expect(createdBy(forged.response)).toMatch(/^KC-/);
      expect(await caseMessages(c.id)).toBe(0);
      expect(await citizenThread(c)).toHaveLength(1);
    });

    it("the citizen's own address joins (case-insensitive), by subject, plus address or a reply to our mail", async () => {
      const c = await annasCase();
      const infos = [
        await send({ from: 'Anna <ANNA.andersson@example.SE>', to: TO, subject: `Re: [${c.reference}]`, text: 'En sak till om planket.' }),
        await send({ from: 'anna.andersson@example.se', to: `kontakt+${c.reference}@demo.lotsen.se`, subject: 'Ritning', text: 'Planket blir 1,8 m.' }),
        await send({ from: 'anna.andersson@example.se', to: TO, subject: 'SV: tack', inReplyTo: c.answerId, references: [c.answerId], text: 'Tack för svaret!' }),
      ];
      for (const info of infos) expect(createdBy(info.response)).toBeUndefined();
      const by = (await db.query(`SELECT threaded_by, disposition FROM intake.email_messages WHERE inquiry_id = $1 ORDER BY received_at`, [c.id])).rows;
      expect(by).toEqual([
        { threaded_by: 'subject', disposition: 'message' }, { threaded_by: 'plus-address', disposition: 'message' }, { threaded_by: 'in-reply-to', disposition: 'message' },
      ]);
      expect(await citizenThread(c)).toEqual(['Hur ansöker jag om bygglov för ett plank?', 'En sak till om planket.', 'Planket blir 1,8 m.', 'Tack för svaret!']);
    });

    it('a reply to our mail joins from the address it went to, even once the case has another address; that old address alone does not', async () => {
      const c = await annasCase();
      await db.query(`UPDATE intake.inquiries SET citizen = jsonb_set(citizen, '{email}', '"anna@nyadress.se"') WHERE id = $1`, [c.id]);
      const reply = await send({ from: 'anna.andersson@example.se', to: TO, subject: 'SV: svar', inReplyTo: c.answerId, text: 'Jag har ny adress nu.' });
      expect(createdBy(reply.response)).toBeUndefined();
      const bySubject = await send({ from: 'anna.andersson@example.se', to: TO, subject: `[${c.reference}]`, text: 'Utan svarshuvud.' });
      expect(createdBy(bySubject.response)).toMatch(/^KC-/);
      expect(await citizenThread(c)).toEqual(['Hur ansöker jag om bygglov för ett plank?', 'Jag har ny adress nu.']);
    });
  });

  describe('channel keys write only into their own inquiries', () => {
    it('another channel key gets 404; the registering key, the tracking token and staff may add', async () => {
      const created = (await api().post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body: 'Var lämnar jag grovsopor?' }).expect(202)).body;
      const add = (key: string | undefined, body: string, token?: string) => {
        const r = api().post(`/v1/inquiries/${created.id}/messages`).send({ body });
        if (token) r.query({ token });
        return key ? r.set('x-api-key', key) : r;
      };
      for (const key of [p.keys.email, p.keys.chat]) {
        const res = await add(key, 'Skicka svaret till intrang@evil.example');
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      expect((await add(p.keys.chat, 'fel token', 'x'.repeat(24))).status).toBe(404);
      expect(await caseMessages(created.id)).toBe(0);
      expect((await add(p.keys.web, 'Från samma integration.')).status).toBe(201);
      expect((await add(p.keys.chat, 'Med medborgarens token.', created.trackingToken)).status).toBe(201);
      expect((await add(undefined, 'Bara token.', created.trackingToken)).status).toBe(201);
      expect((await add(p.keys.agent, 'Personalens anteckning.')).status).toBe(201);
      expect(await caseMessages(created.id)).toBe(4);
    });

    it('a channel key may not backdate receivedAt beyond a small skew; a staff key may', async () => {
      const before = await totals();
      const hourAgo = new Date(Date.now() - 3600_000).toISOString();
      const res = await api().post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body: 'Gammal fråga', receivedAt: hourAgo });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toMatch(/backdate/);
      expect(await totals()).toEqual(before);
      await api().post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body: 'Nyss', receivedAt: new Date(Date.now() - 60_000).toISOString() }).expect(202);
      const staff = await api().post('/v1/inquiries').set('x-api-key', p.keys.agent).send({ channel: 'letter', body: 'Brev från i går', receivedAt: hourAgo }).expect(202);
      expect(new Date((await one(`SELECT received_at FROM intake.inquiries WHERE id = $1`, [staff.body.id])).received_at).toISOString()).toBe(hourAgo);
    });
  });

  describe('every mail answered 250 is in the register', () => {
    it("'Is the library open on holiday Mondays?' is registered and becomes an inquiry, flagged for staff", async () => {
      const info = await send({ from: 'Olle <olle@example.se>', to: TO, subject: 'Is the library open on holiday Mondays?', text: 'We would like to visit with the kids.' });
      const reference = createdBy(info.response);
      expect(reference).toMatch(/^KC-/);
      const row = await one(`SELECT i.id, e.disposition, e.possible_auto_reply FROM intake.inquiries i JOIN intake.email_messages e ON e.inquiry_id = i.id WHERE i.reference = $1`, [reference]);
      expect(row).toMatchObject({ disposition: 'inquiry', possible_auto_reply: true });
      const view = await staffView(row.id);
      expect(view.possibleAutoReply).toBe(true);
      expect(view.subject).toBe('Is the library open on holiday Mondays?');
      // An ordinary mail is not flagged.
      const plain = await send({ from: 'olle@example.se', to: TO, subject: 'Öppettider', text: 'När öppnar biblioteket?' });
      expect((await staffView((await one(`SELECT id FROM intake.inquiries WHERE reference = $1`, [createdBy(plain.response)])).id)).possibleAutoReply).toBeUndefined();
    });

    it('a different mail under a Message-ID we hold is registered too; a redelivery of either is not', async () => {
      const id = `<reused-${randomUUID()}@example.se>`;
      const first = { from: 'pia@example.se', to: TO, subject: 'Fråga om parkering', text: 'Var får jag parkera?', messageId: id };
      const second = { ...first, subject: 'Fråga om snöröjning', text: 'När plogas Storgatan?' };
      expect(createdBy((await send(first)).response)).toMatch(/^KC-/);
      const before = await totals();
      expect(createdBy((await send(second)).response)).toMatch(/^KC-/);
      for (const again of [first, second]) expect(createdBy((await send(again)).response)).toBeUndefined();
      expect(await totals()).toEqual({ ...before, inquiries: before.inquiries + 1, emails: before.emails + 1 });
      const subjects = (await db.query(`SELECT subject FROM intake.email_messages WHERE from_address = 'pia@example.se' ORDER BY received_at`)).rows.map((r) => r.subject);
      expect(subjects).toEqual(['Fråga om parkering', 'Fråga om snöröjning']);
    });

    it('auto-replies, bounces and loops (by header) are registered as received and create nothing', async () => {
      const c = await annasCase();
      const before = await totals();
      const report = Buffer.from([
        'From: Mail Delivery System <delivery@mx.example.se>', `To: ${TO}`, 'Subject: Undelivered Mail', `Message-ID: <report-${randomUUID()}@mx.example.se>`,
        'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"', '', '--r', 'Content-Type: text/plain', '',
        'The mail could not be delivered.', '--r', 'Content-Type: message/delivery-status', '', 'Status: 5.1.1', '--r--', '',
      ].join(CRLF));
      const cases: Array<[SendMailOptions, string]> = [
        [{ from: 'anna.andersson@example.se', to: TO, subject: 'Frånvaro', inReplyTo: c.answerId, headers: { 'Auto-Submitted': 'auto-replied' }, text: 'Jag är borta.' }, 'auto-reply'],
        [{ from: 'b@example.se', to: TO, subject: 'Re: ärende', headers: { 'X-Autoreply': 'yes' }, text: 'Borta.' }, 'auto-reply'],
        [{ from: 'b@example.se', to: TO, subject: 'Re: ärende 2', headers: { 'X-Autorespond': 'yes' }, text: 'Borta.' }, 'auto-reply'],
        ...['bulk', 'junk', 'auto_reply', 'list'].map((v): [SendMailOptions, string] => [{ from: 'c@example.se', to: TO, subject: `Nyhetsbrev ${v}`, headers: { Precedence: v }, text: 'Nyheter' }, 'auto-reply']),
        [{ envelope: { from: '', to: [TO] }, from: 'someone@mx.example.se', to: TO, subject: 'Returned mail', text: 'Could not deliver.' }, 'bounce'],
        [{ envelope: { from: 'bounces@mx.example.se', to: [TO] }, raw: report }, 'bounce'],
        [{ from: 'd@example.se', to: TO, subject: 'Loop', headers: { 'X-Lotsen-Loop': 'demo' }, text: 'x' }, 'loop'],
      ];
      for (const [mail, disposition] of cases) {
        const info = await send(mail);
        expect(info.response).toMatch(/^250 /);
        const row = await one(`SELECT disposition, inquiry_id, raw, size_bytes FROM intake.email_messages ORDER BY received_at DESC LIMIT 1`);
        expect({ disposition: row.disposition, inquiry: row.inquiry_id }).toEqual({ disposition, inquiry: null });
        expect(row.raw.length).toBe(row.size_bytes);
      }
      expect(await totals()).toEqual({ ...before, emails: before.emails + cases.length });
      // The out-of-office reply to Anna's answer is on record next to her case, not in it.
      expect((await one(`SELECT linked_inquiry_id FROM intake.email_messages WHERE subject = 'Frånvaro'`)).linked_inquiry_id).toBe(c.id);
      expect(await caseMessages(c.id)).toBe(0);
    });
  });

  describe('limits before storage', () => {
    const file = (kb: number, i = 0) => ({ filename: `bilaga-${i}.bin`, content: randomBytes(kb * 1024), contentType: 'application/octet-stream' });

    it('refuses too many MIME parts and too many attachment bytes per message with 552, storing nothing', async () => {
      const before = await totals();
      const parts = await rejected({ from: 'e@example.se', to: TO, subject: 'Många delar', text: 'x', attachments: Array.from({ length: 11 }, (_, i) => ({ filename: `f${i}.txt`, content: `fil ${i}` })) });
      expect(parts.responseCode).toBe(552);
      expect(parts.response).toMatch(/Too many MIME parts: at most 12/);
      const bytes = await rejected({ from: 'e@example.se', to: TO, subject: 'Stora bilagor', text: 'x', attachments: [file(40, 1), file(40, 2)] });
      expect(bytes.responseCode).toBe(552);
      expect(bytes.response).toMatch(/Attachments too large: at most 65536 bytes per message/);
      expect(await totals()).toEqual(before);
      // Within the limits it goes through.
      const fine = await send({ from: 'e@example.se', to: TO, subject: 'Lagom', text: 'x', attachments: [file(30, 1), file(30, 2)] });
      expect(createdBy(fine.response)).toMatch(/^KC-/);
    });

    it("answers 452 once a sender's stored bytes for the day are used up; text, and other senders, still go through", async () => {
      const mail = (from: string, i: number) => ({ from, to: TO, subject: `Ritning ${i}`, text: 'Se bilaga.', attachments: [file(50, i)] });
      for (const i of [1, 2]) expect(createdBy((await send(mail('flood@example.se', i))).response)).toMatch(/^KC-/);
      const before = await totals();
      const third = await rejected(mail('Flood@Example.se', 3));
      expect(third.responseCode).toBe(452);
      expect(third.response).toMatch(/Daily quota of this sender reached/);
      expect(await totals()).toEqual(before);
      expect(createdBy((await send({ from: 'flood@example.se', to: TO, subject: 'Bara text', text: 'Ingen bilaga.' })).response)).toMatch(/^KC-/);
      expect(createdBy((await send(mail('other@example.se', 4))).response)).toMatch(/^KC-/);
    });
  });
});

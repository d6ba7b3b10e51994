// Abuse of the public interfaces on the real servers: the citizen form with its CSRF token,
// Open311 as FixMyStreet posts it, receipts through a real SMTP server, SMS to the development
// file provider. Intake runs behind the test as its proxy (TRUST_PROXY=127.0.0.1), so each
// request names its client in X-Forwarded-For.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import request from 'supertest';
import { EventTypes, InquiryReceivedPayload } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { EventBus, SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

const EVIL_NAME = 'Klicka på https://evil.example';

describe('abuse limits on the public interfaces', () => {
  let p: TestPlatform;
  let smtp: SmtpSink;
  let db: Client;
  let smsDir: string;
  let bus: EventBus;

  beforeAll(async () => {
    smsDir = await mkdtemp(path.join(os.tmpdir(), 'lotsen-sms-'));
    smtp = new SmtpSink();
    await smtp.start();
    p = await startPlatform(['intake', 'notifications'], {
      TRUST_PROXY: '127.0.0.1',
      SUBMISSIONS_PER_CLIENT_PER_HOUR: '4',
      SUBMISSIONS_PER_RECIPIENT_PER_HOUR: '2',
      OPEN311_SUBMISSIONS_PER_CLIENT_PER_HOUR: '3',
      NOTIFICATIONS_RECEIPTS_PER_ADDRESS_PER_HOUR: '3',
      // The cap holds per consumer batch in flight (documented in docs/abuse-limits.md): one worker here, so batches see each other's deliveries.
      NOTIFICATIONS_CONSUMER_WORKERS: '1',
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_SMS_URL: pathToFileURL(smsDir).toString(),
      NOTIFICATIONS_DISPATCH_POLL_MS: '100',
      CITIZEN_BASE_URL: 'https://medborgare.demo.example',
      INTAKE_SMTP_ENABLED: 'false',
    });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    bus = await EventBus.open(p);
  });

  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await p?.close();
    await smtp?.stop();
    await rm(smsDir, { recursive: true, force: true });
  });

  const inquiriesWith = async (field: 'email' | 'phone', value: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE citizen->>$1 = $2`, [field, value])).rows[0].n as number;
  const deliveriesTo = async (recipient: string) =>
    (await db.query(`SELECT * FROM notifications.deliveries WHERE recipient = $1 ORDER BY created_at`, [recipient])).rows;
  /** Lets the dispatcher finish anything else it might (wrongly) send. */
  const settle = () => new Promise((r) => setTimeout(r, 800));
  const api = (body: Record<string, unknown>, key = p.keys.web) => request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', key).send({ channel: 'web', ...body });

  /** The real form: a fresh page (cookie + CSRF token) per submission, as a browser sends it. */
  async function submitForm(client: string, fields: Record<string, string>) {
    const page = await request(p.urls.intake!).get('/e-tjanst').set('x-forwarded-for', client).expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1];
    return request(p.urls.intake!).post('/e-tjanst').set('x-forwarded-for', client).set('cookie', cookie).type('form')
      .send({ csrf, lang: 'sv', body: 'När töms soporna på Parkvägen?', ...fields });
  }

  const open311 = (client: string, fields: Array<[string, string]>, format: 'json' | 'xml' = 'json') =>
    request(p.urls.intake!).post(`/open311/v2/requests.${format}`).set('x-forwarded-for', client)
      .set('content-type', 'application/x-www-form-urlencoded; charset=utf-8')
      .send(new URLSearchParams([
        ['api_key', p.keys.web], ['jurisdiction_id', 'demo.lotsen.se'], ['service_code', 'street_lighting'],
        ['description', 'Gatlampan vid Storgatan 12 är släckt.'], ['lat', '59.3293'], ['long', '18.0686'], ...fields,
      ]).toString());

  describe('the public form and Open311 take a few inquiries per client and per address an hour', () => {
    it('answers a form flood naming one e-mail address with 429: nothing more stored, nothing more sent', async () => {
      const email = 'flood-form@example.se';
      for (const client of ['203.0.113.1', '203.0.113.2']) {
        expect((await submitForm(client, { email, notify: 'yes' })).status).toBe(200);
      }
      const flood = await submitForm('203.0.113.3', { email, notify: 'yes' });
      expect(flood.status).toBe(429);
      expect(flood.text).toContain('Försök igen senare');
      expect(Number(flood.headers['retry-after'])).toBeGreaterThan(0);
      expect(await inquiriesWith('email', email)).toBe(2);
      await waitFor('two receipts', () => smtp.to(email).length >= 2);
      await settle();
      expect(smtp.to(email)).toHaveLength(2);
      expect(await deliveriesTo(email)).toHaveLength(2);
    });

    it('answers a form flood from one client with 429, and other clients are still served', async () => {
      const before = (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n;
      for (let i = 0; i < 4; i++) expect((await submitForm('198.51.100.7', {})).status).toBe(200);
      expect((await submitForm('198.51.100.7', {})).status).toBe(429);
      expect((await submitForm('198.51.100.8', {})).status).toBe(200);
      expect((await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n).toBe(before + 5);
    });

    it('answers an Open311 flood with 429 in its own error format (JSON and XML), storing nothing', async () => {
      const email = 'flood-fms@example.se';
      for (const client of ['203.0.113.11', '203.0.113.12']) {
        expect((await open311(client, [['email', email], ['first_name', 'Anna']])).status).toBe(200);
      }
      const json = await open311('203.0.113.13', [['email', email]]);
      expect(json.status).toBe(429);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.body).toEqual([{ code: 429, description: expect.stringMatching(/Too many inquiries/) }]);
      expect(Number(json.headers['retry-after'])).toBeGreaterThan(0);
      const xml = await open311('203.0.113.14', [['email', email]], 'xml');
      expect(xml.status).toBe(429);
      expect(xml.text).toMatch(/<errors><error><code>429<\/code><description>Too many inquiries/);
      expect(await inquiriesWith('email', email)).toBe(2);

      // One poster: its own (higher) limit per hour, whatever addresses it names.
      for (let i = 0; i < 3; i++) expect((await open311('198.51.100.20', [])).status).toBe(200);
      expect((await open311('198.51.100.20', [])).status).toBe(429);
    });

    it('counts one phone number however it is written', async () => {
      const phone = '0701112233';
      expect((await submitForm('203.0.113.21', { phone })).status).toBe(200);
      expect((await submitForm('203.0.113.22', { phone: '+46 70 111 22 33' })).status).toBe(200);
      expect((await submitForm('203.0.113.23', { phone: '+46701112233' })).status).toBe(429);
    });
  });

  describe('what we send, and to whom', () => {
    it('sends an SMS only to a country the municipality allows: +882 is logged suppressed, the inquiry still accepted', async () => {
      const res = await api({ body: 'Hur bokar jag tid för bygglovsrådgivning?', citizen: { phone: '+882 16 1234 5678', notify: true } }).expect(202);
      const [row] = await waitFor('the suppressed receipt', async () => {
        const rows = (await db.query(`SELECT status, last_error, body_text FROM notifications.deliveries WHERE inquiry_id = $1`, [res.body.id])).rows;
        return rows.length ? rows : undefined;
      });
      expect(row).toMatchObject({ status: 'suppressed', last_error: expect.stringMatching(/country is not allowed/) });
      expect(row.body_text).not.toContain(res.body.trackingToken);
      expect((await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE id = $1`, [res.body.id])).rows[0].n).toBe(1);

      // A Swedish number gets its receipt, and no file was ever written for the other one.
      await api({ body: 'Hur bokar jag tid för bygglovsrådgivning?', citizen: { phone: '070-765 43 21', notify: true } }).expect(202);
      const texts = async () => Promise.all((await readdir(smsDir)).map((f) => readFile(path.join(smsDir, f), 'utf8')));
      await waitFor('the SMS to the Swedish number', async () => (await texts()).some((t) => t.includes('To: +46707654321')));
      await settle();
      for (const t of await texts()) expect(t).not.toContain('+882');
    });

    it('sends at most the configured number of receipts to one address an hour; the rest are logged suppressed', async () => {
      const email = 'many-receipts@example.se';
      // The JSON API of a channel system has no intake limit of its own: notifications' cap is the last line.
      for (let i = 0; i < 5; i++) await api({ body: `Fråga nummer ${i + 1} om parkeringstillstånd`, citizen: { email } }).expect(202);
      const rows = await waitFor('five deliveries', async () => {
        const r = await deliveriesTo(email);
        return r.length === 5 && r.every((d) => d.status === 'sent' || d.status === 'suppressed') ? r : undefined;
      });
      expect(rows.filter((d) => d.status === 'sent')).toHaveLength(3);
      expect(rows.filter((d) => d.status === 'suppressed').map((d) => d.last_error)).toEqual([
        expect.stringMatching(/more than 3 automatic messages/), expect.stringMatching(/more than 3 automatic messages/),
      ]);
      await settle();
      expect(smtp.to(email)).toHaveLength(3);
    });

    it('holds the cap when the receipts arrive as one burst (one consumer batch plans them together)', async () => {
      const email = 'burst-receipts@example.se';
      const events = Array.from({ length: 6 }, (_, i): { type: typeof EventTypes.InquiryReceived; payload: InquiryReceivedPayload } => ({
        type: EventTypes.InquiryReceived,
        payload: {
          inquiryId: randomUUID(), reference: `KC-2026-${String(900_001 + i)}`, trackingToken: randomBytes(18).toString('base64url'),
          channel: 'email', body: `Fråga ${i + 1}`, language: 'sv', languageDetected: false, citizen: { email, notify: true },
          sensitive: false, receivedAt: new Date().toISOString(),
        },
      }));
      await bus.publishAll(events);
      const rows = await waitFor('six deliveries', async () => {
        const r = await deliveriesTo(email);
        return r.length === 6 && r.every((d) => d.status === 'sent' || d.status === 'suppressed') ? r : undefined;
      });
      expect(rows.filter((d) => d.status === 'sent')).toHaveLength(3);
      expect(rows.filter((d) => d.status === 'suppressed')).toHaveLength(3);
      for (const d of rows.filter((r) => r.status === 'suppressed')) expect(d.body_text).not.toMatch(/token=(?!redacted)/);
      await settle();
      expect(smtp.to(email)).toHaveLength(3);
    });
  });

  describe('citizen names', () => {
    it('refuses a name that carries a link at the edge, as a problem and as a form error, storing nothing', async () => {
      const before = (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n;
      for (const name of [EVIL_NAME, 'Anna www.evil.example', 'anna@evil.example', '<a href="https://evil.example">Anna</a>']) {
        const res = await api({ body: 'Hej', citizen: { name, email: 'victim@example.se' } });
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'citizen.name' })]);
      }
      const form = await submitForm('203.0.113.31', { name: EVIL_NAME, email: 'victim@example.se' });
      expect(form.status).toBe(400);
      expect(form.text).toContain('Skriv bara ditt namn');
      expect((await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n).toBe(before);
      // A real name with letters of any script still goes through.
      await api({ body: 'Hej', citizen: { name: "Anna-Lena O'Brien", email: 'anna-lena@example.se' } }).expect(202);
    });

    it('leaves such a name out of an Open311 report (FixMyStreet would resend a refused one) and never writes it into a mail', async () => {
      const email = 'fms-name@example.se';
      const res = await open311('203.0.113.41', [['first_name', 'Klicka på'], ['last_name', 'https://evil.example'], ['email', email]]).expect(200);
      const [row] = (await db.query(`SELECT citizen FROM intake.inquiries WHERE reference = $1`, [res.body[0].service_request_id])).rows;
      expect(row.citizen).toEqual(expect.objectContaining({ email }));
      expect(row.citizen.name).toBeUndefined();
      const [mail] = await waitFor('the receipt', () => (smtp.to(email).length ? smtp.to(email) : undefined));
      expect(mail.text).toMatch(/^Hej!/);
      for (const part of [mail.text, mail.html, mail.subject]) expect(part).not.toMatch(/evil/);
    });
  });
});

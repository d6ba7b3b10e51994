// The citizen's tracking token and who may use it, on the real servers: what inquiry.received
// carries (read from the real broker), what notifications keeps after a real SMTP server took the
// receipt, idempotency per API key, and the lookup limiter with and without a trusted proxy.
import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { BrokerNames } from '@lotsen/messaging';
import { generateApiKey, hashApiKey } from '@lotsen/platform';
import { waitFor } from '@lotsen/testing';
import { SmtpSink } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

describe('the tracking token, idempotency keys and the lookup limiter', () => {
  let p: TestPlatform;
  let smtp: SmtpSink;
  let db: Client;
  /** Behind a proxy at 127.0.0.1 (TRUST_PROXY=127.0.0.1): X-Forwarded-For names the client. */
  let proxied: { app: INestApplication; url: string };
  /** TRUST_PROXY unset: the peer address is the client, whatever X-Forwarded-For says. */
  let direct: string;
  let amqpConn: amqp.ChannelModel;
  const received: Array<{ payload: Record<string, unknown> }> = [];

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    p = await startPlatform(['intake', 'notifications'], {
      TRUST_PROXY: '127.0.0.1',
      CITIZEN_LOOKUPS_PER_MINUTE: '5',
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_DISPATCH_POLL_MS: '100',
      CITIZEN_BASE_URL: 'https://medborgare.demo.example',
      INTAKE_SMTP_ENABLED: 'false',
    });
    proxied = { app: p.apps.intake!, url: p.urls.intake! };
    direct = (await p.start('intake', { TRUST_PROXY: '' })).url;
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    // What intake publishes, as any consumer of inquiry.received gets it.
    amqpConn = await amqp.connect(p.env.amqpUrl);
    const ch = await amqpConn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
    await ch.bindQueue(queue, new BrokerNames(p.env.namespace).events, 'inquiry.received');
    await ch.consume(queue, (m) => m && received.push(JSON.parse(m.content.toString())), { noAck: true });
  });

  afterAll(async () => {
    await amqpConn?.close().catch(() => undefined);
    await db?.end();
    await proxied?.app.close().catch(() => undefined);
    await p?.close();
    await smtp?.stop();
  });

  const deliveriesTo = async (recipient: string) =>
    (await db.query(`SELECT * FROM notifications.deliveries WHERE recipient = $1 ORDER BY created_at`, [recipient])).rows;
  const api = (body: Record<string, unknown>, key = p.keys.web) => request(direct).post('/v1/inquiries').set('x-api-key', key).send({ channel: 'web', ...body });

  describe('the tracking token', () => {
    it('travels in inquiry.received only when there is an address to send the receipt to', async () => {
      const withAddress = await api({ body: 'Var lämnar jag grovsopor?', citizen: { email: 'token-owner@example.se' } }).expect(202);
      const without = await api({ body: 'Var lämnar jag grovsopor?' }).expect(202);
      const nameOnly = await api({ body: 'Var lämnar jag grovsopor?', citizen: { name: 'Bo Ek' } }).expect(202);
      const payloadOf = (id: string) => waitFor(`inquiry.received of ${id}`, () => received.find((e) => e.payload.inquiryId === id)?.payload);
      expect((await payloadOf(withAddress.body.id)).trackingToken).toBe(withAddress.body.trackingToken);
      expect(await payloadOf(without.body.id)).not.toHaveProperty('trackingToken');
      expect(await payloadOf(nameOnly.body.id)).not.toHaveProperty('trackingToken');
    });

    it('is in the receipt the citizen gets, and nowhere in notifications once it is sent', async () => {
      const email = 'token-kept@example.se';
      const res = await api({ body: 'Hur ansöker jag om färdtjänst?', citizen: { email } }).expect(202);
      const token: string = res.body.trackingToken;
      const [mail] = await waitFor('the receipt', () => (smtp.to(email).length ? smtp.to(email) : undefined));
      expect(mail.text).toContain(`token=${token}`);
      const row = await waitFor('the delivery marked sent', async () => (await deliveriesTo(email)).find((d) => d.status === 'sent'));
      expect(row.body_text).toContain('token=redacted');
      expect(row.body_html).toMatch(/token(=|&#x3D;)redacted/);
      // Every table of the notifications schema, as text.
      const { rows: tables } = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'notifications' AND table_type = 'BASE TABLE'`);
      for (const { table_name } of tables) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications."${table_name}" t WHERE t::text LIKE $1`, [`%${token}%`]);
        expect({ table: table_name, n: rows[0].n }).toEqual({ table: table_name, n: 0 });
      }
    });
  });

  it('scopes an Idempotency-Key to its API key: two systems of one municipality get independent answers', async () => {
    const second = generateApiKey();
    await db.query(`INSERT INTO intake.api_keys (id, tenant_id, key_hash, label, channel) VALUES ($1, 'demo', $2, 'second web system', 'web')`, [randomUUID(), hashApiKey(second)]);
    const key = `shared-${randomUUID()}`;
    const a = await api({ body: 'Fråga från system A' }).set('idempotency-key', key).expect(202);
    const b = await api({ body: 'Fråga från system B' }, second).set('idempotency-key', key).expect(202);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.trackingToken).not.toBe(a.body.trackingToken);
    // Each one's retry still gets its own first answer.
    expect((await api({ body: 'Fråga från system A' }).set('idempotency-key', key).expect(202)).body).toEqual(a.body);
    expect((await api({ body: 'Fråga från system B' }, second).set('idempotency-key', key).expect(202)).body).toEqual(b.body);
  });

  describe('the tracking-token lookup limiter', () => {
    let ok: { reference: string; trackingToken: string };
    beforeAll(async () => {
      ok = (await api({ body: 'Mitt eget ärende' }).expect(202)).body;
    });
    const lookup = (base: string, token: string, client?: string) => {
      const r = request(base).get(`/v1/inquiries/${ok.reference}`).query({ token });
      return client ? r.set('x-forwarded-for', client) : r;
    };

    it('without TRUST_PROXY, a rotating X-Forwarded-For does not escape it', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await lookup(direct, `wrong-token-${i}`, `10.${i}.${i}.${i}`)).status);
      expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
      expect(statuses.slice(5)).toEqual(Array(7).fill(429));
    });

    it('answers a correct reference+token even from a limited client, in the API and on the follow page', async () => {
      expect((await lookup(direct, 'still-wrong-token')).status).toBe(429);
      const res = await lookup(direct, ok.trackingToken).expect(200);
      expect(res.body).toMatchObject({ reference: ok.reference, status: expect.any(String) });
      const page = await request(direct).get('/arende').query({ reference: ok.reference, token: ok.trackingToken }).expect(200);
      expect(page.text).toContain(ok.reference);
    });

    it('behind a configured proxy counts each forwarded client on its own, so one client\'s failures never limit another', async () => {
      for (let i = 0; i < 6; i++) await lookup(proxied.url, `guess-${i}`, '192.0.2.66');
      expect((await lookup(proxied.url, 'guess-again', '192.0.2.66')).status).toBe(429);
      expect((await lookup(proxied.url, 'typo-token', '192.0.2.67')).status).toBe(404);
      expect((await lookup(proxied.url, ok.trackingToken, '192.0.2.66')).status).toBe(200);
    });
  });
});

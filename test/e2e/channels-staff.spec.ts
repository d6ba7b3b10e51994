// Phone, visit and letter on intake: telephony events become call.* events once per call and
// event; agents register phone inquiries (resolved at first contact) and attach scanned letters;
// fault reports near an open one are linked as duplicates.
import * as amqp from 'amqplib';
import { Client } from 'pg';
import request from 'supertest';
import { EventEnvelope, EventTypes } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

/** Records every event of the given types with its payload. */
async function payloadTap(p: TestPlatform, types: string[]) {
  const names = new BrokerNames(p.env.namespace);
  const queue = `${p.env.namespace}.test.staff-tap`;
  p.env.trackQueue(queue);
  const conn = await amqp.connect(p.env.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertExchange(names.events, 'topic', { durable: true, arguments: { 'alternate-exchange': names.unrouted } });
  await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  for (const t of types) await ch.bindQueue(queue, names.events, t);
  const events: EventEnvelope<Record<string, unknown>>[] = [];
  await ch.consume(queue, (m) => {
    if (!m) return;
    events.push(JSON.parse(m.content.toString()));
    ch.ack(m);
  });
  return { events, close: () => conn.close().catch(() => undefined) };
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% skannat brev\n'), Buffer.alloc(100 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);

describe('phone, visit and letter; duplicate fault reports', () => {
  let p: TestPlatform;
  let db: Client;
  let tap: Awaited<ReturnType<typeof payloadTap>>;

  beforeAll(async () => {
    p = await startPlatform([]);
    tap = await payloadTap(p, [EventTypes.CallOffered, EventTypes.CallAnswered, EventTypes.CallAbandoned, EventTypes.InquiryReceived]);
    await p.start('intake', { INTAKE_SMTP_ENABLED: 'false', INTAKE_MAX_UPLOAD_BYTES: String(512 * 1024) });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  }, 60000);
  afterAll(async () => {
    await tap?.close();
    await db?.end();
    await p?.close();
  });

  const api = () => request(p.urls.intake!);
  const received = (id: string) => waitFor(`inquiry.received of ${id}`, () => tap.events.find((e) => e.type === EventTypes.InquiryReceived && e.payload.inquiryId === id), 15000);

  describe('POST /v1/calls', () => {
    const call = (key: string, body: object) => api().post('/v1/calls').set('x-api-key', key).send(body);

    it('turns telephony events into call.* events, once per call and event', async () => {
      const at = new Date(Date.now() - 60_000).toISOString();
      expect((await call(p.keys.phone, { event: 'offered', callId: 'c-1', queue: 'kontaktcenter', at })).body).toEqual({ callId: 'c-1', event: 'offered', status: 'recorded' });
      expect((await call(p.keys.phone, { event: 'offered', callId: 'c-1', queue: 'kontaktcenter', at }).expect(202)).body.status).toBe('duplicate');
      await call(p.keys.phone, { event: 'answered', callId: 'c-1', queue: 'kontaktcenter', waitSeconds: 42, agentId: 'demo-agent' }).expect(202);
      await call(p.keys.supervisor, { event: 'abandoned', callId: 'c-2', queue: 'kontaktcenter', waitSeconds: 300 }).expect(202);
      const calls = await waitFor('three call events', () => {
        const c = tap.events.filter((e) => e.type.startsWith('call.'));
        return c.length >= 3 ? c : undefined;
      }, 15000);
      await new Promise((r) => setTimeout(r, 300));
      expect(tap.events.filter((e) => e.type.startsWith('call.'))).toHaveLength(3);
      expect(calls.map((e) => [e.type, e.payload.callId])).toEqual([['call.offered', 'c-1'], ['call.answered', 'c-1'], ['call.abandoned', 'c-2']]);
      expect(calls[0]).toMatchObject({ tenantId: 'demo', occurredAt: at, payload: { queue: 'kontaktcenter', at } });
      expect(calls[1].payload).toMatchObject({ waitSeconds: 42, agentId: 'demo-agent' });
    });

    it('answers 400 for bad events and 403 for keys that are not the telephony platform', async () => {
      for (const body of [{}, { event: 'ringing', callId: 'c', queue: 'q' }, { event: 'offered', callId: '', queue: 'q' }, { event: 'offered', callId: 'c', queue: 'q', waitSeconds: -1 },
        { event: 'offered', callId: 'c', queue: 'q', at: 'yesterday' }, { event: 'offered', callId: 'c', queue: 'q', extra: 1 }, { event: 'offered', callId: 'c', queue: 'q', at: '2999-01-01T00:00:00Z' }]) {
        const res = await call(p.keys.phone, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
      await call(p.keys.web, { event: 'offered', callId: 'c-9', queue: 'q' }).expect(403);
      await call(p.keys.agent, { event: 'offered', callId: 'c-9', queue: 'q' }).expect(403);
      await api().post('/v1/calls').send({ event: 'offered', callId: 'c-9', queue: 'q' }).expect(401);
    });
  });

  describe('phone, visit and letter registrations', () => {
    it('an agent registers a phone inquiry resolved at first contact; a channel key may not set that flag', async () => {
      const res = await api().post('/v1/inquiries').set('x-api-key', p.keys.agent)
        .send({ channel: 'phone', body: 'Frågade om öppettider för återvinningscentralen, svarade direkt.', resolvedAtFirstContact: true }).expect(202);
      const e = await received(res.body.id);
      expect(e.payload).toMatchObject({ channel: 'phone', resolvedAtFirstContact: true });
      await api().post('/v1/inquiries').set('x-api-key', p.keys.phone).send({ channel: 'phone', body: 'x', resolvedAtFirstContact: true }).expect(403);
      // A staff registration on a citizen channel does not carry the flag.
      const web = await api().post('/v1/inquiries').set('x-api-key', p.keys.agent).send({ channel: 'web', body: 'Hej', resolvedAtFirstContact: true }).expect(202);
      expect((await received(web.body.id)).payload.resolvedAtFirstContact).toBeUndefined();
    });

    it('staff attach a scanned letter; it is listed in the staff view and downloadable, never rendered inline', async () => {
      const letter = await api().post('/v1/inquiries').set('x-api-key', p.keys.agent).send({ channel: 'letter', body: 'Brev om snöröjning på Parkvägen (skannat).' }).expect(202);
      const id = letter.body.id;
      const up = await api().post(`/v1/inquiries/${id}/attachments`).set('x-api-key', p.keys.agent)
        .send({ filename: 'brev 2026-03-02 åäö.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }).expect(201);
      expect(up.body).toMatchObject({ filename: 'brev 2026-03-02 åäö.pdf', contentType: 'application/pdf', size: PDF.length, source: 'staff' });
      expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);

      const view = await api().get(`/v1/inquiries/${id}`).set('x-api-key', p.keys.supervisor).expect(200);
      expect(view.body.files).toEqual([expect.objectContaining({ id: up.body.id, filename: 'brev 2026-03-02 åäö.pdf', size: PDF.length, url: `/v1/inquiries/${id}/attachments/${up.body.id}` })]);
      const list = await api().get(`/v1/inquiries/${id}/attachments`).set('x-api-key', p.keys.agent).expect(200);
      expect(list.body).toHaveLength(1);
      // Still with the contact center: a department's system key may not list its files (need-to-know).
      await api().get(`/v1/inquiries/${id}/attachments`).set('x-api-key', p.keys.department).expect(403);

      const dl = await api().get(`/v1/inquiries/${id}/attachments/${up.body.id}`).set('x-api-key', p.keys.agent).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(Buffer.compare(dl.body as Buffer, PDF)).toBe(0);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['content-disposition']).toBe(`attachment; filename="brev 2026-03-02 ___.pdf"; filename*=UTF-8''brev%202026-03-02%20%C3%A5%C3%A4%C3%B6.pdf`);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');

      // Something an e-mail brought (an HTML file) is only ever served as bytes.
      await db.query(`INSERT INTO intake.attachments (id, tenant_id, inquiry_id, source, filename, content_type, size_bytes, sha256, content)
        VALUES ('00000000-0000-4000-8000-000000000001', 'demo', $1, 'email', 'page.html', 'text/html', 30, 'x', $2)`, [id, Buffer.from('<script>alert(1)</script>')]);
      const html = await api().get(`/v1/inquiries/${id}/attachments/00000000-0000-4000-8000-000000000001`).set('x-api-key', p.keys.agent).expect(200);
      expect(html.headers['content-type']).toBe('application/octet-stream');
      expect(html.headers['content-disposition']).toMatch(/^attachment;/);
      expect(html.headers['content-security-policy']).toContain('sandbox');
    });

    it('refuses wrong types, disguised content, oversize files and non-staff keys', async () => {
      const { body } = await api().post('/v1/inquiries').set('x-api-key', p.keys.agent).send({ channel: 'visit', body: 'Besök i receptionen.' }).expect(202);
      const up = (key: string, o: object) => api().post(`/v1/inquiries/${body.id}/attachments`).set('x-api-key', key).send({ filename: 'f', contentType: 'application/pdf', contentBase64: PDF.toString('base64'), ...o });
      expect((await up(p.keys.agent, { contentType: 'text/html', contentBase64: Buffer.from('<p>x</p>').toString('base64') })).status).toBe(415);
      expect((await up(p.keys.agent, { contentType: 'application/x-msdownload' })).status).toBe(415);
      expect((await up(p.keys.agent, { contentType: 'image/png', contentBase64: Buffer.from('MZ\x90\x00 not a png').toString('base64') })).status).toBe(415);
      expect((await up(p.keys.agent, { contentBase64: 'not base64!' })).status).toBe(400);
      expect((await up(p.keys.agent, { contentBase64: Buffer.concat([PDF, Buffer.alloc(512 * 1024)]).toString('base64') })).status).toBe(413);
      expect((await up(p.keys.web, {})).status).toBe(403);
      expect((await api().post('/v1/inquiries/00000000-0000-4000-8000-00000000abcd/attachments').set('x-api-key', p.keys.agent).send({ filename: 'f', contentType: 'text/plain', contentBase64: 'aGVq' })).status).toBe(404);
      const ok = await up(p.keys.agent, { filename: 'anteckning.txt', contentType: 'text/plain', contentBase64: Buffer.from('Medborgaren lämnade en ritning.').toString('base64') });
      expect(ok.status).toBe(201);
      const n = (await db.query(`SELECT count(*)::int AS n FROM intake.attachments WHERE inquiry_id = $1`, [body.id])).rows[0].n;
      expect(n).toBe(1);
    });
  });

  describe('duplicate fault reports', () => {
    // Storgatan, Södertälje; 0.00027° of latitude ≈ 30 m, 0.00072° ≈ 80 m.
    const here = { lat: 59.19550, lon: 17.62530 };
    // A report dated in the past is registered by staff: a channel key may not backdate.
    const report = (o: { category?: string; lat: number; lon: number; receivedAt?: string; type?: string }) =>
      api().post('/v1/inquiries').set('x-api-key', o.receivedAt ? p.keys.agent : p.keys.web)
        .send({ channel: 'web', body: 'Gatlampan är släckt.', category: o.category ?? 'street_lighting', type: o.type, receivedAt: o.receivedAt, location: { address: 'Storgatan 12', lat: o.lat, lon: o.lon } })
        .expect(202);

    it('links a report within 50 m of an open one of the same category and tells the citizen', async () => {
      const first = await report(here);
      expect(first.body.duplicateOf).toBeUndefined();
      const second = await report({ lat: here.lat + 0.00027, lon: here.lon });
      expect(second.body).toEqual({ id: expect.any(String), reference: expect.any(String), trackingToken: expect.any(String), status: 'received', duplicateOf: { reference: first.body.reference } });
      expect((await received(second.body.id)).payload.duplicateOf).toBe(first.body.id);
      const row = (await db.query(`SELECT duplicate_of FROM intake.inquiries WHERE id = $1`, [second.body.id])).rows[0];
      expect(row.duplicate_of).toBe(first.body.id);
      // A third one nearby is linked to the original, not to the duplicate.
      expect((await report({ lat: here.lat - 0.0001, lon: here.lon + 0.0001 })).body.duplicateOf).toEqual({ reference: first.body.reference });
    });

    it('does not link what is farther, another category, not a fault report, resolved, or older than 7 days', async () => {
      const spot = { lat: 59.2, lon: 17.6 };
      const base = await report(spot);
      expect((await report({ lat: spot.lat + 0.00072, lon: spot.lon })).body.duplicateOf).toBeUndefined();
      expect((await report({ ...spot, category: 'pothole_road_damage' })).body.duplicateOf).toBeUndefined();
      expect((await report({ ...spot, category: 'library' })).body.duplicateOf).toBeUndefined();
      expect((await report({ ...spot, category: 'library' })).body.duplicateOf).toBeUndefined();
      await db.query(`UPDATE intake.inquiries SET status = 'resolved' WHERE id = $1`, [base.body.id]);
      const afterResolve = await report(spot);
      expect(afterResolve.body.duplicateOf).toBeUndefined();

      const old = { lat: 59.3, lon: 17.7 };
      await report({ ...old, receivedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() });
      expect((await report(old)).body.duplicateOf).toBeUndefined();
    });
  });
});

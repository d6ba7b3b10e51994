import { randomUUID } from 'crypto';
import { Client } from 'pg';
import request from 'supertest';
import { EventTypes } from '@lotsen/contracts';
import { generateApiKey, hashApiKey, setLogSink } from '@lotsen/platform';
import { Inbox } from '@lotsen/messaging';
import { waitFor } from '@lotsen/testing';
import { event, publishEvents } from '../support/broker';
import { startPlatform, TestPlatform } from '../support/platform';

describe('intake API', () => {
  let p: TestPlatform;
  let db: Client;
  let otherStaffKey: string;
  const logs: string[] = [];

  beforeAll(async () => {
    setLogSink({ write: (line: string) => { logs.push(line); if (process.env.SHOW_LOGS) process.stdout.write(line); } });
    // No relay: outbox rows stay for inspection. Info logs go to the capture sink.
    p = await startPlatform(['intake'], { OUTBOX_RELAY: 'false', LOG_LEVEL: 'info' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    // A second municipality with its own staff key, to prove isolation.
    otherStaffKey = generateApiKey();
    await db.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('other', 'Annan kommun', 'AK')`);
    await db.query(`INSERT INTO intake.api_keys (id, tenant_id, key_hash, label, role) VALUES ($1, 'other', $2, 'other agent', 'agent')`, [randomUUID(), hashApiKey(otherStaffKey)]);
  });
  afterAll(async () => {
    setLogSink(undefined);
    await db?.end();
    await p?.close();
  });

  const post = (body: unknown, key = p.keys.web) => request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', key).send(body as object);
  const counts = async () => {
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM intake.inquiries)::int AS i, (SELECT count(*) FROM intake.outbox)::int AS o,
      (SELECT count(*) FROM intake.idempotency_keys)::int AS k, (SELECT count(*) FROM intake.inquiry_messages)::int AS m`);
    return rows[0];
  };

  describe('rejects bad input with a 4xx problem and stores nothing', () => {
    const valid = { channel: 'web', body: 'Hej, när är återvinningscentralen öppen?' };
    const cases: Array<[string, () => request.Test, number]> = [
      ['malformed JSON', () => request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).set('content-type', 'application/json').send('{"channel": "web", "body": '), 400],
      ['wrong type', () => post({ ...valid, body: 123 }), 400],
      ['unknown field', () => post({ ...valid, priority: 'high' }), 400],
      ['unknown nested field', () => post({ ...valid, citizen: { email: 'a@b.se', age: 3 } }), 400],
      ['over-long subject', () => post({ ...valid, subject: 'x'.repeat(201) }), 400],
      ['empty body', () => post({ ...valid, body: '' }), 400],
      ['unknown channel', () => post({ ...valid, channel: 'pigeon' }), 400],
      ['invalid e-mail', () => post({ ...valid, citizen: { email: 'not-an-address' } }), 400],
      ['lat without lon', () => post({ ...valid, location: { lat: 59.2 } }), 400],
      ['latitude out of range', () => post({ ...valid, location: { lat: 123, lon: 17 } }), 400],
      ['receivedAt in the future', () => post({ ...valid, receivedAt: new Date(Date.now() + 86400000).toISOString() }), 400],
      ['bad Idempotency-Key', () => post(valid).set('Idempotency-Key', 'ä'.repeat(3)), 400],
      ['body over 64 KB', () => post({ ...valid, body: 'å'.repeat(40000) }), 413],
      ['not JSON', () => request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).set('content-type', 'text/csv').send('a,b'), 415],
      ['missing API key', () => request(p.urls.intake!).post('/v1/inquiries').send(valid), 401],
      ['invalid API key', () => post(valid, 'lk_notakey'), 401],
      ['key of another channel', () => post({ ...valid, channel: 'email' }), 403],
      ['channel key marking first-contact resolution', () => post({ ...valid, resolvedAtFirstContact: true }), 403],
      ['unknown category', () => post({ ...valid, category: 'moon_landing' }), 422],
    ];
    it.each(cases)('%s', async (_name, send, status) => {
      const before = await counts();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.stringContaining('/problems/'), detail: expect.any(String) });
      expect(await counts()).toEqual(before);
    });
  });

  it('registers an inquiry with a yearly reference, detects its language and flags personal identity numbers', async () => {
    const res = await post({ channel: 'web', subject: 'Bygglov', body: 'Hej! Jag undrar hur lång tid ett bygglov tar. Mitt personnummer är 19121212-1212.', citizen: { email: 'kalle@example.se', phone: '070-123 45 67' } }).expect(202);
    expect(res.body.reference).toMatch(new RegExp(`^KC-${new Date().getFullYear()}-\\d{6}$`));
    const staff = await request(p.urls.intake!).get(`/v1/inquiries/${res.body.id}`).set('x-api-key', p.keys.agent).expect(200);
    expect(staff.body).toMatchObject({ language: 'sv', languageDetected: true, sensitive: true, status: 'received', citizen: { email: 'kalle@example.se', notify: true } });
    // The read of a sensitive inquiry is on record, and a second read shows both.
    const again = await request(p.urls.intake!).get(`/v1/inquiries/${res.body.id}`).set('x-api-key', p.keys.supervisor).expect(200);
    expect(again.body.sensitiveReads).toEqual([expect.objectContaining({ role: 'agent' }), expect.objectContaining({ role: 'supervisor' })]);
    const [outbox] = (await db.query(`SELECT envelope FROM intake.outbox WHERE envelope->'payload'->>'inquiryId' = $1`, [res.body.id])).rows;
    expect(outbox.envelope).toMatchObject({ type: 'inquiry.received', tenantId: 'demo', payload: { reference: res.body.reference, sensitive: true } });
  });

  it.each([
    ['en', 'Hello, the street light outside my house has been broken for a week.'],
    ['ar', 'مرحبا، مصباح الشارع أمام منزلي معطل منذ أسبوع.'],
    ['fi', 'Hei, katuvalo talomme edessä on ollut rikki viikon ajan.'],
    ['sv', 'Hej, gatlampan utanför mitt hus har varit trasig i en vecka.'],
  ])('detects %s', async (language, body) => {
    const res = await post({ channel: 'web', body }).expect(202);
    const staff = await request(p.urls.intake!).get(`/v1/inquiries/${res.body.id}`).set('x-api-key', p.keys.agent).expect(200);
    expect(staff.body.language).toBe(language);
  });

  it('keeps numbers consecutive per municipality and year', async () => {
    const a = await post({ channel: 'web', body: 'Fråga ett' }).expect(202);
    const b = await post({ channel: 'web', body: 'Fråga två' }).expect(202);
    expect(Number(b.body.reference.slice(-6))).toBe(Number(a.body.reference.slice(-6)) + 1);
  });

  describe('Idempotency-Key', () => {
    it('same key and body: one inquiry, the same answer', async () => {
      const body = { channel: 'web', body: 'Samma fråga två gånger' };
      const first = await post(body).set('Idempotency-Key', 'same-1').expect(202);
      const before = await counts();
      const second = await post(body).set('Idempotency-Key', 'same-1').expect(202);
      expect(second.body).toEqual(first.body);
      expect(await counts()).toEqual(before);
    });

    it('same key, different body: 422 and nothing stored', async () => {
      await post({ channel: 'web', body: 'Original' }).set('Idempotency-Key', 'same-2').expect(202);
      const before = await counts();
      const res = await post({ channel: 'web', body: 'Ändrad' }).set('Idempotency-Key', 'same-2').expect(422);
      expect(res.body.type).toContain('idempotency');
      expect(await counts()).toEqual(before);
    });

    it('concurrent retries with one key create one inquiry', async () => {
      const body = { channel: 'web', body: 'Dubbelklick på skicka' };
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(body).set('Idempotency-Key', 'race-1')));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE body = $1`, [body.body]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('citizen and staff views', () => {
    let created: { id: string; reference: string; trackingToken: string };
    beforeAll(async () => {
      created = (await post({ channel: 'web', subject: 'Hål i vägen', body: 'Stort hål i asfalten på Kyrkogatan 3.', citizen: { name: 'Anna Andersson', email: 'anna@example.se' } }).expect(202)).body;
    });

    it('the citizen sees status and thread with reference + token, nothing else', async () => {
      const res = await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).query({ token: created.trackingToken }).expect(200);
      expect(res.body).toMatchObject({ reference: created.reference, status: 'received', thread: [{ author: 'citizen', body: 'Stort hål i asfalten på Kyrkogatan 3.' }] });
      expect(JSON.stringify(res.body)).not.toMatch(/anna@example|Andersson|citizen"?:\s*\{/);
      expect(Object.keys(res.body).sort()).toEqual(['caseNumber', 'channel', 'handledBy', 'receivedAt', 'reference', 'status', 'subject', 'thread', 'updatedAt']);
    });

    it('a wrong token or reference answers 404', async () => {
      await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).query({ token: 'x'.repeat(24) }).expect(404);
      await request(p.urls.intake!).get(`/v1/inquiries/KC-1999-000001`).query({ token: created.trackingToken }).expect(404);
      await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).expect(404);
    });

    it('staff read by id; channel keys cannot; another municipality gets 404', async () => {
      await request(p.urls.intake!).get(`/v1/inquiries/${created.id}`).set('x-api-key', p.keys.supervisor).expect(200);
      await request(p.urls.intake!).get(`/v1/inquiries/${created.id}`).set('x-api-key', p.keys.web).expect(403);
      await request(p.urls.intake!).get(`/v1/inquiries/${created.id}`).expect(401);
      const other = await request(p.urls.intake!).get(`/v1/inquiries/${created.id}`).set('x-api-key', otherStaffKey).expect(404);
      expect(other.headers['content-type']).toMatch(/problem\+json/);
    });

    it('citizen follow-ups and staff notes join the thread; internal notes stay internal', async () => {
      await request(p.urls.intake!).post(`/v1/inquiries/${created.id}/messages`).query({ token: created.trackingToken }).send({ body: 'Hålet har blivit större.' }).expect(201);
      await request(p.urls.intake!).post(`/v1/inquiries/${created.id}/messages`).set('x-api-key', p.keys.agent).send({ body: 'Skickat till gata/park', visibility: 'internal' }).expect(201);
      await request(p.urls.intake!).post(`/v1/inquiries/${created.id}/messages`).query({ token: created.trackingToken }).send({ body: 'x', visibility: 'internal' }).expect(403);
      await request(p.urls.intake!).post(`/v1/inquiries/${created.id}/messages`).set('x-api-key', otherStaffKey).send({ body: 'intrång' }).expect(404);
      const citizen = await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).query({ token: created.trackingToken }).expect(200);
      expect(citizen.body.thread.map((m: { body: string }) => m.body)).toEqual(['Stort hål i asfalten på Kyrkogatan 3.', 'Hålet har blivit större.']);
      const staff = await request(p.urls.intake!).get(`/v1/inquiries/${created.id}`).set('x-api-key', p.keys.agent).expect(200);
      expect(staff.body.thread).toHaveLength(2);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE envelope->>'type' = 'inquiry.message.added' AND envelope->'payload'->>'inquiryId' = $1`, [created.id]);
      expect(rows[0].n).toBe(2);
    });

    it('follows routing events, in any order and once each', async () => {
      const t0 = Date.now();
      const routed = event(EventTypes.InquiryRouted, { inquiryId: created.id, department: 'gata_park', departmentName: 'Gata och park', queue: 'department', priority: 3, urgent: false, reasons: ['test'] }, 'demo', new Date(t0));
      const answered = event(EventTypes.InquiryAnswered, { inquiryId: created.id, answer: 'Vi lagar hålet på tisdag.', answeredBy: 'demo-agent', department: 'gata_park', byContactCenter: false }, 'demo', new Date(t0 + 1000));
      const resolved = event(EventTypes.InquiryResolved, { inquiryId: created.id, department: 'gata_park', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false }, 'demo', new Date(t0 + 2000));
      // Resolved arrives first, routed last, answered twice.
      await publishEvents(p.env, [resolved, answered, answered, routed]);
      const view = await waitFor('the status projection', async () => {
        const r = await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).query({ token: created.trackingToken });
        return r.body.thread?.length === 3 && r.body.handledBy ? r.body : undefined;
      });
      expect(view.status).toBe('resolved');
      expect(view.handledBy).toBe('Gata och park');
      expect(view.thread[2]).toMatchObject({ author: 'staff', body: 'Vi lagar hålet på tisdag.' });
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.status_history WHERE inquiry_id = $1`, [created.id]);
      expect(rows[0].n).toBe(3);
    });
  });

  it('applies a burst of status events in batches as one at a time: per inquiry in event order, out-of-order ones by time', async () => {
    const inbox = p.apps.intake!.get(Inbox, { strict: false });
    const batches: number[] = [];
    const handleBatch = inbox.handleBatch.bind(inbox);
    const spy = jest.spyOn(inbox, 'handleBatch').mockImplementation((consumer, events, ...rest) => {
      batches.push(events.length);
      return handleBatch(consumer, events, ...rest);
    });
    try {
      const created = [];
      for (let i = 0; i < 16; i++) created.push((await post({ channel: 'web', body: `Status i omgångar ${i}` }).expect(202)).body);
      const t0 = Date.now();
      const at = (s: number) => new Date(t0 + s * 1000);
      const events = created.flatMap((c, i) => {
        const routed = event(EventTypes.InquiryRouted, { inquiryId: c.id, department: 'gata_park', departmentName: 'Gata och park', queue: 'department', priority: 3, urgent: false, reasons: ['test'] }, 'demo', at(0));
        const assigned = event(EventTypes.InquiryAssigned, { inquiryId: c.id, agentId: 'agent-1', agentName: 'Agent Ett', department: 'gata_park' }, 'demo', at(1));
        const transferred = event(EventTypes.InquiryTransferred, { inquiryId: c.id, fromDepartment: 'gata_park', toDepartment: 'miljo', reason: 'miljöfråga' }, 'demo', at(2));
        const resolved = event(EventTypes.InquiryResolved, { inquiryId: c.id, department: 'miljo', resolutionCode: 'fixed', resolvedAtFirstContact: false, byContactCenter: false }, 'demo', at(3));
        // Even: in order, one of them twice. Odd: resolved first, then the rest; assigned last (it is older than the transfer).
        return i % 2 === 0 ? [routed, assigned, assigned, transferred] : [resolved, routed, transferred, assigned];
      });
      await publishEvents(p.env, events);
      const ids = created.map((c) => c.id);
      await waitFor('every status event', async () =>
        (await db.query(`SELECT count(*)::int AS n FROM intake.status_history WHERE inquiry_id = ANY($1::uuid[])`, [ids])).rows[0].n === 8 * 3 + 8 * 4, 20000);
      const { rows } = await db.query(`SELECT id, status, department, department_name, agent_name, status_at, handler_at FROM intake.inquiries WHERE id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      created.forEach((c, i) => {
        expect(byId.get(c.id)).toMatchObject({
          status: i % 2 === 0 ? 'in_progress' : 'resolved', department: 'miljo', department_name: 'miljo', agent_name: null,
          status_at: i % 2 === 0 ? at(2) : at(3), handler_at: at(2),
        });
      });
      expect(Math.max(...batches)).toBeGreaterThan(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('limits failed reference+token lookups per client, not the citizen with the right token', async () => {
    const ok = (await post({ channel: 'web', body: 'Gissa inte min token' }).expect(202)).body;
    // The suite's own failed lookups count too: exhaust the rest of this minute's budget.
    let status = 404;
    for (let i = 0; i < 40 && status === 404; i++) {
      status = (await request(p.urls.intake!).get(`/v1/inquiries/${ok.reference}`).query({ token: `wrong-token-${i}` })).status;
    }
    expect(status).toBe(429);
    const wrong = await request(p.urls.intake!).get(`/v1/inquiries/${ok.reference}`).query({ token: 'wrong-token-again' });
    expect(wrong.body).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    // Others' failures from the same address never lock the citizen out of their own case.
    await request(p.urls.intake!).get(`/v1/inquiries/${ok.reference}`).query({ token: ok.trackingToken }).expect(200);
  });

  it('never writes a personal identity number, e-mail address or phone number to the logs', () => {
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toMatch(/19121212-?1212|kalle@example\.se|anna@example\.se|070-123 45 67/);
  });
});

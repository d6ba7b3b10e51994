import * as fs from 'fs';
import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { generateApiKey, hashApiKey } from '@lotsen/platform';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';
import { AnswerRequestsHousekeeping } from '../../apps/routing/src/work/answer-requests-housekeeping';
import { devDataPath } from '@lotsen/config';

const DEV_DATA = devDataPath();

describe('routing: agents, claims, catalogue and bad input', () => {
  let p: TestPlatform;
  let db: DataSource;
  let second: string;
  let secondApp: INestApplication | undefined;

  /** An agent with its own staff key (subject = agent id). */
  async function agent(id: string, body: Record<string, unknown>): Promise<string> {
    await request(p.urls.routing!).put(`/v1/agents/${id}`).set('x-api-key', p.keys.admin)
      .send({ name: id, role: 'agent', department: 'kontaktcenter', languages: ['sv'], capacity: 5, presence: 'available', ...body }).expect(200);
    const key = generateApiKey();
    await db.query(`INSERT INTO routing.api_keys (id, tenant_id, key_hash, label, role, subject_id) VALUES ($1, 'demo', $2, $3, $4, $5)`,
      [randomUUID(), hashApiKey(key), `test ${id}`, (body.role as string) ?? 'agent', id]);
    return key;
  }

  async function post(body: string, subject?: string): Promise<string> {
    const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', subject, body }).expect(202);
    return res.body.id;
  }

  async function routed(ids: string[]): Promise<void> {
    await waitFor(`${ids.length} routed`, async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM routing.work_items WHERE inquiry_id = ANY($1)`, [ids]);
      return n === ids.length;
    }, 20000);
  }

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'reporting']);
    db = p.apps.routing!.get(DataSource);
    // a second routing instance on the same database and queue (p.start replaces the handles: keep the first)
    const first = { app: p.apps.routing!, url: p.urls.routing! };
    const other = await p.start('routing');
    secondApp = other.app;
    second = other.url;
    p.apps.routing = first.app;
    p.urls.routing = first.url;
  });
  afterAll(async () => {
    await secondApp?.close();
    await p?.close();
  });

  it('answers unknown departments, agents and categories with 404/422 problem+json', async () => {
    const r = request(p.urls.routing!);
    const checks: [request.Test, number, string][] = [
      [r.get('/v1/departments/nope').set('x-api-key', p.keys.agent), 404, 'unknown-department'],
      [r.get('/v1/categories/nope').set('x-api-key', p.keys.agent), 404, 'unknown-category'],
      [r.get('/v1/agreements/nope').set('x-api-key', p.keys.agent), 404, 'unknown-category'],
      [r.put('/v1/agreements/nope').set('x-api-key', p.keys.admin).send({ priority: 2 }), 404, 'unknown-category'],
      [r.put('/v1/agreements/street_lighting').set('x-api-key', p.keys.admin).send({ department: 'nope' }), 422, 'unknown-department'],
      [r.get('/v1/agents/nobody').set('x-api-key', p.keys.supervisor), 404, 'unknown-agent'],
      [r.put('/v1/agents/x1').set('x-api-key', p.keys.admin).send({ name: 'X', role: 'agent', department: 'nope', languages: ['sv'], capacity: 1 }), 422, 'unknown-department'],
      [r.put('/v1/agents/x1').set('x-api-key', p.keys.admin).send({ name: 'X', role: 'agent', department: 'kontaktcenter', languages: ['sv'], capacity: 1, skills: [{ category: 'nope', level: 3 }] }), 422, 'unknown-category'],
      [r.put('/v1/agents/x1').set('x-api-key', p.keys.admin).send({ name: 'X', role: 'agent', department: 'kontaktcenter', languages: ['sv'], capacity: 1, skills: [{ category: 'library', level: 9 }] }), 400, 'validation'],
      [r.post('/v1/categories').set('x-api-key', p.keys.admin).send({ code: 'new_cat', department: 'nope', name: { sv: 'Ny' } }), 422, 'unknown-department'],
      [r.get(`/v1/inquiries/${randomUUID()}/routing`).set('x-api-key', p.keys.agent), 404, 'not-found'],
      [r.get('/v1/inquiries/not-a-uuid/routing').set('x-api-key', p.keys.agent), 404, 'not-found'],
      [r.post(`/v1/work/${randomUUID()}/answer`).set('x-api-key', p.keys.agent).send({ text: 'x' }), 404, 'not-found'],
      [r.post('/v1/classify').set('x-api-key', p.keys.agent).send({ body: '' }), 400, 'validation'],
      [r.post('/v1/classify').set('x-api-key', p.keys.web).send({ body: 'x' }), 401, 'invalid-api-key'],
      [r.put('/v1/calendar').set('x-api-key', p.keys.admin).send({ timezone: 'Mars/Olympus' }), 422, 'invalid-calendar'],
    ];
    for (const [i, [req, status, slug]] of checks.entries()) {
      const res = await req;
      expect({ check: i, status: res.status }).toEqual({ check: i, status });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe(`https://lotsen.dev/problems/${slug}`);
    }

    // transfers to an unknown department or agent
    const id = await post('Vilka är öppettiderna för kontaktcenter i stadshuset?', 'Öppettider');
    await routed([id]);
    await request(p.urls.routing!).post(`/v1/work/${id}/transfer`).set('x-api-key', p.keys.supervisor).send({ toDepartment: 'nope', reason: 'x' }).expect(422);
    await request(p.urls.routing!).post(`/v1/work/${id}/transfer`).set('x-api-key', p.keys.supervisor).send({ toAgentId: 'nobody', reason: 'x' }).expect(422);
    await request(p.urls.routing!).post(`/v1/work/${id}/transfer`).set('x-api-key', p.keys.supervisor).send({ reason: 'x' }).expect(400);
    // and an agent acting on an item that is not theirs
    await request(p.urls.routing!).post(`/v1/work/${id}/answer`).set('x-api-key', p.keys.agent).send({ text: 'x' }).expect(403);
  });

  it('versions agreements: a change applies to new inquiries, earlier decisions keep their version', async () => {
    const before = await post('Gatlampan utanför Storgatan 12 är släckt sedan en vecka.', 'Gatlampa släckt');
    await routed([before]);
    const changed = await request(p.urls.routing!).put('/v1/agreements/street_lighting').set('x-api-key', p.keys.admin)
      .send({ priority: 2, slaFirstResponseHours: 4, note: 'mörka kvällar' }).expect(200);
    expect(changed.body).toMatchObject({ version: 2, priority: 2, changed: true });
    const same = await request(p.urls.routing!).put('/v1/agreements/street_lighting').set('x-api-key', p.keys.admin).send({ priority: 2 }).expect(200);
    expect(same.body).toMatchObject({ version: 2, changed: false });
    const after = await post('Gatlampan vid busshållplatsen på Kungsgatan lyser inte.', 'Trasig gatlampa');
    await routed([after]);
    const [a, b] = await Promise.all([before, after].map((id) => request(p.urls.routing!).get(`/v1/inquiries/${id}/routing`).set('x-api-key', p.keys.agent)));
    expect(a.body.decision).toMatchObject({ category: 'street_lighting', agreementVersion: 1, priority: 3 });
    expect(b.body.decision).toMatchObject({ category: 'street_lighting', agreementVersion: 2, priority: 2 });
    const history = await request(p.urls.routing!).get('/v1/agreements/street_lighting').set('x-api-key', p.keys.agent).expect(200);
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('refuses a claim to an agent over capacity, away, or without the language', async () => {
    const ids = [
      await post('Hur länge har biblioteket öppet på lördagar?', 'Bibliotek'),
      await post('Vilka öppettider har stadshuset i jul?', 'Öppettider'),
    ];
    await routed(ids);
    const fiOnly = await agent('fi-only', { languages: ['fi'], skills: [{ department: 'kontaktcenter', level: 5 }, { department: 'kultur_fritid', level: 5 }] });
    await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', fiOnly).expect(204);

    const one = await agent('cap-one', { languages: ['sv'], capacity: 1, skills: [{ department: 'kontaktcenter', level: 5 }, { department: 'kultur_fritid', level: 5 }] });
    const first = await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', one).expect(200);
    expect(first.body.language).toBe('sv');
    const full = await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', one).expect(409);
    expect(full.body.type).toMatch(/over-capacity$/);
    await request(p.urls.routing!).post(`/v1/work/${first.body.inquiryId}/resolve`).set('x-api-key', one).send({ resolutionCode: 'answered' }).expect(200);
    await request(p.urls.routing!).put('/v1/agents/cap-one/presence').set('x-api-key', one).send({ presence: 'away' }).expect(200);
    const away = await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', one).expect(409);
    expect(away.body.type).toMatch(/not-available$/);
    // a key whose subject is not an agent
    const stranger = generateApiKey();
    await db.query(`INSERT INTO routing.api_keys (id, tenant_id, key_hash, label, role, subject_id) VALUES ($1, 'demo', $2, 'test stranger', 'agent', 'stranger')`, [randomUUID(), hashApiKey(stranger)]);
    await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', stranger).expect(404);
  });

  it('never gives one item to two agents, even with claims racing on two routing instances', async () => {
    const rows = fs.readFileSync(DEV_DATA, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).slice(0, 60);
    const ids: string[] = [];
    for (const r of rows) ids.push(await post(r.text, r.subject || undefined));
    await routed(ids);
    const [{ n: claimable }] = await db.query(
      `SELECT count(*)::int AS n FROM routing.work_items WHERE status = 'queued' AND department IN ('kontaktcenter', 'triage') AND queue <> 'supervisor'`);
    expect(claimable).toBeGreaterThan(10);

    const keys = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id) =>
      agent(id, { role: 'supervisor', languages: ['sv', 'en', 'ar', 'fi'], capacity: 100 })));
    const claimed: { agent: number; id: string }[] = [];
    await Promise.all(keys.map(async (key, i) => {
      for (let n = 0; ; n++) {
        const res = await request(n % 2 ? second : p.urls.routing!).post('/v1/work/next').set('x-api-key', key);
        if (res.status === 204) return;
        expect(res.status).toBe(200);
        claimed.push({ agent: i, id: res.body.inquiryId });
      }
    }));
    const unique = new Set(claimed.map((c) => c.id));
    expect(unique.size).toBe(claimed.length);
    expect(claimed.length).toBeGreaterThanOrEqual(claimable);
    const perAgent = new Set(claimed.map((c) => c.agent));
    expect(perAgent.size).toBeGreaterThan(1);
    const [{ n: double }] = await db.query(
      `SELECT count(*)::int AS n FROM (SELECT inquiry_id FROM routing.work_history WHERE action = 'claimed' GROUP BY inquiry_id HAVING count(*) > 1) d`);
    expect(double).toBe(0);
  });

  it('answers once per Idempotency-Key: a repeat, even concurrent, sends nothing again; another answer under the key is refused', async () => {
    const id = await post('Hur förnyar jag mina lån på biblioteket?', 'Lån');
    await routed([id]);
    const r = request(p.urls.routing!);
    const answer = (key: string, text: string) => r.post(`/v1/work/${id}/answer`).set('x-api-key', p.keys.supervisor).set('idempotency-key', key).send({ text });
    const answered = async () => (await db.query(`SELECT count(*)::int AS n FROM routing.work_history WHERE inquiry_id = $1 AND action = 'answered'`, [id]))[0].n;

    const key = randomUUID();
    const [a, b] = await Promise.all([answer(key, 'Logga in på bibliotekets sida.'), answer(key, 'Logga in på bibliotekets sida.')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await answer(key, 'Logga in på bibliotekets sida.')).status).toBe(200);
    expect(await answered()).toBe(1);

    const reused = await answer(key, 'Ett annat svar.');
    expect(reused.status).toBe(422);
    expect(reused.body.type).toMatch(/idempotency-key-reused/);
    const bad = await answer('not a key!', 'Logga in.');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await answered()).toBe(1);

    // Another key is another answer.
    expect((await answer(randomUUID(), 'Och ring oss om det inte går.')).status).toBe(200);
    expect(await answered()).toBe(2);
    // Without a key: a double click is one answer; past the window the same text is a new one.
    const keyless = () => r.post(`/v1/work/${id}/answer`).set('x-api-key', p.keys.supervisor).send({ text: 'Välkommen åter!' });
    expect([(await keyless()).status, (await keyless()).status]).toEqual([200, 200]);
    expect(await answered()).toBe(3);
    await db.query(`UPDATE routing.answer_requests SET created_at = now() - interval '3 minutes' WHERE key LIKE 'auto:%' AND inquiry_id = $1`, [id]);
    expect((await keyless()).status).toBe(200);
    expect(await answered()).toBe(4);

    // Housekeeping removes keys past the window and keeps the recent ones.
    await db.query(`UPDATE routing.answer_requests SET created_at = now() - interval '400 days' WHERE key = $1`, [key]);
    expect(await p.apps.routing!.get(AnswerRequestsHousekeeping).sweep()).toBe(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM routing.answer_requests WHERE inquiry_id = $1`, [id]);
    expect(n).toBe(2);
  });

  it('finds curated answers with full text and despite typos', async () => {
    const typo = await request(p.urls.routing!).get('/v1/knowledge/search').query({ q: 'öppetider kontaktcenter' }).set('x-api-key', p.keys.agent).expect(200);
    expect(typo.body[0].answer).toMatch(/08–17/);
    const en = await request(p.urls.routing!).get('/v1/knowledge/search').query({ q: 'opening hours' }).set('x-api-key', p.keys.agent).expect(200);
    expect(en.body.map((h: { language: string }) => h.language)).toContain('en');
    await request(p.urls.routing!).get('/v1/knowledge/search').set('x-api-key', p.keys.agent).expect(400);
  });

  it('suggests the top similar answers on an item when an agent opens it', async () => {
    const id = await post('Hej, vilka öppettider har kontaktcenter på fredag?', 'Öppettider');
    await routed([id]);
    const item = await request(p.urls.routing!).get(`/v1/work/${id}`).set('x-api-key', p.keys.supervisor).expect(200);
    expect(item.body.suggestions.length).toBeGreaterThan(0);
    expect(item.body.suggestions.length).toBeLessThanOrEqual(3);
    expect(item.body.suggestions[0]).toMatchObject({ kind: 'curated', answer: expect.stringMatching(/08–17/) });
  });
});

import { randomUUID } from 'crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '@lotsen/testing';
import { RoutingKnowledgeDrafts1765000400010 } from '../../apps/routing/src/migrations/1765000400010-RoutingKnowledgeDrafts';
import { SlaService } from '../../apps/routing/src/sla/sla.service';
import { startPlatform, TestPlatform } from '../support/platform';

describe('routing: what the knowledge base shows, and opening hours checked at the edge', () => {
  let p: TestPlatform;
  let db: DataSource;

  async function post(body: string, subject?: string): Promise<string> {
    const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', subject, body }).expect(202);
    return res.body.id;
  }

  async function routed(id: string): Promise<void> {
    await waitFor('routed', async () => (await db.query(`SELECT 1 FROM routing.work_items WHERE inquiry_id = $1`, [id])).length === 1, 20000);
  }

  const search = async (q: string) => (await request(p.urls.routing!).get('/v1/knowledge/search').query({ q }).set('x-api-key', p.keys.agent).expect(200)).body as Array<{ question: string; answer: string }>;
  // A department's item: the supervisor reads beyond first-line work by giving a reason (need-to-know).
  const suggestions = async (id: string) => (await request(p.urls.routing!).get(`/v1/work/${id}`).set('x-api-key', p.keys.supervisor).set('x-access-reason', 'Granskar förslagen ur kunskapsbanken').expect(200)).body.suggestions as Array<{ question: string; answer: string }>;
  const drafts = async () => (await request(p.urls.routing!).get('/v1/knowledge/drafts').set('x-api-key', p.keys.supervisor).expect(200)).body as Array<{ id: string; inquiryId: string; question: string; answer: string }>;

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing']);
    db = p.apps.routing!.get(DataSource);
  });
  afterAll(async () => {
    await p?.close();
  });

  describe('knowledge: a learned answer is a draft until a supervisor publishes it', () => {
    it("an answer to one citizen's case is neither suggested on another citizen's case nor searchable, until reviewed and published", async () => {
      const first = await post('Hej! Jag heter Olle Svensson och bor på Storgatan 4. Grannens kompostkvarn luktar surt och råttor springer i trädgården, vad gör jag?', 'Kompostkvarn råttor');
      await routed(first);
      await request(p.urls.routing!).post(`/v1/work/${first}/answer`).set('x-api-key', p.keys.supervisor)
        .send({ text: 'Hej Olle Svensson, vi skickar en miljöinspektör till Storgatan 4 på tisdag om kompostkvarnen och råttorna.' }).expect(200);

      const second = await post('Det luktar från en kompostkvarn och det finns råttor i trädgården, vad kan jag göra?', 'Kompostkvarn');
      await routed(second);
      const leaks = (hits: Array<{ question: string; answer: string }>) => hits.filter((h) => /Olle|Storgatan/.test(`${h.question} ${h.answer}`));
      expect(leaks(await suggestions(second))).toEqual([]);
      expect(leaks(await search('kompostkvarn råttor'))).toEqual([]);
      expect(leaks(await request(p.urls.routing!).get('/v1/knowledge/search').query({ q: 'Olle Svensson Storgatan' }).set('x-api-key', p.keys.admin).expect(200).then((r) => r.body))).toEqual([]);

      // The supervisor finds it among the drafts, removes what identifies the citizen and publishes it.
      const draft = (await drafts()).find((d) => d.inquiryId === first)!;
      expect(draft.answer).toMatch(/Olle Svensson/);
      await request(p.urls.routing!).get('/v1/knowledge/drafts').set('x-api-key', p.keys.agent).expect(403);
      await request(p.urls.routing!).put(`/v1/knowledge/drafts/${draft.id}`).set('x-api-key', p.keys.supervisor)
        .send({ question: 'Grannens kompostkvarn luktar och råttor springer i trädgården, vad gör jag?' }).expect(200);
      const published = await request(p.urls.routing!).post(`/v1/knowledge/drafts/${draft.id}/publish`).set('x-api-key', p.keys.supervisor)
        .send({ answer: 'Kontakta miljöförvaltningen: en inspektör bedömer kompostkvarnen och råttorna på plats.' }).expect(200);
      expect(published.body).toMatchObject({ status: 'published', publishedBy: 'demo-supervisor' });

      const hits = await search('kompostkvarn råttor');
      expect(hits.some((h) => /inspektör bedömer/.test(h.answer))).toBe(true);
      expect(leaks(hits)).toEqual([]);
      expect((await suggestions(second)).some((h) => /inspektör bedömer/.test(h.answer))).toBe(true);
      expect((await drafts()).some((d) => d.id === draft.id)).toBe(false);

      // Answering the case again does not overwrite what was published.
      await request(p.urls.routing!).post(`/v1/work/${first}/answer`).set('x-api-key', p.keys.supervisor).send({ text: 'Hej Olle, inspektören kommer kl 10.' }).expect(200);
      expect(leaks(await search('kompostkvarn råttor inspektör'))).toEqual([]);
    });

    it('refuses to publish a question that still holds contact details; a discarded draft is gone', async () => {
      const id = await post('Kan ni ringa mig på 070-123 45 67 om bygglovet för altanen?', 'Bygglov altan');
      await routed(id);
      await request(p.urls.routing!).post(`/v1/work/${id}/answer`).set('x-api-key', p.keys.supervisor).send({ text: 'Altaner under 1,8 m behöver inget bygglov.' }).expect(200);
      const draft = (await drafts()).find((d) => d.inquiryId === id)!;
      const refused = await request(p.urls.routing!).post(`/v1/knowledge/drafts/${draft.id}/publish`).set('x-api-key', p.keys.supervisor)
        .send({ question: 'Ring anna@example.se om altanen' }).expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await drafts()).some((d) => d.id === draft.id)).toBe(true);

      await request(p.urls.routing!).delete(`/v1/knowledge/drafts/${draft.id}`).set('x-api-key', p.keys.supervisor).expect(204);
      await request(p.urls.routing!).delete(`/v1/knowledge/drafts/${draft.id}`).set('x-api-key', p.keys.supervisor).expect(404);
      await request(p.urls.routing!).post(`/v1/knowledge/drafts/not-a-uuid/publish`).set('x-api-key', p.keys.supervisor).send({}).expect(404);
      expect(await db.query(`SELECT 1 FROM routing.knowledge WHERE id = $1`, [draft.id])).toEqual([]);
    });

    it('the migration turns answers learned so far into drafts and keeps curated answers published', async () => {
      const migration = new RoutingKnowledgeDrafts1765000400010();
      // A database of the previous version: the routing role cannot alter the table, the test database's owner can.
      const owner = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
      await owner.initialize();
      try {
        const oq = owner.createQueryRunner();
        await oq.query(`DELETE FROM routing.knowledge`);
        await migration.down(oq);
        const learned = randomUUID();
        const curated = randomUUID();
        await oq.query(`INSERT INTO routing.knowledge (id, tenant_id, kind, inquiry_id, question, answer, language, search) VALUES
          ($1, 'demo', 'answered', $1, 'Olle på Storgatan 4 undrar om soptunnan', 'Hej Olle, tömning på tisdag', 'sv', to_tsvector('swedish', 'soptunnan')),
          ($2, 'demo', 'curated', NULL, 'När töms soptunnan?', 'Varannan tisdag', 'sv', to_tsvector('swedish', 'soptunnan'))`, [learned, curated]);
        await migration.up(oq);
        const rows = await oq.query(`SELECT id, status FROM routing.knowledge ORDER BY kind`);
        expect(rows).toEqual([{ id: learned, status: 'draft' }, { id: curated, status: 'published' }]);
        const hits = await search('soptunnan');
        expect(hits.map((h) => h.answer)).toEqual(['Varannan tisdag']);
        await oq.release();
      } finally {
        await owner.destroy();
      }
    });
  });

  describe('business hours: a wrong shape is a 400 naming the field, and nothing is stored', () => {
    const hours = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };

    it('a department with opens after closes, or with hours as an array, is refused', async () => {
      const put = (body: object) => request(p.urls.routing!).put('/v1/departments/kultur_fritid').set('x-api-key', p.keys.admin).send(body);
      const before = (await request(p.urls.routing!).get('/v1/departments/kultur_fritid').set('x-api-key', p.keys.admin).expect(200)).body;
      for (const [businessHours, field] of [
        [{ ...hours, opens: '17:00', closes: '08:00' }, 'businessHours.closes'],
        [{ ...hours, opens: '12:00', closes: '12:00' }, 'businessHours.closes'],
        [[hours], 'businessHours'],
        ['08-17', 'businessHours'],
        [{ ...hours, days: 'weekdays' }, 'businessHours.days'],
      ] as const) {
        const res = await put({ name: { sv: 'Kultur' }, businessHours }).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await request(p.urls.routing!).get('/v1/departments/kultur_fritid').set('x-api-key', p.keys.admin).expect(200)).body).toEqual(before);
      await put({ name: { sv: 'Kultur' }, businessHours: { ...hours, closes: '24:00' } }).expect(200);
    });

    it('the tenant calendar is refused the same way', async () => {
      const before = (await request(p.urls.routing!).get('/v1/calendar').set('x-api-key', p.keys.admin).expect(200)).body;
      for (const [businessHours, field] of [
        [{ ...hours, opens: '18:00', closes: '09:00' }, 'businessHours.closes'],
        [[hours], 'businessHours'],
      ] as const) {
        const res = await request(p.urls.routing!).put('/v1/calendar').set('x-api-key', p.keys.admin).send({ businessHours }).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await request(p.urls.routing!).get('/v1/calendar').set('x-api-key', p.keys.admin).expect(200)).body).toEqual(before);
    });

    it('hours stored before they were checked do not stop work: the department keeps the tenant calendar', async () => {
      await db.query(`UPDATE routing.departments SET business_hours = '[{"days":[1],"opens":"17:00","closes":"08:00"}]' WHERE tenant_id = 'demo' AND code = 'miljo'`);
      const sla = p.apps.routing!.get(SlaService);
      sla.invalidate('demo');
      const cal = await sla.calendar('demo', 'miljo');
      expect(cal.spec.hours).toEqual((await request(p.urls.routing!).get('/v1/calendar').set('x-api-key', p.keys.admin).expect(200)).body.businessHours);
    });
  });
});

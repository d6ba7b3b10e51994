import * as fs from 'fs';
import * as amqp from 'amqplib';
import { randomUUID } from 'crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createEvent, EventTypes } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import { waitFor } from '@lotsen/testing';
import { consumeDepartmentWork, WorkMessage } from '../../scripts/department';
import { RoutingService } from '../../apps/routing/src/routing/routing.service';
import { watchBatches } from '../support/batches';
import { startPlatform, TestPlatform } from '../support/platform';
import { devDataPath } from '@lotsen/config';

const DEV_DATA = devDataPath();

interface DevRow { id: string; channel: string; language: string; subject: string; text: string; department: string; location: { address?: string; lat?: number; lon?: number } | null }

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

describe('routing: every inquiry through intake is routed, worked and reported', () => {
  let p: TestPlatform;
  let routingDb: DataSource;
  let intakeDb: DataSource;
  let reportingDb: DataSource;
  const gataParkWork: WorkMessage[] = [];
  const tokens = new Map<string, string>();
  let closeConsumer: () => Promise<void>;

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'reporting']);
    routingDb = p.apps.routing!.get(DataSource);
    intakeDb = p.apps.intake!.get(DataSource);
    reportingDb = p.apps.reporting!.get(DataSource);
    // the example department integration, bound before anything is routed
    const consumer = await consumeDepartmentWork({
      amqpUrl: p.env.amqpUrl, namespace: p.env.namespace, tenant: 'demo', department: 'gata_park', onItem: (m) => { gataParkWork.push(m); },
    });
    p.env.trackQueue(consumer.queue);
    closeConsumer = consumer.close;
  });
  afterAll(async () => {
    await closeConsumer?.();
    await p?.close();
  });

  it('routes all 300 dev inquiries posted through intake: a decision and inquiry.routed each, status in_progress', async () => {
    const rows: DevRow[] = fs.readFileSync(DEV_DATA, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(300);
    const ids = new Map<string, DevRow>();
    await pool(rows, 8, async (r) => {
      const body: Record<string, unknown> = { channel: r.channel, body: r.text };
      if (r.subject) body.subject = r.subject;
      if (r.location?.address) body.location = r.location;
      const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys[r.channel]).send(body);
      expect(res.status).toBe(202);
      ids.set(res.body.id, r);
      tokens.set(res.body.id, res.body.trackingToken);
    });

    await waitFor('300 routing decisions', async () => {
      const [{ n }] = await routingDb.query(`SELECT count(*)::int AS n FROM routing.decisions`);
      return n === 300;
    }, 45000, 250);
    await waitFor('300 inquiry.routed in reporting', async () => {
      const [{ n }] = await reportingDb.query(`SELECT count(*)::int AS n FROM reporting.events WHERE type = 'inquiry.routed'`);
      return n === 300;
    }, 30000, 250);
    await waitFor('intake status in_progress for all', async () => {
      const [{ n }] = await intakeDb.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE status = 'in_progress'`);
      return n === 300;
    }, 30000, 250);

    const decisions: { inquiry_id: string; topic_department: string; department: string; queue: string; reasons: string[]; agreement_version: number | null }[] =
      await routingDb.query(`SELECT inquiry_id, topic_department, department, queue, reasons, agreement_version FROM routing.decisions`);
    expect(new Set(decisions.map((d) => d.inquiry_id))).toEqual(new Set(ids.keys()));
    for (const d of decisions) expect(d.reasons.length).toBeGreaterThan(0);
    // the initial model was trained on these 300, so this is a sanity check, not a quality measure
    const right = decisions.filter((d) => d.topic_department === ids.get(d.inquiry_id)!.department).length;
    expect(right / 300).toBeGreaterThan(0.85);
    const [{ n: items }] = await routingDb.query(`SELECT count(*)::int AS n FROM routing.work_items WHERE status = 'queued'`);
    expect(items).toBe(300);
    const queues = new Set(decisions.map((d) => d.queue));
    expect(queues.has('first_line')).toBe(true);
    expect(queues.has('department')).toBe(true);

    // department work went out on lotsen.work to the example consumer
    const gp = decisions.filter((d) => d.department === 'gata_park' && d.queue === 'department').length;
    expect(gp).toBeGreaterThan(0);
    await waitFor('gata_park work items at the department consumer', () => gataParkWork.length >= gp, 20000);
    expect(gataParkWork.every((m) => m.tenantId === 'demo' && m.payload.department === 'gata_park')).toBe(true);
    expect(gataParkWork[0].payload.inquiry?.body).toEqual(expect.any(String));
  });

  it('routes an inquiry.received delivered twice (and re-sent under a new event id) once', async () => {
    const names = new BrokerNames(p.env.namespace);
    const conn = await amqp.connect(p.env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    const inquiryId = randomUUID();
    const payload = {
      inquiryId, reference: 'KC-2026-999001', channel: 'web', subject: 'Trasig gatlampa', body: 'Gatlampan på Storgatan 3 är trasig sedan i går.',
      language: 'sv', languageDetected: true, sensitive: false, receivedAt: new Date().toISOString(),
    };
    const event = createEvent(EventTypes.InquiryReceived, payload, { tenantId: 'demo' });
    const again = createEvent(EventTypes.InquiryReceived, payload, { tenantId: 'demo' });
    for (const e of [event, event, again]) ch.publish(names.events, e.type, Buffer.from(JSON.stringify(e)), { persistent: true, messageId: e.id });
    await ch.waitForConfirms();
    await conn.close();

    await waitFor('the decision', async () => (await routingDb.query(`SELECT 1 FROM routing.decisions WHERE inquiry_id = $1`, [inquiryId])).length === 1);
    await waitFor('inquiry.routed in reporting', async () =>
      (await reportingDb.query(`SELECT 1 FROM reporting.events WHERE type = 'inquiry.routed' AND envelope->'payload'->>'inquiryId' = $1`, [inquiryId])).length > 0);
    // give the duplicates time to be consumed, then count effects
    await waitFor('all three deliveries handled', async () => {
      const [{ n }] = await routingDb.query(`SELECT count(*)::int AS n FROM routing.inbox WHERE event_id = ANY($1)`, [[event.id, again.id]]);
      return n === 2;
    });
    const [{ n: routed }] = await reportingDb.query(
      `SELECT count(*)::int AS n FROM reporting.events WHERE type = 'inquiry.routed' AND envelope->'payload'->>'inquiryId' = $1`, [inquiryId]);
    expect(routed).toBe(1);
    const [{ n: items }] = await routingDb.query(`SELECT count(*)::int AS n FROM routing.work_items WHERE inquiry_id = $1`, [inquiryId]);
    expect(items).toBe(1);

    const view = await request(p.urls.routing!).get(`/v1/inquiries/${inquiryId}/routing`).set('x-api-key', p.keys.agent).expect(200);
    expect(view.body.decision).toMatchObject({ department: 'gata_park', queue: 'department', category: 'street_lighting', agreementVersion: 1 });
    expect(view.body.decision.reasons.join(' ')).toMatch(/agreement v1/);
    expect(view.body.now).toMatchObject({ department: 'gata_park', status: 'queued' });
  });

  it('routes a burst in batches (inquiries stored set-based) exactly as one at a time', async () => {
    const routing = p.apps.routing!.get(RoutingService, { strict: false });
    const batches = watchBatches(routing, 'route');
    try {
      // Inquiries the first test routed (mostly one at a time), sent again as one burst under new ids.
      const before: Array<Record<string, any>> = await routingDb.query(
        `SELECT i.channel, i.subject, i.body, i.language, d.department, d.queue, d.category, d.type, d.agreement_version, d.priority, d.first_response_due_at IS NOT NULL AS sla
         FROM routing.inquiries i JOIN routing.decisions d ON d.inquiry_id = i.id ORDER BY i.received_at LIMIT 60`);
      const receivedAt = new Date().toISOString();
      const events = before.map((r, i) => createEvent(EventTypes.InquiryReceived, {
        inquiryId: randomUUID(), reference: `KC-2026-98${String(i).padStart(4, '0')}`, channel: r.channel, subject: r.subject ?? undefined, body: r.body,
        language: r.language, languageDetected: false, sensitive: false, receivedAt,
      }, { tenantId: 'demo' }));
      // One of them once more under a new event id, in the same burst: still routed once.
      const again = createEvent(EventTypes.InquiryReceived, events[3].payload, { tenantId: 'demo' });
      const names = new BrokerNames(p.env.namespace);
      const conn = await amqp.connect(p.env.amqpUrl);
      const ch = await conn.createConfirmChannel();
      for (const e of [...events, again]) ch.publish(names.events, e.type, Buffer.from(JSON.stringify(e)), { persistent: true, messageId: e.id });
      await ch.waitForConfirms();
      await conn.close();

      const ids = events.map((e) => e.payload.inquiryId);
      await waitFor('every decision', async () => (await routingDb.query(`SELECT count(*)::int AS n FROM routing.decisions WHERE inquiry_id = ANY($1)`, [ids]))[0].n === ids.length, 20000);
      await waitFor('the duplicate handled', async () => (await routingDb.query(`SELECT 1 FROM routing.inbox WHERE event_id = $1`, [again.id])).length === 1);
      const after: Array<Record<string, any>> = await routingDb.query(
        `SELECT d.department, d.queue, d.category, d.type, d.agreement_version, d.priority, d.first_response_due_at IS NOT NULL AS sla
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) JOIN routing.inquiries i ON i.id = x.id JOIN routing.decisions d ON d.inquiry_id = i.id ORDER BY x.n`, [ids]);
      expect(after).toEqual(before.map(({ department, queue, category, type, agreement_version, priority, sla }) => ({ department, queue, category, type, agreement_version, priority, sla })));
      expect(after.filter((d) => d.agreement_version !== null).length).toBeGreaterThan(0);
      const [{ n: items }] = await routingDb.query(`SELECT count(*)::int AS n FROM routing.work_items WHERE inquiry_id = $1`, [ids[3]]);
      expect(items).toBe(1);
      expect(Math.max(...batches.sizes)).toBeGreaterThan(1);
      expect(batches.calls()).toBe(batches.sizes.length);
    } finally {
      batches.restore();
    }
  });

  it('lets the demo agent claim its best item, answer and resolve it; the events reach reporting and intake', async () => {
    const claim = await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', p.keys.agent).expect(200);
    const id: string = claim.body.inquiryId;
    expect(claim.body).toMatchObject({ status: 'assigned', assignedTo: 'demo-agent' });
    expect(['sv', 'en', 'ar']).toContain(claim.body.language);
    expect(['first_line', 'triage']).toContain(claim.body.queue);
    expect(claim.body.inquiry.body).toEqual(expect.any(String));
    const me = await request(p.urls.routing!).get('/v1/agents/me').set('x-api-key', p.keys.agent).expect(200);
    expect(me.body.load).toBe(1);

    const answered = await request(p.urls.routing!).post(`/v1/work/${id}/answer`).set('x-api-key', p.keys.agent)
      .send({ text: 'Tack för din fråga. Här är svaret.' }).expect(200);
    expect(answered.body.status).toBe('answered');
    const resolved = await request(p.urls.routing!).post(`/v1/work/${id}/resolve`).set('x-api-key', p.keys.agent)
      .send({ resolutionCode: 'answered', resolvedAtFirstContact: true }).expect(200);
    expect(resolved.body.status).toBe('resolved');
    await request(p.urls.routing!).post(`/v1/work/${id}/resolve`).set('x-api-key', p.keys.agent).send({ resolutionCode: 'answered' }).expect(409);

    await waitFor('assigned, answered and resolved in reporting', async () => {
      const rows: { type: string }[] = await reportingDb.query(`SELECT type FROM reporting.events WHERE envelope->'payload'->>'inquiryId' = $1`, [id]);
      const t = new Set(rows.map((r) => r.type));
      return ['inquiry.routed', 'inquiry.assigned', 'inquiry.answered', 'inquiry.resolved'].every((x) => t.has(x));
    });
    await waitFor('intake shows resolved', async () => (await intakeDb.query(`SELECT status FROM intake.inquiries WHERE id = $1`, [id]))[0]?.status === 'resolved');
    const [label] = await routingDb.query(`SELECT final_department FROM routing.inquiries WHERE id = $1`, [id]);
    expect(label.final_department).toEqual(expect.any(String)); // a labelled example for the next training run

    // a citizen follow-up on the resolved item reopens it
    await request(p.urls.intake!).post(`/v1/inquiries/${id}/messages`).query({ token: tokens.get(id) }).send({ body: 'En följdfråga, tack.' }).expect(201);
    await waitFor('reopened', async () => (await routingDb.query(`SELECT status FROM routing.work_items WHERE inquiry_id = $1`, [id]))[0]?.status === 'queued');
    await waitFor('inquiry.reopened in reporting', async () =>
      (await reportingDb.query(`SELECT 1 FROM reporting.events WHERE type = 'inquiry.reopened' AND envelope->'payload'->>'inquiryId' = $1`, [id])).length === 1);
  });

  it('serves department systems over REST: list, acknowledge, return', async () => {
    const list = await request(p.urls.routing!).get('/v1/departments/gata_park/work').set('x-api-key', p.keys.department).expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    const item = list.body[0];
    expect(item).toMatchObject({ id: expect.any(String), reference: expect.any(String), body: expect.any(String) });
    await request(p.urls.routing!).get('/v1/departments/miljo/work').set('x-api-key', p.keys.department).expect(403);
    await request(p.urls.routing!).get('/v1/departments/nope/work').set('x-api-key', p.keys.supervisor).expect(404);

    const ack = await request(p.urls.routing!).post(`/v1/departments/gata_park/work/${item.id}/acknowledge`).set('x-api-key', p.keys.department).expect(200);
    expect(ack.body).toMatchObject({ status: 'assigned', assignedTo: 'gata_park' });
    await request(p.urls.routing!).post(`/v1/departments/gata_park/work/${item.id}/acknowledge`).set('x-api-key', p.keys.department).expect(200);
    const back = await request(p.urls.routing!).post(`/v1/departments/gata_park/work/${item.id}/return`).set('x-api-key', p.keys.department)
      .send({ reason: 'Gäller privat väg, inte kommunens' }).expect(200);
    expect(back.body).toMatchObject({ department: 'kontaktcenter', queue: 'first_line', status: 'queued' });
    await waitFor('inquiry.returned in reporting', async () =>
      (await reportingDb.query(`SELECT 1 FROM reporting.events WHERE type = 'inquiry.returned' AND envelope->'payload'->>'inquiryId' = $1`, [item.id])).length === 1);
  });
});

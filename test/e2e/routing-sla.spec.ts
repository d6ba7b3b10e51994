import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

/** One business hour passes in one real second here; the office is always open. */
const SPEED = 3600;

describe('routing: SLA clocks in (shortened) business time', () => {
  let p: TestPlatform;
  let reporting: DataSource;

  const slaEvents = async (inquiryId: string) => {
    const rows: { type: string; clock: string }[] = await reporting.query(
      `SELECT type, envelope->'payload'->>'clock' AS clock FROM reporting.events
       WHERE type LIKE 'inquiry.sla.%' AND envelope->'payload'->>'inquiryId' = $1 ORDER BY occurred_at`, [inquiryId]);
    return rows.map((r) => `${r.type.replace('inquiry.sla.', '')}:${r.clock}`).sort();
  };

  async function post(body: string): Promise<string> {
    const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', subject: 'Gatlampa', body }).expect(202);
    return res.body.id;
  }

  async function routed(id: string) {
    return waitFor('routed', async () => {
      const r = await request(p.urls.routing!).get(`/v1/inquiries/${id}/routing`).set('x-api-key', p.keys.agent);
      return r.status === 200 ? r.body : undefined;
    });
  }

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'reporting'], {
      ROUTING_SLA_CLOCK_SPEED: String(SPEED), ROUTING_SCHEDULER_INTERVAL_MS: '100', ROUTING_OVERFLOW_AFTER_SECONDS: '1', ROUTING_SUPERVISOR_AFTER_SECONDS: '2',
    });
    reporting = p.apps.reporting!.get(DataSource);
    await request(p.urls.routing!).put('/v1/calendar').set('x-api-key', p.keys.admin)
      .send({ businessHours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }, holidays: '' }).expect(200);
    await request(p.urls.routing!).put('/v1/agreements/street_lighting').set('x-api-key', p.keys.admin)
      .send({ slaFirstResponseHours: 3, slaResolutionHours: 5 }).expect(200);
  });
  afterAll(() => p?.close());

  it('fires the warning at 80 % and the breach at the due time, once each, and stops a clock when answered', async () => {
    const late = await post('Gatlampan på Storgatan 14 är släckt.');
    const quick = await post('Gatlampan på Parkvägen 2 lyser inte.');
    const [d1] = [await routed(late), await routed(quick)];
    expect(d1.decision).toMatchObject({ category: 'street_lighting', agreementVersion: 2 });
    const spanMs = new Date(d1.decision.firstResponseDueAt).getTime() - new Date(d1.decision.decidedAt).getTime();
    expect(spanMs).toBeGreaterThan(1000);
    expect(spanMs).toBeLessThan(3500); // 3 business hours at 3600× ≈ 3 s
    // answer the second at once: its first-response clock stops
    await request(p.urls.routing!).post(`/v1/work/${quick}/answer`).set('x-api-key', p.keys.supervisor).send({ text: 'Vi har skickat en elektriker.' }).expect(200);

    await waitFor('both clocks warned and breached', async () => (await slaEvents(late)).length >= 4, 15000, 200);
    await waitFor('the answered one breaches resolution', async () => (await slaEvents(quick)).includes('breached:resolution'), 15000, 200);
    await new Promise((r) => setTimeout(r, 500)); // a few more scheduler rounds: nothing fires twice
    expect(await slaEvents(late)).toEqual(['breached:first_response', 'breached:resolution', 'warning:first_response', 'warning:resolution']);
    expect(await slaEvents(quick)).toEqual(['breached:resolution', 'warning:resolution']);
  });

  it('keeps timers across a restart: due while routing was down, they fire when it is back', async () => {
    const id = await post('Gatlampan i korsningen vid skolan blinkar och slocknar.');
    await routed(id);
    await p.stop('routing');
    await new Promise((r) => setTimeout(r, 5500)); // past every due time
    expect(await slaEvents(id)).toEqual([]);
    await p.start('routing');
    await waitFor('timers fired after the restart', async () => (await slaEvents(id)).length === 4, 15000, 200);
    expect(await slaEvents(id)).toEqual(['breached:first_response', 'breached:resolution', 'warning:first_response', 'warning:resolution']);
  });

  it('overflows an item nobody qualified can take: skills widened, then the supervisor queue', async () => {
    await request(p.urls.routing!).put('/v1/agents/demo-supervisor/presence').set('x-api-key', p.keys.supervisor).send({ presence: 'offline' }).expect(200);
    const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web)
      .send({ channel: 'web', subject: 'Aukioloajat', body: 'Mitkä ovat kaupungintalon aukioloajat ja puhelinnumero?', language: 'fi' }).expect(202);
    const id = res.body.id;
    const path = `/v1/inquiries/${id}/routing`;
    await waitFor('widened, then in the supervisor queue', async () => {
      const r = await request(p.urls.routing!).get(path).set('x-api-key', p.keys.agent);
      return r.body.now?.queue === 'supervisor' ? r.body : undefined;
    }, 15000, 200);
    const view = await request(p.urls.routing!).get(path).set('x-api-key', p.keys.agent).expect(200);
    expect(view.body.now).toMatchObject({ queue: 'supervisor', overflowStage: 2, status: 'queued' });
    expect(view.body.history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['overflow_widened', 'overflow_supervisor']));
    // the demo agent (no Finnish) cannot take it; the supervisor, back online, gets it
    await request(p.urls.routing!).put('/v1/agents/demo-supervisor/presence').set('x-api-key', p.keys.supervisor).send({ presence: 'available' }).expect(200);
    const claimed = await request(p.urls.routing!).post('/v1/work/next').set('x-api-key', p.keys.supervisor).expect(200);
    expect(claimed.body).toMatchObject({ inquiryId: id, assignedTo: 'demo-supervisor' });
  });
});

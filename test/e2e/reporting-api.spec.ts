import request from 'supertest';
import { DataSource } from 'typeorm';
import { BrokerNames } from '@lotsen/messaging';
import { waitFor } from '@lotsen/testing';
import { publishEvents } from '@lotsen/load-harness';
import { startPlatform, TestPlatform } from '../support/platform';
import { april } from '../support/reporting-scenario';

describe('reporting fed through RabbitMQ: API, CSV, goals, department report, dashboard files', () => {
  let p: TestPlatform;
  let url: string;
  const events = april('demo');

  beforeAll(async () => {
    p = await startPlatform(['reporting']);
    url = p.urls.reporting!;
    const names = p.apps.reporting!.get(BrokerNames);
    // Out of order, with a redelivered duplicate.
    await publishEvents(p.env.amqpUrl, names.events, [...events].reverse().concat(events.slice(0, 3)));
    const ds = p.apps.reporting!.get(DataSource);
    await waitFor('reporting to store every event', async () => {
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM reporting.events');
      return n === events.length;
    }, 20000);
  });
  afterAll(() => p?.close());

  const get = (path: string, key = p.keys.supervisor) => request(url).get(path).set('x-api-key', key);

  it('answers the hand-computed figures as JSON', async () => {
    const res = await get('/v1/kpis?from=2026-04-01&to=2026-04-30').expect(200);
    expect(res.body.volume.received).toBe(7);
    expect(res.body.totals).toMatchObject({
      answeredByCenterPct: 42.9, firstContactResolutionPct: 14.3, firstResponseMedianHours: 0.75, resolutionMedianHours: 13.5,
      slaCompliancePct: 33.3, reopenRatePct: 50, csatAverage: 3.67, csatResponseRatePct: 75, callsOffered: 4, phoneServiceLevelPct: 75,
    });
    // The demo goal: 80 % of calls answered within 60 s.
    expect(res.body.serviceLevelSeconds).toBe(60);
    expect(res.body.goals.find((g: { kpi: string }) => g.kpi === 'answeredByCenterPct')).toMatchObject({ target: 75, actual: 42.9, status: 'missed' });
    const byChannel = await get('/v1/kpis?from=2026-04-01&to=2026-04-30&groupBy=channel&department=gata_park').expect(200);
    expect(byChannel.body.groups.map((g: { channel: string; received: number }) => [g.channel, g.received])).toEqual([['web', 2]]);
  });

  it('exports CSV that a spreadsheet opens: BOM, header row, one row per group, RFC 4180', async () => {
    const viaAccept = await get('/v1/kpis?from=2026-04-01&to=2026-04-30&groupBy=week').set('accept', 'text/csv').expect(200);
    expect(viaAccept.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(viaAccept.headers['content-disposition']).toMatch(/attachment; filename="kpis-2026-04-01-2026-04-30-by-week.csv"/);
    const text = viaAccept.text;
    expect(text.startsWith('\uFEFFfrom,to,week,received,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, three weeks, trailing empty
    expect(lines[1].startsWith('2026-04-01,2026-04-30,2026-W14,4,')).toBe(true);
    expect(lines.slice(0, 4).every((l) => l.split(',').length === lines[0].split(',').length)).toBe(true);
    const viaPath = await get('/v1/kpis.csv?from=2026-04-01&to=2026-04-30&groupBy=week').expect(200);
    expect(viaPath.text).toBe(text);
  });

  it('refuses bad input with problem+json and unknown keys or channel keys', async () => {
    for (const q of ['from=2026-02-30', 'groupBy=year', 'channel=fax', 'foo=1', 'serviceLevelSeconds=-1', 'from=2026-05-01&to=2026-04-01']) {
      const res = await get(`/v1/kpis?${q}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await request(url).get('/v1/kpis').expect(401);
    await get('/v1/kpis', p.keys.web).expect(401); // channel keys are not staff keys
  });

  it('lets an admin manage goals and others only read them', async () => {
    await request(url).put('/v1/goals/csatAverage').set('x-api-key', p.keys.agent).send({ target: 4.5 }).expect(403);
    const set = await request(url).put('/v1/goals/csatAverage').set('x-api-key', p.keys.admin).send({ target: 3.5 }).expect(200);
    expect(set.body).toMatchObject({ kpi: 'csatAverage', target: 3.5, direction: 'atLeast' });
    await request(url).put('/v1/goals/volume').set('x-api-key', p.keys.admin).send({ target: 1 }).expect(400);
    await request(url).put('/v1/goals/csatAverage').set('x-api-key', p.keys.admin).send({ target: 'x' }).expect(400);
    const k = await get('/v1/kpis?from=2026-04-01&to=2026-04-30').expect(200);
    expect(k.body.goals.find((g: { kpi: string }) => g.kpi === 'csatAverage').status).toBe('met');
    await request(url).delete('/v1/goals/csatAverage').set('x-api-key', p.keys.admin).expect(204);
    await get('/v1/goals/csatAverage', p.keys.department).expect(404);
    expect((await get('/v1/goals', p.keys.agent).expect(200)).body.length).toBeGreaterThan(3);
  });

  it('reports what citizens ask a department about', async () => {
    const res = await get('/v1/reports/departments/gata_park?from=2026-04-01&to=2026-04-30').expect(200);
    expect(res.body).toMatchObject({ department: 'gata_park', received: 2, figures: { praise: 1, faultReports: 1 } });
    expect(res.body.topCategories).toEqual([
      { category: 'street_lighting', department: 'gata_park', received: 1, names: { sv: 'Gatubelysning', en: 'Street lighting', ar: 'إنارة الشوارع', fi: 'Katuvalaistus' } },
      { category: 'unknown', department: 'gata_park', received: 1 },
    ]);
    await get('/v1/reports/departments/Bad%20Code').expect(400);
  });

  it('serves the dashboard page, its files and Chart.js under a self-only CSP', async () => {
    const page = await request(url).get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.text).not.toMatch(/<script>|<style|style=/);
    const chart = await request(url).get('/assets/chart.umd.js').expect(200);
    expect(chart.headers['content-type']).toMatch(/javascript/);
    expect(chart.text.length).toBeGreaterThan(100000);
    await request(url).get('/assets/nope.js').expect(404);
    const data = await get('/v1/dashboard?from=2026-04-01&to=2026-04-30').expect(200);
    expect(data.body.volume.series.web.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(data.body.timeGroup).toBe('day');
  });
});

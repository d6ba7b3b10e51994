import fc from 'fast-check';
import request from 'supertest';
import { Client } from 'pg';
import { waitFor } from '@lotsen/testing';
import { gallring } from '../../scripts/gallring';
import { everyRow, kpiAnswers } from '../support/retention-scan';
import { startPlatform, TestPlatform } from '../support/platform';

/**
 * Retention as a property over random lifecycles and random rules, on one platform: inquiries of
 * random categories, some left open, the others resolved a random number of months ago, some under
 * legal hold; random rules per category (gallras N months, bevaras, none) and a random default.
 * After each run exactly the inquiries the rules make due and no hold keeps are gone from every
 * service, every other one is untouched, and every KPI is what it was. Runs accumulate: an
 * inquiry erased by one run stays erased, one kept may fall due under the next run's rules.
 */
describe('retention over random lifecycles and rules', () => {
  let p: TestPlatform;
  let db: Client;
  const staff = (key: string) => ({ 'x-api-key': key });

  const CATEGORIES = {
    street_lighting: 'Gatlampan lyser inte',
    library: 'Har biblioteket öppet på söndag',
    pothole_road_damage: 'Hål i vägen vid skolan',
    preschool: 'Hur söker jag förskoleplats',
  } as const;
  type Category = keyof typeof CATEGORIES;
  // Months ago and periods never coincide, so no inquiry sits on the edge of its period.
  const MONTHS_AGO = [0, 2, 5, 9, 14, 30];
  const PERIODS = [1, 4, 8, 12, 24];
  type Rule = null | 'bevaras' | number;

  interface Known { id: string; marker: string; category: Category; resolvedMonthsAgo: number | null; held: boolean; erased: boolean }
  const known: Known[] = [];
  let serial = 0;

  const lifecycle = fc.record({
    category: fc.constantFrom(...(Object.keys(CATEGORIES) as Category[])),
    resolvedMonthsAgo: fc.option(fc.constantFrom(...MONTHS_AGO), { nil: null, freq: 4 }),
    held: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  });
  const rule: fc.Arbitrary<Rule> = fc.oneof(fc.constant(null), fc.constant('bevaras' as const), fc.constantFrom(...PERIODS));
  const rules = fc.record({ '*': rule, street_lighting: rule, library: rule, pothole_road_damage: rule, preschool: rule });

  const dueUnder = (r: Record<string, Rule>, i: Known) => {
    const applies = r[i.category] ?? r['*'];
    return typeof applies === 'number' && i.resolvedMonthsAgo !== null && i.resolvedMonthsAgo >= applies && !i.held;
  };

  const KPI_QUERIES = ['groupBy=category', 'groupBy=channel', 'groupBy=day', `from=2025-01-01&to=${new Date().toISOString().slice(0, 10)}&groupBy=month,category`];
  const kpis = () => kpiAnswers(p.urls.reporting!, p.keys.supervisor, KPI_QUERIES);

  const everything = () => everyRow(db);

  async function create(l: { category: Category; resolvedMonthsAgo: number | null; held: boolean }): Promise<Known> {
    // Letters only: a citizen name with digits is refused at the edge.
    const n = serial++;
    const marker = `Zqprop${String.fromCharCode(97 + Math.floor(n / 676) % 26, 97 + Math.floor(n / 26) % 26, 97 + (n % 26))}x`;
    const res = await request(p.urls.intake!).post('/v1/inquiries').set(staff(p.keys.web)).send({
      channel: 'web', category: l.category, subject: `${CATEGORIES[l.category]} ${marker}`, body: `${CATEGORIES[l.category]}. Hälsningar ${marker} Qvist`,
      citizen: { name: `${marker} Qvist`, email: `${marker.toLowerCase()}@example.se`, notify: false },
    }).expect(202);
    return { id: res.body.id, marker, ...l, erased: false };
  }

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting'], { REPORTING_PROJECTION_SETTLE_MS: '100' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  it('erases in every service exactly what the rules make due and no hold keeps, and no figure moves', async () => {
    const r = request(p.urls.routing!);
    await fc.assert(
      fc.asyncProperty(fc.array(lifecycle, { minLength: 2, maxLength: 3 }), rules, async (lifecycles, ruleSet) => {
        const fresh: Known[] = [];
        for (const l of lifecycles) fresh.push(await create(l));
        for (const i of fresh) {
          await waitFor(`${i.marker} routed`, async () => (await r.get(`/v1/work/${i.id}`).set(staff(p.keys.supervisor))).status === 200, 20000);
          if (i.resolvedMonthsAgo !== null) await r.post(`/v1/work/${i.id}/resolve`).set(staff(p.keys.supervisor)).send({ resolutionCode: 'answered' }).expect(200);
          if (i.held) await r.put(`/v1/inquiries/${i.id}/legal-hold`).set(staff(p.keys.supervisor)).send({ reason: 'Tvist' }).expect(200);
        }
        for (const i of fresh.filter((x) => x.resolvedMonthsAgo)) {
          await db.query(`UPDATE routing.work_items SET resolved_at = resolved_at - make_interval(months => $2) WHERE inquiry_id = $1`, [i.id, i.resolvedMonthsAgo]);
        }
        known.push(...fresh);
        const resolved = known.filter((i) => i.resolvedMonthsAgo !== null).length;
        await waitFor('reporting to hold every case', async () => {
          const k = await r.get('/v1/retention/rules').set(staff(p.keys.admin));
          const kp = await request(p.urls.reporting!).get('/v1/kpis').set(staff(p.keys.supervisor));
          return k.status === 200 && kp.body.volume?.received === known.length && kp.body.totals?.resolved === resolved;
        }, 30000);

        for (const [category, x] of Object.entries(ruleSet)) {
          const path = `/v1/retention/rules/${encodeURIComponent(category)}`;
          if (x === null) await r.delete(path).set(staff(p.keys.admin));
          else await r.put(path).set(staff(p.keys.admin)).send(x === 'bevaras' ? { action: 'bevaras' } : { action: 'gallras', months: x }).expect(200);
        }
        const due = known.filter((i) => !i.erased && dueUnder(ruleSet, i));
        const before = await kpis();
        await gallring({ base: p.urls.routing!, key: p.keys.admin, dryRun: false, pollMs: 200 }, () => undefined);
        for (const i of due) i.erased = true;

        const runs: { scheduled: number; done: Record<string, number> }[] = (await r.get('/v1/retention/runs').set(staff(p.keys.admin)).expect(200)).body;
        const scheduled = runs.reduce((n, x) => n + x.scheduled, 0);
        expect(scheduled).toBe(known.filter((i) => i.erased).length);
        expect(await kpis()).toEqual(before);
        const after = await everything();
        for (const i of known) {
          expect({ inquiry: i, found: after.includes(i.marker) }).toEqual({ inquiry: i, found: !i.erased });
          if (i.erased) {
            const one = await r.get(`/v1/inquiries/${i.id}/retention`).set(staff(p.keys.admin)).expect(200);
            expect({ inquiry: i.marker, services: Object.keys(one.body.retention.services).sort() }).toEqual({ inquiry: i.marker, services: ['intake', 'notifications', 'reporting', 'routing'] });
          }
        }
      }),
      { numRuns: Number(process.env.RETENTION_PROPERTY_RUNS ?? 3), endOnFailure: true },
    );
  }, 240_000);
});

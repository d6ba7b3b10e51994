import request from 'supertest';
import { Client } from 'pg';
import { waitFor } from '@lotsen/testing';
import { gallring } from '../../scripts/gallring';
import { everyRow, kpiAnswers } from '../support/retention-scan';
import { startPlatform, TestPlatform } from '../support/platform';

/**
 * Gallring across the four services: rules per category, a legal hold, a run that removes the
 * personal data of every inquiry whose time has come in every service, and KPIs that stay exactly
 * as they were. The inquiries' resolution times are moved back in routing's table to stand for a
 * year of history (reporting keeps its own copy of every time, so no figure moves with them).
 */
describe('retention (gallring)', () => {
  let p: TestPlatform;
  let db: Client;

  interface Case { id: string; reference: string; marker: string; name: string; email: string; phone: string; category: string; old: boolean }
  const cases: Case[] = [];
  const PLAN: { category: string; text: string; old: boolean }[] = [
    { category: 'street_lighting', text: 'Gatlampan vid busshållplatsen lyser inte', old: true },
    { category: 'street_lighting', text: 'Belysningen i gångtunneln är trasig', old: false },
    { category: 'library', text: 'Har biblioteket öppet på lördagar', old: true },
    { category: 'library', text: 'Kan jag låna om en bok via telefon', old: true },
    { category: 'pothole_road_damage', text: 'Stort hål i vägen på infarten', old: true },
    { category: 'missed_waste_collection', text: 'Soporna hämtades inte i tisdags', old: true },
    { category: 'noise_nuisance', text: 'Grannen spelar hög musik varje natt', old: true },
    { category: 'preschool', text: 'Hur ansöker jag om förskoleplats', old: false },
  ];

  const staff = (key: string) => ({ 'x-api-key': key });
  const today = new Date().toISOString().slice(0, 10);
  const KPI_QUERIES = [
    'groupBy=channel', 'groupBy=department', 'groupBy=category', 'groupBy=day', 'groupBy=week,type', 'groupBy=language',
    `from=${today}&to=${today}&groupBy=hour`, `from=2025-01-01&to=${today}&groupBy=month,category`, 'channel=web&groupBy=department',
  ];

  const kpis = () => kpiAnswers(p.urls.reporting!, p.keys.supervisor, KPI_QUERIES);

  const everything = () => everyRow(db);

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting'], { REPORTING_PROJECTION_SETTLE_MS: '100' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    for (const [i, plan] of PLAN.entries()) {
      const c = { marker: `Zqmark${i}x`, name: `Testperson${String.fromCharCode(65 + i)} Qvist`, email: `person${i}.q@example.se`, phone: `070123450${i}`, category: plan.category, old: plan.old };
      const res = await request(p.urls.intake!).post('/v1/inquiries').set(staff(p.keys.web)).send({
        channel: 'web', category: plan.category, subject: `${plan.text} ${c.marker}`,
        body: `${plan.text}. Hälsningar ${c.name}, ${c.email}, ${c.phone}. ${c.marker}`,
        citizen: { name: c.name, email: c.email, phone: c.phone, notify: true },
        location: { address: `Markörgatan ${i + 1}`, lat: 59.19 + i / 1000, lon: 17.62 + i / 1000 },
      }).expect(202);
      cases.push({ ...c, id: res.body.id, reference: res.body.reference });
    }
    for (const c of cases) {
      await waitFor(`${c.reference} routed`, async () => (await request(p.urls.routing!).get(`/v1/work/${c.id}`).set(staff(p.keys.supervisor))).status === 200, 20000);
      await request(p.urls.routing!).post(`/v1/work/${c.id}/notes`).set(staff(p.keys.supervisor)).send({ text: `Anteckning om ${c.name} ${c.marker}` }).expect(201);
      await request(p.urls.routing!).post(`/v1/work/${c.id}/answer`).set(staff(p.keys.supervisor)).send({ text: `Hej ${c.name}, tack. Svar ${c.marker}` }).expect(200);
      await request(p.urls.routing!).post(`/v1/work/${c.id}/resolve`).set(staff(p.keys.supervisor)).send({ resolutionCode: 'answered' }).expect(200);
    }
    let seen = {};
    // Every service has its copy: intake the answer in the thread, notifications the answer mail, reporting the resolution.
    await waitFor('every service to hold every case', async () => {
      const [{ n: thread }] = (await db.query(`SELECT count(DISTINCT inquiry_id)::int AS n FROM intake.inquiry_messages WHERE inquiry_id = ANY($1)`, [cases.map((c) => c.id)])).rows;
      const [{ n: mails }] = (await db.query(`SELECT count(DISTINCT inquiry_id)::int AS n FROM notifications.deliveries WHERE trigger = 'answer' AND inquiry_id = ANY($1)`, [cases.map((c) => c.id)])).rows;
      const k = await request(p.urls.reporting!).get('/v1/kpis').set(staff(p.keys.supervisor));
      seen = { thread, mails, received: k.body.volume?.received };
      return thread === cases.length && mails === cases.length && k.body.volume?.received === cases.length;
    }, 30000).catch((err) => { throw new Error(`${(err as Error).message}: ${JSON.stringify(seen)}`); });
    // A year of history: the old cases were resolved thirteen months ago.
    await db.query(`UPDATE routing.work_items SET resolved_at = resolved_at - interval '13 months' WHERE inquiry_id = ANY($1)`, [cases.filter((c) => c.old).map((c) => c.id)]);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  it('refuses rules for unknown categories, negative periods, holds without a reason and runs ahead of time', async () => {
    const r = request(p.urls.routing!);
    const checks: [request.Test, number, string][] = [
      [r.put('/v1/retention/rules/no_such_category').set(staff(p.keys.admin)).send({ action: 'gallras', months: 12 }), 400, 'unknown-category'],
      [r.put('/v1/retention/rules/library').set(staff(p.keys.admin)).send({ action: 'gallras', months: -1 }), 400, 'validation'],
      [r.put('/v1/retention/rules/library').set(staff(p.keys.admin)).send({ action: 'gallras' }), 400, 'validation'],
      [r.put('/v1/retention/rules/library').set(staff(p.keys.admin)).send({ action: 'forever' }), 400, 'validation'],
      [r.put('/v1/retention/rules/library').set(staff(p.keys.admin)).send([{ action: 'bevaras' }]), 400, 'validation'],
      [r.put('/v1/retention/rules/library').set(staff(p.keys.agent)).send({ action: 'bevaras' }), 403, 'forbidden'],
      [r.put(`/v1/inquiries/${cases[0].id}/legal-hold`).set(staff(p.keys.supervisor)).send({}), 400, 'validation'],
      [r.put(`/v1/inquiries/${cases[0].id}/legal-hold`).set(staff(p.keys.supervisor)).send({ reason: '' }), 400, 'validation'],
      [r.put('/v1/inquiries/00000000-0000-4000-8000-000000000000/legal-hold').set(staff(p.keys.supervisor)).send({ reason: 'överklagat' }), 404, 'not-found'],
      [r.post(`/v1/inquiries/${cases[0].id}/legal-hold/lift`).set(staff(p.keys.supervisor)).send({ reason: 'klart' }), 404, 'no-hold'],
      [r.post('/v1/retention/runs').set(staff(p.keys.admin)).send({ asOf: '2999-01-01' }), 400, 'as-of-in-future'],
    ];
    for (const [i, [req, status, slug]] of checks.entries()) {
      const res = await req;
      expect({ check: i, status: res.status, type: res.headers['content-type'] }).toEqual({ check: i, status, type: expect.stringMatching(/^application\/problem\+json/) });
      expect({ check: i, slug: String(res.body.type) }).toEqual({ check: i, slug: expect.stringContaining(slug) });
    }
    const rules = await r.get('/v1/retention/rules').set(staff(p.keys.admin)).expect(200);
    expect(rules.body).toEqual([]);
  });

  it('removes the personal data of due inquiries in every service, once, and leaves every KPI as it was', async () => {
    jest.setTimeout(120_000);
    const r = request(p.urls.routing!);
    await r.put('/v1/retention/rules/*').set(staff(p.keys.admin)).send({ action: 'gallras', months: 12, note: 'DHP 1.1' }).expect(200);
    await r.put('/v1/retention/rules/noise_nuisance').set(staff(p.keys.admin)).send({ action: 'bevaras', note: 'DHP 4.2' }).expect(200);
    const held = cases.find((c) => c.category === 'pothole_road_damage')!;
    const hold = await r.put(`/v1/inquiries/${held.id}/legal-hold`).set(staff(p.keys.supervisor)).send({ reason: 'Skadeståndsanspråk' }).expect(200);
    expect(hold.body).toMatchObject({ inquiryId: held.id, reason: 'Skadeståndsanspråk', placedBy: 'demo-supervisor', liftedAt: null });
    await r.put(`/v1/inquiries/${held.id}/legal-hold`).set(staff(p.keys.supervisor)).send({ reason: 'igen' }).expect(409);

    const removed = cases.filter((c) => c.old && c.category !== 'noise_nuisance' && c !== held);
    const kept = cases.filter((c) => !removed.includes(c));
    expect(removed).toHaveLength(4);

    const dry = await r.post('/v1/retention/runs').set(staff(p.keys.admin)).send({ dryRun: true }).expect(201);
    expect(dry.body.inquiries).toBe(removed.length);
    expect(dry.body.categories).toEqual(expect.arrayContaining([{ category: 'library', inquiries: 2 }]));

    const before = await kpis();
    const snapshotBefore = await everything();
    for (const c of cases) expect(snapshotBefore).toContain(c.marker);

    // The operator's command: a dry run first, then the run, followed until every service confirmed.
    const printed: string[] = [];
    await gallring({ base: p.urls.routing!, key: p.keys.admin, dryRun: true }, (l) => printed.push(l));
    expect(printed[0]).toMatch(/dry run, nothing changed\): 4 inquiries/);
    expect(printed).toContainEqual(expect.stringMatching(/^ {2}library +2$/));
    expect(printed).toContainEqual(expect.stringMatching(/^ {2}notifications +the recipient/));
    printed.length = 0;
    await gallring({ base: p.urls.routing!, key: p.keys.admin, dryRun: false, pollMs: 200 }, (l) => printed.push(l));
    expect(printed[0]).toMatch(/run [0-9a-f-]{36}, 4 inquiries handed to every service/);
    expect(printed.at(-1)).toBe('Done: every service has removed its copy of every due inquiry.');
    const runs = await r.get('/v1/retention/runs').set(staff(p.keys.admin)).expect(200);
    expect(runs.body).toEqual([expect.objectContaining({ scheduled: removed.length, requestedBy: 'demo-admin', done: { intake: 4, routing: 4, notifications: 4, reporting: 4 } })]);
    const one = await r.get(`/v1/inquiries/${removed[0].id}/retention`).set(staff(p.keys.admin)).expect(200);
    expect(Object.keys(one.body.retention.services).sort()).toEqual(['intake', 'notifications', 'reporting', 'routing']);

    // A second run finds nothing more: nothing is published twice.
    const again = await r.post('/v1/retention/runs').set(staff(p.keys.admin)).send({}).expect(201);
    expect(again.body.scheduled).toBe(0);

    // The projector folds the re-marked inquiries; reports catch up before they answer.
    expect(await kpis()).toEqual(before);

    const after = await everything();
    for (const c of removed) {
      for (const needle of [c.marker, c.name, c.email, c.phone, `Markörgatan ${cases.indexOf(c) + 1}`]) {
        expect({ reference: c.reference, needle, found: after.includes(needle) }).toEqual({ reference: c.reference, needle, found: false });
      }
    }
    for (const c of kept) expect({ reference: c.reference, kept: after.includes(c.marker) && after.includes(c.email) }).toEqual({ reference: c.reference, kept: true });

    // The case itself stays as a record without personal data; the citizen's link no longer opens it.
    const staffView = await request(p.urls.intake!).get(`/v1/inquiries/${removed[0].id}`).set(staff(p.keys.supervisor)).expect(200);
    expect(staffView.body).toMatchObject({ reference: removed[0].reference, status: 'resolved' });

    // Lifting the hold lets the next run take the held inquiry too.
    await r.post(`/v1/inquiries/${held.id}/legal-hold/lift`).set(staff(p.keys.supervisor)).send({ reason: 'Anspråket avgjort' }).expect(200);
    const later = await r.post('/v1/retention/runs').set(staff(p.keys.admin)).send({}).expect(201);
    expect(later.body.scheduled).toBe(1);
    const holds = await r.get(`/v1/inquiries/${held.id}/retention`).set(staff(p.keys.admin)).expect(200);
    expect(holds.body.holds).toEqual([expect.objectContaining({ reason: 'Skadeståndsanspråk', liftedBy: 'demo-supervisor', liftedReason: 'Anspråket avgjort' })]);
  });
});

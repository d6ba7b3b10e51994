import { EventEnvelope, EventTypes as T, createEvent } from '@lotsen/contracts';
import { planScans } from '@lotsen/testing';
import { rng, syntheticEvents } from '@lotsen/load-harness';
import { reportingHarness, ReportingHarness, shuffled } from '../../../../test/support/reporting-harness';
import { april } from '../../../../test/support/reporting-scenario';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { ProjectorRepository } from '../projections/projector.repository';
import { rebuildProjections } from '../rebuild/rebuild';
import { FACT_DELTA_STATEMENTS } from './apply-fact-deltas';

/** Both rollup tables in a stable order, sums rounded (floating-point addition order differs). */
async function rollups(h: ReportingHarness): Promise<unknown[]> {
  const daily = await h.ds.query(`SELECT * FROM reporting.inquiry_daily ORDER BY tenant_id, day, channel, department, category, type, language`);
  const terms = await h.ds.query(`SELECT * FROM reporting.term_daily ORDER BY tenant_id, day, department, term`);
  return [
    daily.map((r: Record<string, unknown>) => ({ ...r, first_response_sum: Number(r.first_response_sum).toFixed(6), resolution_sum: Number(r.resolution_sum).toFixed(6) })),
    terms,
  ];
}

describe('rollups moved by each fact change', () => {
  let h: ReportingHarness;
  beforeAll(async () => { h = await reportingHarness(); });
  afterAll(() => h?.close());

  it('read the stored facts of a batch by primary key, also while the table is young and unanalyzed', async () => {
    await h.ds.query(`INSERT INTO reporting.inquiry_facts (tenant_id, inquiry_id, received_at, received_local, day, department, terms, event_count)
      SELECT 'young', gen_random_uuid(), now(), now(), current_date, 'gata_park', ARRAY['gatlampa'], 1 FROM generate_series(1, 4000)`);
    const facts = await h.ds.query(`SELECT tenant_id, inquiry_id, day, department, terms FROM reporting.inquiry_facts WHERE tenant_id = 'young' LIMIT 5`);
    for (const sql of FACT_DELTA_STATEMENTS) {
      const scans = (await planScans(h.ds, sql, [JSON.stringify(facts), facts.length])).filter((s) => s.endsWith(' inquiry_facts'));
      expect(scans).toEqual(['Index Scan inquiry_facts']);
    }
    await h.ds.query(`DELETE FROM reporting.inquiry_facts WHERE tenant_id = 'young'`);
  });

  it('equal a full recompute after batches that change departments, resolutions, reopenings and surveys', async () => {
    const synthetic = syntheticEvents({ tenantId: 't1', days: ['2026-03-02', '2026-03-03', '2026-03-04'], inquiriesPerDay: 60, callsPerDay: 5, seed: 11 });
    // Transfers move an inquiry (and its terms) to another department after it was projected.
    const r = rng(5);
    const transfers: EventEnvelope[] = synthetic
      .filter((e) => e.type === T.InquiryRouted && r() < 0.3)
      .map((e) => {
        const p = e.payload as { inquiryId: string; department: string };
        return createEvent(T.InquiryTransferred, { inquiryId: p.inquiryId, fromDepartment: p.department, toDepartment: 'miljo', reason: 'wrong department' }, { tenantId: 't1', occurredAt: new Date(Date.parse(e.occurredAt) + 600_000) });
      });
    const events = shuffled([...synthetic, ...transfers, ...april('t1'), ...april('t2')], 3);
    const projector = new ProjectorRepository(h.tx, new BusinessCalendar());
    const batch = Math.ceil(events.length / 9);
    for (let i = 0; i < events.length; i += batch) {
      for (const e of events.slice(i, i + batch)) await h.record(e);
      for (const e of events.slice(i, i + 5)) await h.record(e); // redelivered
      while ((await projector.catchUp(97)) > 0) { /* small batches: the same fact changes many times */ }
    }
    // Moves leave rows at zero until they are pruned (readers skip them).
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.term_daily WHERE inquiries = 0`))[0].n).toBeGreaterThan(0);
    // One inquiry received (no department yet), projected, then routed: its first row is at zero.
    const [received, routed] = april('t3').filter((e) => (e.payload as { inquiryId?: string }).inquiryId?.endsWith('01')).slice(0, 3)
      .filter((e) => e.type === T.InquiryReceived || e.type === T.InquiryRouted);
    await h.record(received);
    await projector.catchUp();
    await h.record(routed);
    await projector.catchUp();
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.inquiry_daily WHERE tenant_id = 't3' AND received = 0`))[0].n).toBe(1);
    const period = { from: '2026-04-01', to: '2026-04-30', groupBy: 'department' };
    const beforePrune = await h.report('t3', period);
    expect(beforePrune.groups!.map((g) => g.department)).toEqual(['gata_park']); // rows at zero never show
    await projector.prune();
    expect(await h.report('t3', period)).toEqual(beforePrune);
    const incremental = await rollups(h);
    const [daily, terms] = incremental as unknown[][];
    expect(daily.length).toBeGreaterThan(50);
    expect(terms.length).toBeGreaterThan(50);
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.term_daily WHERE inquiries <= 0`))[0].n).toBe(0);
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.inquiry_daily WHERE received <= 0`))[0].n).toBe(0);
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.term_daily WHERE department = 'miljo'`))[0].n).toBeGreaterThan(0);

    await rebuildProjections(h.ds);
    expect(await rollups(h)).toEqual(incremental);
  });
});

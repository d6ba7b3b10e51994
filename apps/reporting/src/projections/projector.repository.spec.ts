import { EventTypes as T } from '@lotsen/contracts';
import { reportingHarness, ReportingHarness } from '../../../../test/support/reporting-harness';
import { april } from '../../../../test/support/reporting-scenario';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { ProjectorRepository } from './projector.repository';

const factsOf = async (h: ReportingHarness, tenant: string) =>
  (await h.ds.query(`SELECT inquiry_id, department FROM reporting.inquiry_facts WHERE tenant_id = $1 ORDER BY inquiry_id`, [tenant])) as Array<{ inquiry_id: string; department: string | null }>;

describe('projector settle time', () => {
  let h: ReportingHarness;
  let projector: ProjectorRepository;
  beforeAll(async () => {
    h = await reportingHarness();
    projector = new ProjectorRepository(h.tx, new BusinessCalendar());
  });
  afterAll(() => h?.close());

  it('leaves streams marked within the settle time, then folds their events together', async () => {
    const inquiryOf = (e: { payload: unknown }) => (e.payload as { inquiryId: string }).inquiryId;
    const all = april('s1');
    const routedIds = new Set(all.filter((e) => e.type === T.InquiryRouted).map(inquiryOf));
    const events = all.filter((e) => (e.type === T.InquiryReceived || e.type === T.InquiryRouted) && routedIds.has(inquiryOf(e)));
    const received = events.filter((e) => e.type === T.InquiryReceived);
    expect(received.length).toBeGreaterThanOrEqual(3);
    for (const e of received) await h.record(e);
    expect(await projector.catchUp(5000, 60_000)).toBe(0);
    expect(await factsOf(h, 's1')).toEqual([]);

    // The routed events arrive meanwhile; after the settle time one fold gives the final facts.
    for (const e of events.filter((x) => x.type === T.InquiryRouted)) await h.record(e);
    await new Promise((r) => setTimeout(r, 300));
    expect(await projector.catchUp(5000, 200)).toBe(events.length);
    const facts = await factsOf(h, 's1');
    expect(facts).toHaveLength(received.length);
    expect(facts.every((f) => f.department !== null)).toBe(true);
    // Nothing was counted under no department on the way (no row to move, none left at zero).
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.term_daily WHERE tenant_id = 's1' AND department = 'unknown'`))[0].n).toBe(0);
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM reporting.stream_dirty`))[0].n).toBe(0);
  });

  it('takes a stream that keeps getting events once it waited ten times the settle time', async () => {
    const [received, routed] = april('s3').filter((e) => e.type === T.InquiryReceived || e.type === T.InquiryRouted);
    await h.record(received);
    await new Promise((r) => setTimeout(r, 1100));
    await h.record(routed); // the stream is busy again, but its first mark is over 10 × 100 ms old
    expect(await projector.catchUp(5000, 100)).toBe(2);
  });

  it('a query catches up on streams still settling (read-your-writes)', async () => {
    const [received] = april('s2').filter((e) => e.type === T.InquiryReceived);
    await h.record(received);
    const report = await h.report('s2', { from: '2026-04-01', to: '2026-04-30' });
    expect(report.totals.received).toBe(1);
  });
});

import { reportingHarness, ReportingHarness, shuffled } from '../../../../test/support/reporting-harness';
import { april } from '../../../../test/support/reporting-scenario';
import { rebuildProjections } from '../rebuild/rebuild';

describe('KPIs on a generated event stream with hand-computed answers', () => {
  let h: ReportingHarness;
  const events = april();
  const period = { from: '2026-04-01', to: '2026-04-30' };

  beforeAll(async () => {
    h = await reportingHarness();
    // Out of order, and some events delivered twice.
    const stream = shuffled(events);
    for (const e of stream) await h.record(e);
    for (const e of stream.slice(0, 8)) await h.record(e);
  });
  afterAll(() => h?.close());

  it('counts volume by cohort: inquiries received in the period, once each', async () => {
    const r = await h.report('t1', period);
    expect(r.volume.received).toBe(7);
    expect(r.totals.received).toBe(7);
    expect((await h.report('t1', { from: '2026-03-01', to: '2026-03-31' })).totals.received).toBe(1);
  });

  it('computes the share handled by the center and answered by the center itself', async () => {
    const t = (await h.report('t1', period)).totals;
    expect([t.handledByCenter, t.handledByCenterPct]).toEqual([3, 42.9]); // B, C, H of 7
    expect([t.answeredByCenter, t.answeredByCenterPct]).toEqual([3, 42.9]);
  });

  it('counts first-contact resolution without reopened cases', async () => {
    const t = (await h.report('t1', period)).totals;
    expect([t.firstContactResolved, t.firstContactResolutionPct]).toEqual([1, 14.3]); // B only: H was reopened
  });

  it('measures first response in business hours: median and p90 across a weekend and Easter', async () => {
    const t = (await h.report('t1', period)).totals;
    // A 600 min, B 0, C 90 (Fri holiday → Tue 08:00–09:30), H 0
    expect(t.firstResponseCount).toBe(4);
    expect(t.firstResponseMedianHours).toBe(0.75);
    expect(t.firstResponseP90Hours).toBe(7.45); // 90 + 0.7 × 510 = 447 min
    expect(t.firstResponseAverageHours).toBe(2.88);
  });

  it('measures resolution in business hours to the last resolution', async () => {
    const t = (await h.report('t1', period)).totals;
    // A 1200 min (Wed 8 h + Thu 9 h + Tue 3 h), B 0, C 960 (Tue 9 h + Wed 7 h), H 660 (Tue 7 h + Wed 4 h)
    expect(t.resolutionCount).toBe(4);
    expect(t.resolutionMedianHours).toBe(13.5);
    expect(t.resolutionP90Hours).toBe(18.8);
    expect(t.resolutionAverageHours).toBe(11.75);
    expect(t.resolved).toBe(4);
  });

  it('computes SLA compliance from due times and breach events', async () => {
    const t = (await h.report('t1', period)).totals;
    expect([t.slaMet, t.slaBreached, t.slaCompliancePct]).toEqual([1, 2, 33.3]); // C met; A late answer, F breached
  });

  it('computes the reopen rate over inquiries ever resolved', async () => {
    const t = (await h.report('t1', period)).totals;
    expect([t.reopened, t.reopenRatePct]).toEqual([2, 50]);
  });

  it('computes CSAT average, distribution and response rate, counting late answers for their inquiry’s period', async () => {
    const t = (await h.report('t1', period)).totals;
    expect(t.csatResponses).toBe(3);
    expect(t.csatAverage).toBe(3.67);
    expect([t.csat1, t.csat2, t.csat3, t.csat4, t.csat5]).toEqual([0, 1, 0, 1, 1]);
    expect([t.surveysSent, t.csatResponseRatePct]).toEqual([4, 75]);
    expect((await h.report('t1', { from: '2026-03-01', to: '2026-03-31' })).totals.csatAverage).toBe(1);
  });

  it('computes phone offered, answered, abandoned, service level and average wait', async () => {
    const r = await h.report('t1', period);
    const t = r.totals;
    expect([t.callsOffered, t.callsAnswered, t.callsAbandoned]).toEqual([4, 3, 1]);
    expect(r.serviceLevelSeconds).toBe(20);
    expect([t.callsAnsweredWithinServiceLevel, t.phoneServiceLevelPct, t.abandonRatePct]).toEqual([2, 50, 25]);
    expect(t.averageWaitSeconds).toBe(26.7);
    const strict = await h.report('t1', { ...period, serviceLevelSeconds: 15 });
    expect(strict.totals.phoneServiceLevelPct).toBe(25);
  });

  it('counts praise, complaints, proposals and fault reports', async () => {
    const t = (await h.report('t1', period)).totals;
    expect([t.praise, t.complaints, t.proposals, t.faultReports]).toEqual([1, 1, 0, 1]);
  });

  it('takes the backlog at the end of the period, by age', async () => {
    const r = await h.report('t1', period);
    expect(r.backlog.asOf).toBe('2026-04-30T22:00:00.000Z');
    expect(r.backlog.buckets).toEqual([
      { bucket: '0-1d', open: 1 }, { bucket: '1-3d', open: 0 }, { bucket: '3-7d', open: 0 }, { bucket: '7-30d', open: 2 }, { bucket: '30d+', open: 1 },
    ]);
    // On 7 April at midnight C was still open (resolved on the 7th), A too; H not yet received.
    const early = await h.report('t1', { from: '2026-04-01', to: '2026-04-06' });
    expect(early.backlog.total).toBe(5); // A, C, D, E, F
  });

  it('groups by channel, department, type, language and time', async () => {
    const by = async (groupBy: string) => (await h.report('t1', { ...period, groupBy })).groups!.map((g) => [g[groupBy as 'channel'], g.received]);
    expect(await by('channel')).toEqual([['chat', 1], ['email', 1], ['phone', 2], ['web', 3]]);
    expect(await by('department')).toEqual([['gata_park', 2], ['kontaktcenter', 1], ['kultur_fritid', 1], ['miljo', 1], ['omsorg', 1], ['unknown', 1]]);
    expect(await by('type')).toEqual([['case_request', 1], ['complaint', 1], ['fault_report', 1], ['information', 2], ['praise', 1], ['unknown', 1]]);
    expect(await by('language')).toEqual([['en', 1], ['sv', 6]]);
    expect(await by('category')).toEqual([['opening_hours_contact', 1], ['street_lighting', 1], ['unknown', 5]]);
    expect(await by('week')).toEqual([['2026-W14', 4], ['2026-W15', 2], ['2026-W18', 1]]);
    expect(await by('month')).toEqual([['2026-04', 7]]);
    expect((await by('day')).slice(0, 3)).toEqual([['2026-04-01', 1], ['2026-04-02', 1], ['2026-04-03', 1]]);
    expect(await by('hour')).toContainEqual(['2026-04-30T20:00', 1]);
  });

  it('keeps every figure per group: resolution median by channel, phone by day', async () => {
    const r = await h.report('t1', { ...period, groupBy: 'channel' });
    const phone = r.groups!.find((g) => g.channel === 'phone')!;
    expect([phone.resolutionMedianHours, phone.firstContactResolutionPct, phone.callsOffered]).toEqual([5.5, 50, null]);
    const days = await h.report('t1', { ...period, groupBy: 'day' });
    const first = days.groups!.find((g) => g.day === '2026-04-01')!;
    expect([first.callsOffered, first.callsAnswered, first.phoneServiceLevelPct]).toEqual([2, 2, 50]);
  });

  it('filters by channel and department', async () => {
    const web = await h.report('t1', { ...period, channel: 'web' });
    expect(web.totals.received).toBe(3);
    expect(web.totals.callsOffered).toBeNull();
    const dept = await h.report('t1', { ...period, department: 'gata_park', groupBy: 'type' });
    expect(dept.groups!.map((g) => [g.type, g.received])).toEqual([['fault_report', 1], ['praise', 1]]);
    expect(dept.backlog.total).toBe(1); // D
  });

  it('reports goals with their status', async () => {
    await h.goals.upsert('t1', 'answeredByCenterPct', 75, null, 'test');
    await h.goals.upsert('t1', 'csatAverage', 3.5, null, 'test');
    await h.goals.upsert('t1', 'phoneServiceLevelPct', 80, 50, 'test');
    const r = await h.report('t1', period);
    const status = Object.fromEntries(r.goals.map((g) => [g.kpi, [g.actual, g.status]]));
    expect(status).toEqual({ answeredByCenterPct: [42.9, 'missed'], csatAverage: [3.67, 'met'], phoneServiceLevelPct: [75, 'missed'] });
    expect(r.serviceLevelSeconds).toBe(50); // the goal's threshold: 15 s, 45 s, 20 s answered of 4 offered
    await h.tx.manager.query(`DELETE FROM reporting.goals`);
  });

  it('answers the same for every arrival order and after a rebuild from the event store', async () => {
    const before = await h.report('t1', { ...period, groupBy: 'day,channel' });
    const again = await reportingHarness();
    try {
      for (const e of [...events].reverse()) await again.record(e);
      expect(await again.report('t1', { ...period, groupBy: 'day,channel' })).toEqual(before);
    } finally {
      await again.close();
    }
    const rebuilt = await rebuildProjections(h.ds);
    expect(rebuilt.inquiries).toBe(8);
    expect(rebuilt.calls).toBe(4);
    expect(rebuilt.events).toBe(events.length);
    expect(await h.report('t1', { ...period, groupBy: 'day,channel' })).toEqual(before);
  });

  it('never mixes tenants', async () => {
    expect((await h.report('other', period)).totals.received).toBe(0);
  });

  it('refuses bad parameters with 400 problems', async () => {
    const bad = [
      { from: '2026-13-01' }, { from: '2026-04-31' }, { from: '2026-04-10', to: '2026-04-01' }, { groupBy: 'year' },
      { groupBy: 'day,week' }, { groupBy: 'channel,department' }, { channel: 'fax' }, { department: "x'; drop" },
      { from: '2020-01-01', to: '2026-01-01' }, { from: '2026-01-01', to: '2026-06-01', groupBy: 'hour' },
    ];
    for (const p of bad) await expect(h.report('t1', p)).rejects.toMatchObject({ status: 400 });
  });
});

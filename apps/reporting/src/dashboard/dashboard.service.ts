import { Injectable } from '@nestjs/common';
import { KpisService } from '../kpis/kpis.service';
import { TopicsService } from '../reports/topics.service';
import { Group } from '../kpis/kpi-query';

/** Everything the dashboard page shows for a period and filters, in one answer. */
@Injectable()
export class DashboardService {
  constructor(private readonly kpis: KpisService, private readonly topics: TopicsService) {}

  async data(tenantId: string, params: { from?: string; to?: string; channel?: string; department?: string }) {
    const report = await this.kpis.report(tenantId, params);
    const q = await this.kpis.parse(tenantId, params, report.goals);
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    const time: Group = days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
    const [byTimeAndChannel, byTime, topics, departments] = await Promise.all([
      this.kpis.figures({ ...q, groupBy: [time, 'channel'] }, { percentiles: false }),
      this.kpis.figures({ ...q, groupBy: [time] }, { percentiles: false }),
      this.topics.topics(q, 10),
      this.kpis.figures({ ...q, filters: {}, groupBy: ['department'] }, { percentiles: false }),
    ]);
    const labels = [...new Set(byTime.map((g) => g.keys[0]))].sort();
    const channels = [...new Set(byTimeAndChannel.map((g) => g.keys[1]))].sort();
    const series = Object.fromEntries(channels.map((c) => [c, labels.map((l) => byTimeAndChannel.find((g) => g.keys[0] === l && g.keys[1] === c)?.figures.received ?? 0)]));
    const trend = byTime.map((g) => ({
      key: g.keys[0],
      received: g.figures.received,
      slaCompliancePct: g.figures.slaCompliancePct,
      firstContactResolutionPct: g.figures.firstContactResolutionPct,
      callsOffered: g.figures.callsOffered,
      callsAnswered: g.figures.callsAnswered,
      callsAbandoned: g.figures.callsAbandoned,
      phoneServiceLevelPct: g.figures.phoneServiceLevelPct,
    }));
    return {
      tenantId, from: report.from, to: report.to, filters: report.filters, timeGroup: time,
      serviceLevelSeconds: report.serviceLevelSeconds,
      totals: report.totals, goals: report.goals, backlog: report.backlog,
      volume: { labels, series },
      trend,
      topics,
      departments: departments.map((d) => d.keys[0]).filter((d) => d !== 'unknown'),
    };
  }
}

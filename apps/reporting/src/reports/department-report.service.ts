import { Injectable } from '@nestjs/common';
import { departmentsOf, Principal, ProblemException, rolesOf } from '@lotsen/platform';
import { KpisService } from '../kpis/kpis.service';
import { TopicsService } from './topics.service';

/** What citizens ask a department about: for the feedback loop from the contact center. */
@Injectable()
export class DepartmentReportService {
  constructor(private readonly kpis: KpisService, private readonly topics: TopicsService) {}

  /**
   * Figures for everyone with a staff role; a department's own people only for their department.
   * The words (free text, even with personal data removed) only for the department's own people and
   * those cleared for its matters.
   */
  async report(p: Principal, code: string, params: { from?: string; to?: string }) {
    const tenantId = p.tenantId;
    if (!/^[a-z0-9_.-]{1,64}$/.test(code)) throw ProblemException.of(400, 'validation', 'The department code is not valid.');
    const own = departmentsOf(p);
    if (rolesOf(p).every((r) => r === 'department') && !own.includes(code)) {
      throw ProblemException.of(403, 'forbidden', `You work for department "${own.join(', ') || '-'}", not "${code}".`);
    }
    const mayReadWords = own.includes(code) || (p.clearances ?? []).includes(code);
    const q = await this.kpis.parse(tenantId, { ...params, department: code });
    await this.kpis.freshen(tenantId);
    const [totals] = await this.kpis.figures({ ...q, groupBy: [] });
    const byType = await this.kpis.figures({ ...q, groupBy: ['type'] });
    const byWeek = await this.kpis.figures({ ...q, groupBy: ['week'] });
    const topics = await this.topics.topics(q, 15);
    const f = totals.figures;
    return {
      tenantId, department: code, from: q.from, to: q.to,
      received: f.received,
      figures: {
        received: f.received, resolved: f.resolved, firstResponseMedianHours: f.firstResponseMedianHours,
        resolutionMedianHours: f.resolutionMedianHours, slaCompliancePct: f.slaCompliancePct, reopenRatePct: f.reopenRatePct,
        csatAverage: f.csatAverage, praise: f.praise, complaints: f.complaints, proposals: f.proposals, faultReports: f.faultReports,
      },
      byType: byType.map((g) => ({ type: g.keys[0], received: g.figures.received })),
      byWeek: byWeek.map((g) => ({ week: g.keys[0], received: g.figures.received })),
      ...topics,
      ...(mayReadWords ? {} : { topTerms: [], risingTerms: [], termsWithheld: true }),
    };
  }
}

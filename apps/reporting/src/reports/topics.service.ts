import { Injectable } from '@nestjs/common';
import { KpiQuery } from '../kpis/kpi-query';
import { KpisRepository } from '../kpis/kpis.repository';
import { CategoryNamesRepository } from './category-names.repository';

/** A term is shown only when at least this many inquiries used it: no single citizen's words. */
export const MIN_INQUIRIES_PER_TERM = 3;

export interface TermTrend {
  term: string;
  current: number;
  previous: number;
  change: number;
}

export interface Topics {
  window: { current: { from: string; to: string }; previous: { from: string; to: string } };
  /** `names`: the category's name by language (sv, en, ar, fi), when reporting knows it. */
  topCategories: Array<{ category: string; department: string; received: number; names?: Record<string, string> }>;
  topTerms: TermTrend[];
  risingTerms: TermTrend[];
}

const addDays = (date: string, n: number) => new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * "What citizens ask": the categories of the period and the words of the last week of the period
 * against the week before (week over week), for one department or all.
 */
@Injectable()
export class TopicsService {
  constructor(private readonly kpis: KpisRepository, private readonly categories: CategoryNamesRepository) {}

  async topics(q: KpiQuery, limit = 10): Promise<Topics> {
    const current = { from: addDays(q.to, -6), to: q.to };
    const previous = { from: addDays(q.to, -13), to: addDays(q.to, -7) };
    const [topCategories, terms] = await Promise.all([
      this.kpis.topCategories(q, limit),
      this.kpis.termCounts(q.tenantId, q.filters.department, current, previous, MIN_INQUIRIES_PER_TERM, 200),
    ]);
    const names = await this.categories.names(q.tenantId, topCategories.map((c) => c.category));
    const trends = terms.map((t) => ({ ...t, change: t.current - t.previous }));
    return {
      window: { current, previous },
      topCategories: topCategories.map((c) => (names.has(c.category) ? { ...c, names: names.get(c.category) } : c)),
      topTerms: trends.slice(0, limit),
      risingTerms: trends.filter((t) => t.change > 0).sort((a, b) => b.change - a.change || b.current - a.current || a.term.localeCompare(b.term)).slice(0, limit),
    };
  }
}

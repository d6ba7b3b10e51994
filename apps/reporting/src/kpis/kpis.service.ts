import { Injectable } from '@nestjs/common';
import { CHANNELS, INQUIRY_TYPES } from '@lotsen/contracts';
import { ProblemException } from '@lotsen/platform';
import { DEFAULT_SERVICE_LEVEL_SECONDS, Goal, goalStatus, GoalStatus } from '../goals/goal-definitions';
import { TenantCalendars } from '../calendars/tenant-calendars';
import { GoalsRepository } from '../goals/goals.repository';
import { ProjectorRepository } from '../projections/projector.repository';
import { Dimension, DIMENSIONS } from '../rollups/measures';
import { FIGURE_NAMES, KpiFigures, toFigures } from './figures';
import { Group, GROUPS, hasDimensionFilter, isTimeGroup, KpiQuery } from './kpi-query';
import { CallRow, KeyedRow, KpisRepository, PercentileRow } from './kpis.repository';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 3 * 366;
const MAX_HOUR_DAYS = 93;

export interface KpiParams {
  from?: string;
  to?: string;
  groupBy?: string;
  channel?: string;
  department?: string;
  category?: string;
  type?: string;
  language?: string;
  serviceLevelSeconds?: number;
}

export type KpiGroup = Partial<Record<Group, string>> & KpiFigures;

export interface KpiReport {
  tenantId: string;
  from: string;
  to: string;
  groupBy: string | null;
  filters: Partial<Record<Dimension, string>>;
  serviceLevelSeconds: number;
  volume: { received: number };
  totals: KpiFigures;
  backlog: { asOf: string; total: number; buckets: Array<{ bucket: string; open: number }> };
  goals: GoalStatus[];
  groups?: KpiGroup[];
}

export const BACKLOG_BUCKETS = ['0-1d', '1-3d', '3-7d', '7-30d', '30d+'];

/**
 * The KPIs of a period: cohort figures of the inquiries received in it (so a survey answered
 * after the period still counts for the inquiry's period), phone figures of the calls offered
 * in it, and the backlog at the end of it (or now).
 */
@Injectable()
export class KpisService {
  constructor(
    private readonly kpis: KpisRepository,
    private readonly projector: ProjectorRepository,
    private readonly goals: GoalsRepository,
    private readonly calendars: TenantCalendars,
  ) {}

  /** Checks the parameters (400 problem on anything odd) and fills defaults: this month so far. */
  async parse(tenantId: string, p: KpiParams, goals?: Goal[]): Promise<KpiQuery> {
    const today = (await this.calendars.forTenant(tenantId)).localDate(new Date());
    const from = p.from ?? today.slice(0, 8) + '01';
    const to = p.to ?? today;
    for (const [name, v] of [['from', from], ['to', to]]) {
      if (!DATE.test(v) || Number.isNaN(Date.parse(v)) || new Date(v).toISOString().slice(0, 10) !== v) {
        throw ProblemException.of(400, 'validation', `${name} must be a date as YYYY-MM-DD.`);
      }
    }
    if (from > to) throw ProblemException.of(400, 'validation', 'from must not be after to.');
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days > MAX_DAYS) throw ProblemException.of(400, 'validation', `A period may span at most ${MAX_DAYS} days.`);
    const groupBy = (p.groupBy ?? '').split(',').map((g) => g.trim()).filter(Boolean);
    for (const g of groupBy) {
      if (!(GROUPS as readonly string[]).includes(g)) throw ProblemException.of(400, 'validation', `groupBy must be one of: ${GROUPS.join(', ')}.`);
    }
    if (groupBy.length > 2 || new Set(groupBy).size !== groupBy.length || groupBy.filter(isTimeGroup).length > 1 || groupBy.filter((g) => !isTimeGroup(g)).length > 1) {
      throw ProblemException.of(400, 'validation', 'groupBy takes one time group and/or one dimension, e.g. day,channel.');
    }
    if (groupBy.includes('hour') && days > MAX_HOUR_DAYS) {
      throw ProblemException.of(400, 'validation', `groupBy=hour needs a period of at most ${MAX_HOUR_DAYS} days.`);
    }
    if (p.channel !== undefined && !(CHANNELS as readonly string[]).includes(p.channel)) {
      throw ProblemException.of(400, 'validation', `channel must be one of: ${CHANNELS.join(', ')}.`);
    }
    if (p.type !== undefined && !(INQUIRY_TYPES as readonly string[]).includes(p.type) && p.type !== 'unknown') {
      throw ProblemException.of(400, 'validation', `type must be one of: ${INQUIRY_TYPES.join(', ')}.`);
    }
    const filters: Partial<Record<Dimension, string>> = {};
    for (const d of DIMENSIONS) {
      const v = p[d];
      if (v === undefined) continue;
      if (!/^[\p{L}\p{N}_.-]{1,64}$/u.test(v)) throw ProblemException.of(400, 'validation', `${d} is not a valid code.`);
      filters[d] = v;
    }
    const goalSeconds = (goals ?? (await this.goals.list(tenantId))).find((g) => g.kpi === 'phoneServiceLevelPct')?.thresholdSeconds;
    return {
      tenantId, from, to, groupBy: groupBy as Group[], filters,
      serviceLevelSeconds: p.serviceLevelSeconds ?? goalSeconds ?? DEFAULT_SERVICE_LEVEL_SECONDS,
    };
  }

  /** Brings facts and rollups up to date with every event of the tenant stored so far (read-your-writes). */
  async freshen(tenantId: string): Promise<void> {
    while (await this.projector.hasPending(tenantId)) await this.projector.catchUp();
  }

  async report(tenantId: string, params: KpiParams): Promise<KpiReport> {
    const goals = await this.goals.list(tenantId);
    const q = await this.parse(tenantId, params, goals);
    await this.freshen(tenantId);
    const [totals, backlog, groups] = await Promise.all([
      this.figures({ ...q, groupBy: [] }),
      this.backlog(q),
      q.groupBy.length ? this.figures(q) : Promise.resolve(undefined),
    ]);
    const report: KpiReport = {
      tenantId, from: q.from, to: q.to, groupBy: q.groupBy.length ? q.groupBy.join(',') : null, filters: q.filters,
      serviceLevelSeconds: q.serviceLevelSeconds,
      volume: { received: totals[0]?.figures.received ?? 0 },
      totals: totals[0]?.figures ?? toFigures(),
      backlog,
      goals: goals.map((g) => goalStatus(g, totals[0]?.figures ?? toFigures())),
    };
    if (groups) {
      report.groups = groups.map((g) => {
        const keys: Partial<Record<Group, string>> = {};
        q.groupBy.forEach((name, i) => (keys[name] = g.keys[i]));
        return { ...keys, ...g.figures };
      });
    }
    return report;
  }

  /**
   * Figures per group key (one row with no keys when not grouped). Medians and p90s come from
   * the facts; callers that only need counts (chart series) skip them.
   */
  async figures(q: KpiQuery, o: { percentiles?: boolean } = {}): Promise<Array<{ keys: string[]; figures: KpiFigures }>> {
    const timeGroup = q.groupBy.find(isTimeGroup);
    // Calls have no inquiry dimensions: phone figures exist for totals and time groups, without dimension filters.
    const phoneApplies = !hasDimensionFilter(q) || (Object.keys(q.filters).length === 1 && q.filters.channel === 'phone');
    const callsByKey = phoneApplies && q.groupBy.every(isTimeGroup);
    const [sums, pcts, calls] = await Promise.all([
      this.kpis.sums(q),
      o.percentiles === false ? Promise.resolve([] as Array<KeyedRow<PercentileRow>>) : this.kpis.percentiles(q),
      callsByKey ? this.kpis.calls(q, timeGroup) : Promise.resolve([] as Array<KeyedRow<CallRow>>),
    ]);
    const key = (k: string[]) => k.join('\u0000');
    const byKey = new Map<string, { keys: string[]; sums?: Record<string, number>; p?: PercentileRow; calls?: CallRow }>();
    const at = (k: string[]) => byKey.get(key(k)) ?? byKey.set(key(k), { keys: k }).get(key(k))!;
    for (const r of sums) at(r.keys).sums = r.values;
    for (const r of pcts) if (byKey.has(key(r.keys))) at(r.keys).p = r.values;
    for (const r of calls) at(r.keys).calls = r.values;
    if (q.groupBy.length === 0 && byKey.size === 0) at([]);
    return [...byKey.values()]
      .sort((a, b) => key(a.keys).localeCompare(key(b.keys)))
      .map((g) => ({ keys: g.keys, figures: toFigures(g.sums, g.p, callsByKey ? g.calls : null) }));
  }

  /** Open inquiries at the end of the period, or now if the period runs to today or later. */
  async backlog(q: KpiQuery) {
    const endOfPeriod = (await this.calendars.forTenant(q.tenantId)).instantAt(nextDay(q.to), 0);
    const asOf = new Date(Math.min(Date.now(), endOfPeriod.getTime()));
    const rows = await this.kpis.backlog(q, asOf);
    const buckets = BACKLOG_BUCKETS.map((bucket) => ({ bucket, open: rows.find((r) => r.bucket === bucket)?.open ?? 0 }));
    return { asOf: asOf.toISOString(), total: buckets.reduce((s, b) => s + b.open, 0), buckets };
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

export { FIGURE_NAMES };

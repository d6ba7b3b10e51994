import { Dimension, DIMENSIONS } from '../rollups/measures';

export const TIME_GROUPS = ['hour', 'day', 'week', 'month'] as const;
export type TimeGroup = (typeof TIME_GROUPS)[number];
export const GROUPS = [...TIME_GROUPS, ...DIMENSIONS] as const;
export type Group = TimeGroup | Dimension;

/** A validated KPI question: a tenant, a period of local dates (inclusive), groups and filters. */
export interface KpiQuery {
  tenantId: string;
  from: string;
  to: string;
  /** At most two: one time group and/or one dimension. */
  groupBy: Group[];
  filters: Partial<Record<Dimension, string>>;
  /** Phone service level: answered within this many seconds. */
  serviceLevelSeconds: number;
}

export const isTimeGroup = (g: string): g is TimeGroup => (TIME_GROUPS as readonly string[]).includes(g);
export const hasDimensionFilter = (q: KpiQuery) => Object.values(q.filters).some((v) => v !== undefined);

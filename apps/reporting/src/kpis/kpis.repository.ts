import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { Dimension, DIMENSIONS, factDimension, INQUIRY_MEASURES } from '../rollups/measures';
import { Group, KpiQuery } from './kpi-query';

export type Sums = Record<string, number>;
export type KeyedRow<T> = { keys: string[]; values: T };

export interface PercentileRow {
  first_response_median: number | null;
  first_response_p90: number | null;
  resolution_median: number | null;
  resolution_p90: number | null;
}

export interface CallRow {
  offered: number;
  answered: number;
  abandoned: number;
  answered_within: number;
  answered_wait_sum: number;
}

const TIME_KEYS: Record<string, (day: string) => string> = {
  day: (d) => `to_char(${d}, 'YYYY-MM-DD')`,
  week: (d) => `to_char(${d}, 'IYYY-"W"IW')`,
  month: (d) => `to_char(${d}, 'YYYY-MM')`,
};

/** SQL for the group keys and filters of a query over one table alias. */
class Sql {
  readonly params: unknown[];
  constructor(q: KpiQuery, first?: unknown[]) {
    this.params = first ?? [q.tenantId, q.from, q.to];
  }
  param(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
}

/** Group key expression over the daily rollup (`r`) or the facts (`f`). */
function keyExpr(g: Group, source: 'rollup' | 'facts', localColumn = 'f.received_local', dayColumn?: string): string {
  const day = dayColumn ?? (source === 'rollup' ? 'r.day' : 'f.day');
  if (g === 'hour') return `to_char(date_trunc('hour', ${localColumn}), 'YYYY-MM-DD"T"HH24:00')`;
  if (TIME_KEYS[g]) return TIME_KEYS[g](day);
  return source === 'rollup' ? `r.${g}` : factDimension(g as Dimension);
}

function filterSql(q: KpiQuery, sql: Sql, source: 'rollup' | 'facts'): string {
  return DIMENSIONS.filter((d) => q.filters[d] !== undefined)
    .map((d) => ` AND ${source === 'rollup' ? `r.${d}` : factDimension(d)} = ${sql.param(q.filters[d])}`)
    .join('');
}

const keysSelect = (exprs: string[]) => exprs.map((e, i) => `${e} AS k${i}, `).join('');
const groupClause = (exprs: string[]) => (exprs.length ? ` GROUP BY ${exprs.map((_, i) => i + 1).join(', ')}` : '');
const keysOf = (row: Record<string, unknown>, n: number) => Array.from({ length: n }, (_, i) => String(row[`k${i}`]));

function strip<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!/^k\d$/.test(k)) out[k] = v === null ? null : Number(v);
  return out as T;
}

@Injectable()
export class KpisRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Sums of the additive measures per group: from the daily rollup, or from the facts for hours. */
  async sums(q: KpiQuery): Promise<Array<KeyedRow<Sums>>> {
    const sql = new Sql(q);
    const measures = Object.entries(INQUIRY_MEASURES);
    let text: string;
    if (q.groupBy.includes('hour')) {
      const keys = q.groupBy.map((g) => keyExpr(g, 'facts'));
      text = `SELECT ${keysSelect(keys)}${measures.map(([c, e]) => `SUM(${e})::float8 AS ${c}`).join(', ')}
        FROM reporting.inquiry_facts f WHERE f.tenant_id = $1 AND f.day BETWEEN $2 AND $3${filterSql(q, sql, 'facts')}${groupClause(keys)}`;
    } else {
      const keys = q.groupBy.map((g) => keyExpr(g, 'rollup'));
      text = `SELECT ${keysSelect(keys)}${measures.map(([c]) => `SUM(r.${c})::float8 AS ${c}`).join(', ')}
        FROM reporting.inquiry_daily r WHERE r.tenant_id = $1 AND r.day BETWEEN $2 AND $3${filterSql(q, sql, 'rollup')}${groupClause(keys)}
        HAVING SUM(r.received) > 0`; // rows at zero wait for pruning
    }
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(text, sql.params);
    return rows.filter((r) => r.received !== null).map((r) => ({ keys: keysOf(r, q.groupBy.length), values: strip<Sums>(r) }));
  }

  /** Median and p90 of business minutes to first response and to resolution, from the facts. */
  async percentiles(q: KpiQuery): Promise<Array<KeyedRow<PercentileRow>>> {
    const sql = new Sql(q);
    const keys = q.groupBy.map((g) => keyExpr(g, 'facts'));
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${keysSelect(keys)}
         percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_response_bmin) AS first_response_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY f.first_response_bmin) AS first_response_p90,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY f.resolution_bmin) AS resolution_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY f.resolution_bmin) AS resolution_p90
       FROM reporting.inquiry_facts f WHERE f.tenant_id = $1 AND f.day BETWEEN $2 AND $3${filterSql(q, sql, 'facts')}${groupClause(keys)}`,
      sql.params,
    );
    return rows.map((r) => ({ keys: keysOf(r, keys.length), values: strip<PercentileRow>(r) }));
  }

  /** Phone figures per time group (calls have no inquiry dimensions). */
  async calls(q: KpiQuery, timeGroup?: Group): Promise<Array<KeyedRow<CallRow>>> {
    const sql = new Sql(q);
    const sl = sql.param(q.serviceLevelSeconds);
    const keys = timeGroup ? [keyExpr(timeGroup, 'facts', 'c.offered_local', 'c.day')] : [];
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${keysSelect(keys)} count(*)::int AS offered,
         count(*) FILTER (WHERE c.outcome = 'answered')::int AS answered,
         count(*) FILTER (WHERE c.outcome = 'abandoned')::int AS abandoned,
         count(*) FILTER (WHERE c.outcome = 'answered' AND c.wait_seconds <= ${sl})::int AS answered_within,
         coalesce(SUM(c.wait_seconds) FILTER (WHERE c.outcome = 'answered'), 0)::float8 AS answered_wait_sum
       FROM reporting.call_facts c WHERE c.tenant_id = $1 AND c.day BETWEEN $2 AND $3${groupClause(keys)}`,
      sql.params,
    );
    return rows.filter((r) => Number(r.offered) > 0).map((r) => ({ keys: keysOf(r, keys.length), values: strip<CallRow>(r) }));
  }

  /**
   * Open inquiries at an instant by calendar age: received by then and not resolved by then
   * (an inquiry resolved later, or reopened and not resolved again, is open).
   */
  async backlog(q: KpiQuery, asOf: Date): Promise<Array<{ bucket: string; open: number }>> {
    const sql = new Sql(q, [q.tenantId]);
    const at = sql.param(asOf.toISOString());
    const filters = filterSql(q, sql, 'facts');
    const rows: Array<{ bucket: string; open: number }> = await this.tx.manager.query(
      `WITH open AS (
         SELECT f.received_at FROM reporting.inquiry_facts f
         WHERE f.tenant_id = $1 AND f.resolved_at IS NULL AND f.day IS NOT NULL AND f.received_at <= ${at}${filters}
         UNION ALL
         SELECT f.received_at FROM reporting.inquiry_facts f
         WHERE f.tenant_id = $1 AND f.resolved_at > ${at} AND f.received_at <= ${at}${filters}
       )
       SELECT CASE WHEN age < interval '1 day' THEN '0-1d' WHEN age < interval '3 days' THEN '1-3d'
                   WHEN age < interval '7 days' THEN '3-7d' WHEN age < interval '30 days' THEN '7-30d' ELSE '30d+' END AS bucket,
              count(*)::int AS open
       FROM (SELECT ${at}::timestamptz - received_at AS age FROM open) a GROUP BY 1`,
      sql.params,
    );
    return rows;
  }

  /** Most asked-about categories in the period. */
  async topCategories(q: KpiQuery, limit: number): Promise<Array<{ category: string; department: string; received: number }>> {
    const sql = new Sql(q);
    const lim = sql.param(limit);
    return this.tx.manager.query(
      `SELECT r.category, r.department, SUM(r.received)::int AS received FROM reporting.inquiry_daily r
       WHERE r.tenant_id = $1 AND r.day BETWEEN $2 AND $3${filterSql(q, sql, 'rollup')}
       GROUP BY 1, 2 HAVING SUM(r.received) > 0 ORDER BY 3 DESC, 1 LIMIT ${lim}`,
      sql.params,
    );
  }

  /**
   * Terms per period: inquiries mentioning each term in the current and the previous window
   * (both of `days` days, ending at `to`), optionally for one department.
   */
  async termCounts(tenantId: string, department: string | undefined, current: { from: string; to: string }, previous: { from: string; to: string }, minInquiries: number, limit: number) {
    const params: unknown[] = [tenantId, current.from, current.to, previous.from, previous.to, minInquiries, limit];
    const dept = department ? ` AND department = $${params.push(department)}` : '';
    const rows: Array<{ term: string; current: number; previous: number }> = await this.tx.manager.query(
      `SELECT term, SUM(inquiries) FILTER (WHERE day BETWEEN $2 AND $3)::int AS current,
              coalesce(SUM(inquiries) FILTER (WHERE day BETWEEN $4 AND $5), 0)::int AS previous
       FROM reporting.term_daily WHERE tenant_id = $1 AND day BETWEEN $4 AND $3${dept}
       GROUP BY term HAVING SUM(inquiries) FILTER (WHERE day BETWEEN $2 AND $3) >= greatest($6, 1)
       ORDER BY current DESC, term LIMIT $7`,
      params,
    );
    return rows;
  }
}

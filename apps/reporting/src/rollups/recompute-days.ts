import { EntityManager } from 'typeorm';
import { DIMENSIONS, factDimension, INQUIRY_MEASURES } from './measures';

/**
 * Deletes and re-inserts the daily rollup rows of the given (tenant, day) pairs from the facts.
 * A day's rollup is a function of that day's facts only, so this is idempotent and gives the
 * same rows as a full rebuild.
 */
export async function recomputeDays(m: EntityManager, tenants: string[], days: string[]): Promise<void> {
  if (tenants.length === 0) return;
  const pairs = `SELECT DISTINCT t AS tenant_id, d::date AS day FROM unnest($1::text[], $2::text[]) AS p(t, d)`;
  for (const table of ['inquiry_daily', 'term_daily']) {
    await m.query(`DELETE FROM reporting.${table} r USING (${pairs}) p WHERE r.tenant_id = p.tenant_id AND r.day = p.day`, [tenants, days]);
  }
  const measures = Object.entries(INQUIRY_MEASURES);
  await m.query(
    `INSERT INTO reporting.inquiry_daily (tenant_id, day, ${DIMENSIONS.join(', ')}, ${measures.map(([c]) => c).join(', ')})
     SELECT f.tenant_id, f.day, ${DIMENSIONS.map(factDimension).join(', ')}, ${measures.map(([, e]) => `SUM(${e})`).join(', ')}
     FROM reporting.inquiry_facts f JOIN (${pairs}) p ON f.tenant_id = p.tenant_id AND f.day = p.day
     GROUP BY f.tenant_id, f.day, ${DIMENSIONS.map((_, i) => i + 3).join(', ')}`,
    [tenants, days],
  );
  await m.query(
    `INSERT INTO reporting.term_daily (tenant_id, day, department, term, inquiries)
     SELECT f.tenant_id, f.day, ${factDimension('department')}, t.term, count(*)
     FROM reporting.inquiry_facts f JOIN (${pairs}) p ON f.tenant_id = p.tenant_id AND f.day = p.day
     CROSS JOIN LATERAL unnest(f.terms) AS t(term)
     GROUP BY 1, 2, 3, 4`,
    [tenants, days],
  );
}

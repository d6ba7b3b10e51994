import { EntityManager } from 'typeorm';
import { code, named } from '@lotsen/persistence';
import { DIMENSIONS, factDimension, INQUIRY_MEASURES } from './measures';

/**
 * Brings the daily rollups up to date for inquiry facts about to be written (`factsJson`, as for
 * json_populate_recordset): every rollup row gets the new facts' contribution added and the
 * stored facts' contribution taken away, so the rollups stay what recomputeDays would give
 * without rereading whole days. Call it before the facts are written, in the same transaction,
 * under the projector's lock. Facts whose rolled-up columns did not change cancel out and write
 * nothing. Rows can fall to zero; see pruneEmptyRollups.
 */
export async function applyFactDeltas(m: EntityManager, factsJson: string, count: number): Promise<void> {
  for (const sql of FACT_DELTA_STATEMENTS) await m.query(sql, [factsJson, count]);
}

// `LIMIT $2` (the number of facts) is for the planner: it takes a set-returning function for 100
// rows, and then read the stored facts by scanning all of inquiry_facts while the table was young.
const CHANGES = `(
      SELECT n.*, 1 AS sign FROM json_populate_recordset(NULL::reporting.inquiry_facts, $1::json) n
      UNION ALL
      SELECT o.*, -1 AS sign FROM reporting.inquiry_facts o
      JOIN (SELECT * FROM json_populate_recordset(NULL::reporting.inquiry_facts, $1::json) LIMIT $2) k
        ON k.tenant_id = o.tenant_id AND k.inquiry_id = o.inquiry_id
    ) f`;
const MEASURES = Object.entries(INQUIRY_MEASURES);
const SUMS = MEASURES.map(([, e]) => `SUM(f.sign * (${e}))`);

const INQUIRY_DAILY_DELTAS = named`INSERT INTO reporting.inquiry_daily AS r (tenant_id, day, ${code(DIMENSIONS.join(', '))}, ${code(MEASURES.map(([c]) => c).join(', '))})
   SELECT f.tenant_id, f.day, ${code(DIMENSIONS.map(factDimension).join(', '))}, ${code(SUMS.join(', '))}
   FROM ${code(CHANGES)}
   WHERE f.day IS NOT NULL
   GROUP BY f.tenant_id, f.day, ${code(DIMENSIONS.map((_, i) => i + 3).join(', '))}
   HAVING ${code(SUMS.map((s) => `${s} <> 0`).join(' OR '))}
   ON CONFLICT (tenant_id, day, ${code(DIMENSIONS.join(', '))}) DO UPDATE SET ${code(MEASURES.map(([c]) => `${c} = r.${c} + EXCLUDED.${c}`).join(', '))}`;

const TERM_DAILY_DELTAS = named`INSERT INTO reporting.term_daily AS r (tenant_id, day, department, term, inquiries)
   SELECT f.tenant_id, f.day, ${code(factDimension('department'))}, t.term, SUM(f.sign)
   FROM ${code(CHANGES)} CROSS JOIN LATERAL unnest(f.terms) AS t(term)
   WHERE f.day IS NOT NULL
   GROUP BY 1, 2, 3, 4
   HAVING SUM(f.sign) <> 0
   ON CONFLICT (tenant_id, day, department, term) DO UPDATE SET inquiries = r.inquiries + EXCLUDED.inquiries`;

/** The daily and the term rollup's deltas, in the order applyFactDeltas() runs them ($1 facts JSON, $2 their number). */
export const FACT_DELTA_STATEMENTS = [INQUIRY_DAILY_DELTAS, TERM_DAILY_DELTAS];

/**
 * Removes rollup rows no fact contributes to any more (an inquiry moved to another department
 * leaves its old row at 0). Every fact adds 1 to `received`, so a row at 0 has all sums at 0;
 * readers skip such rows, so this only keeps the tables small. Done now and then, not per batch:
 * the same rows fall to 0 and come back all the time (received before routed).
 */
export async function pruneEmptyRollups(m: EntityManager): Promise<number> {
  const [, daily] = await m.query(`DELETE FROM reporting.inquiry_daily WHERE received = 0`);
  const [, terms] = await m.query(`DELETE FROM reporting.term_daily WHERE inquiries = 0`);
  return Number(daily ?? 0) + Number(terms ?? 0);
}

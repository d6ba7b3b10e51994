import request from 'supertest';
import { Client } from 'pg';

/** Every row of every table of the services' schemas, as text: where a removed name or marker must not be. */
export async function everyRow(db: Client): Promise<string> {
  const tables: { s: string; t: string }[] = (await db.query(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_schema IN ('intake', 'routing', 'notifications', 'reporting', 'workspace') AND table_type = 'BASE TABLE'`,
  )).rows;
  const parts: string[] = [];
  for (const { s, t } of tables) for (const r of (await db.query(`SELECT x::text AS row FROM "${s}"."${t}" x`)).rows) parts.push(`${s}.${t}: ${r.row}`);
  return parts.join('\n');
}

/** The whole `/v1/kpis` answer for each query, without the moment it was computed (that is no figure). */
export async function kpiAnswers(reportingUrl: string, key: string, queries: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of queries) {
    const r = await request(reportingUrl).get(`/v1/kpis?${q}`).set('x-api-key', key).expect(200);
    out.push(JSON.parse(JSON.stringify(r.body), (k, v) => (k === 'asOf' ? undefined : v)));
  }
  return out;
}

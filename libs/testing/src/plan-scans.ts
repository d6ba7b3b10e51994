import { DataSource } from 'typeorm';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** How the planner would read each table for a statement (not run): "Index Scan inquiries", "Seq Scan facts", … */
export async function planScans(ds: DataSource, sql: string, params: unknown[]): Promise<string[]> {
  const [{ 'QUERY PLAN': [{ Plan: plan }] }] = await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const scans = (n: PlanNode): string[] => [
    ...(n['Relation Name'] && n['Node Type'].endsWith('Scan') ? [`${n['Node Type']} ${n['Relation Name']}`] : []),
    ...(n.Plans ?? []).flatMap(scans),
  ];
  return scans(plan);
}

import { Client } from 'pg';

/**
 * A busy contact center, in routing's tables in the shape routing writes them: `waiting` queued items (most in the first line, some
 * in triage, the supervisor queue and a department), `agents` agents with skills and two items each,
 * and `mine` items held by the demo agent (Amira Lind) for her queue.
 */
export async function seedBusyContactCenter(db: Client, o: { waiting: number; agents: number; mine: number }): Promise<void> {
  const categories: { code: string; department: string }[] = (await db.query(`SELECT code, department FROM routing.categories WHERE tenant_id = 'demo' ORDER BY code LIMIT 8`)).rows;
  await db.query(`CREATE TEMP TABLE seed_categories AS SELECT (row_number() OVER ()) - 1 AS n, * FROM json_to_recordset($1::json) AS c(code text, department text)`, [JSON.stringify(categories)]);
  await db.query(
    `INSERT INTO routing.agents (tenant_id, id, name, role, department, languages, capacity, presence)
     SELECT 'demo', 'agent-' || lpad(g::text, 3, '0'), 'Agent ' || lpad(g::text, 3, '0'), 'agent', 'kontaktcenter', ARRAY['sv', 'en'], 5,
       CASE WHEN g % 5 < 3 THEN 'available' WHEN g % 5 = 3 THEN 'away' ELSE 'offline' END
     FROM generate_series(1, $1) g`,
    [o.agents],
  );
  await db.query(
    `INSERT INTO routing.agent_skills (tenant_id, agent_id, kind, code, level)
     SELECT 'demo', a.id, 'category', c.code, 3 FROM routing.agents a JOIN seed_categories c ON c.n < 3 WHERE a.tenant_id = 'demo' AND a.id LIKE 'agent-%'`,
  );
  // One row per item: where it waits, who holds it, when it came.
  await db.query(
    `CREATE TEMP TABLE seed_items AS
     WITH p AS (SELECT $1::int AS waiting, $2::int AS held, $3::int AS mine, $4::int AS agents)
     SELECT g, gen_random_uuid() AS id, 'KC-2099-' || lpad(g::text, 6, '0') AS reference, now() - make_interval(secs => (p.waiting + p.held + p.mine - g) * 4) AS enqueued_at,
       CASE WHEN g > p.waiting THEN 'assigned' ELSE 'queued' END AS status,
       CASE WHEN g > p.waiting + p.held THEN 'demo-agent' WHEN g > p.waiting THEN 'agent-' || lpad((((g - p.waiting - 1) % p.agents) + 1)::text, 3, '0') END AS assigned_to,
       CASE WHEN g > p.waiting OR g % 20 >= 3 THEN 'first_line' WHEN g % 20 = 0 THEN 'triage' WHEN g % 20 = 1 THEN 'supervisor' ELSE 'department' END AS queue,
       (SELECT c FROM seed_categories c WHERE c.n = g % (SELECT count(*) FROM seed_categories)) AS cat
     FROM p, generate_series(1, p.waiting + p.held + p.mine) g`,
    [o.waiting, o.agents * 2, o.mine, o.agents],
  );
  await db.query(
    `INSERT INTO routing.inquiries (id, tenant_id, reference, channel, body, language, received_at)
     SELECT id, 'demo', reference, 'web', 'Hej, jag har en fråga.', 'sv', enqueued_at FROM seed_items`,
  );
  await db.query(
    `INSERT INTO routing.work_items (inquiry_id, tenant_id, reference, department, queue, category, topic_department, type, language, priority, urgent, status,
       assigned_to, assigned_at, enqueued_at, first_response_due_at, resolution_due_at)
     SELECT id, 'demo', reference,
       CASE queue WHEN 'triage' THEN 'triage' WHEN 'department' THEN (cat).department ELSE 'kontaktcenter' END, queue,
       CASE WHEN queue = 'triage' THEN NULL ELSE (cat).code END, (cat).department, 'question', CASE WHEN g % 3 = 0 THEN 'en' ELSE 'sv' END,
       2 + g % 3, false, status, assigned_to, CASE WHEN assigned_to IS NULL THEN NULL ELSE now() END,
       enqueued_at, enqueued_at + interval '8 hours', enqueued_at + interval '5 days'
     FROM seed_items`,
  );
  await db.query(`ANALYZE routing.work_items; ANALYZE routing.agents; ANALYZE routing.inquiries`);
}


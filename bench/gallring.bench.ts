/**
 * `npm run bench:gallring`: the removal rate of a retention run (inquiries per second, every
 * service together: routing claims and publishes, intake, routing, notifications and reporting
 * each remove their copy and confirm) over a large set of resolved inquiries, and intake's latency
 * under live traffic while the run goes against without it. The four services run as their own
 * processes on loopback, on a database and broker namespace of their own.
 *
 * The set is made from a few inquiries taken through the platform for real (intake, routing,
 * reporting): every row each service holds of them, in every table keyed by the inquiry, is cloned
 * in bulk, so each clone has as much for every eraser to remove as an inquiry of its own. The set is
 * scaled to finish in a few minutes here (BENCH_INQUIRIES, default 10 000) and the rate extrapolated
 * to 1 M; targets: 1 M within 8 hours, intake p99 under 500 ms meanwhile. The run goes at routing's
 * pace (ROUTING_RETENTION_RATE, passed through when set). Bounded: the run is given up after
 * BENCH_RUN_SECONDS (default 300).
 */
import { Client } from 'pg';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv } from '@lotsen/testing';
import { freePort, machine, startServiceProcess, stopProcess } from '@lotsen/load-harness';
import { migrateAll } from '../scripts/setup/migrate-all';
import { seedDemo } from '../scripts/setup/seed-demo';

const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 10_000);
const TEMPLATES = 10;
const LIVE_RATE = Number(process.env.BENCH_LIVE_RATE ?? 20);
const BASELINE_S = Number(process.env.BENCH_BASELINE_SECONDS ?? 15);
const RUN_LIMIT_S = Number(process.env.BENCH_RUN_SECONDS ?? 300);
const SERVICES = ['intake', 'routing', 'notifications', 'reporting'] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN);

async function call(base: string, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, { method, headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Live traffic: web inquiries at a steady rate until `stop` holds; the latency of each. */
async function liveTraffic(intake: string, key: string, stop: () => boolean): Promise<number[]> {
  const ms: number[] = [];
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  for (let n = 0; !stop(); n++) {
    const wait = started + (n * 1000) / LIVE_RATE - Date.now();
    if (wait > 0) await sleep(wait);
    inFlight.push((async () => {
      const t = performance.now();
      const res = await fetch(`${intake}/v1/inquiries`, {
        method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'web', category: 'library', body: `Har biblioteket öppet på lördag? (${n})`, citizen: { email: 'medborgare@example.se', notify: false } }),
      });
      await res.arrayBuffer();
      if (res.status === 202) ms.push(performance.now() - t);
    })().catch(() => undefined));
  }
  await Promise.all(inFlight);
  return ms.sort((a, b) => a - b);
}

/**
 * Every row each service holds of the template inquiries, copied `copies` times with new ids:
 * the inquiry tables by their id, every other table by its inquiry_id (outboxes and inboxes hold
 * nothing of an inquiry once it is delivered). Serial columns take their defaults.
 */
async function cloneInquiries(db: Client, templates: string[], copies: number): Promise<void> {
  await db.query(`CREATE TEMP TABLE clone_map AS SELECT t.id AS template, n, gen_random_uuid() AS new_id FROM unnest($1::uuid[]) AS t(id), generate_series(1, $2) AS n`, [templates, copies]);
  const tables: { s: string; t: string; key: string }[] = (await db.query(
    `SELECT table_schema AS s, table_name AS t, CASE WHEN table_name = 'inquiries' THEN 'id' ELSE 'inquiry_id' END AS key
     FROM information_schema.tables t WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'
       AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                   AND c.column_name = CASE WHEN t.table_name = 'inquiries' THEN 'id' ELSE 'inquiry_id' END)
     ORDER BY (table_name = 'inquiries') DESC, table_schema, table_name`,
    [SERVICES],
  )).rows;
  const cloned = new Map(tables.map((x) => [`${x.s}.${x.t}`, x.key]));
  // Unique uuid columns get a new value per copy, derived from the old one, so that a column
  // referring to one of them (within the inquiry's rows) is derived the same way and still fits.
  const constrained: { s: string; t: string; c: string; ref: string | null; refCol: string | null }[] = (await db.query(
    `SELECT n.nspname AS s, r.relname AS t, a.attname AS c,
       CASE WHEN k.contype = 'f' THEN fn.nspname || '.' || fr.relname END AS ref,
       CASE WHEN k.contype = 'f' THEN fa.attname END AS "refCol"
     FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
     JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS ck(attnum, i) ON true
     JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = ck.attnum
     LEFT JOIN pg_class fr ON fr.oid = k.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fr.relnamespace
     LEFT JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = k.confkey[ck.i]
     WHERE k.contype IN ('p', 'u', 'f') AND n.nspname = ANY($1) AND format_type(a.atttypid, a.atttypmod) = 'uuid'`,
    [SERVICES],
  )).rows;
  const remapped = new Set(constrained.filter((x) => (x.ref === null || (cloned.has(x.ref) && cloned.get(x.ref) !== x.refCol))).map((x) => `${x.s}.${x.t}.${x.c}`));
  for (const { s, t, key } of tables) {
    const cols: { c: string; type: string; serial: boolean }[] = (await db.query(
      `SELECT column_name AS c, data_type AS type, (column_default LIKE 'nextval%' OR is_identity = 'YES' OR is_generated = 'ALWAYS') AS serial
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, [s, t])).rows;
    const use = cols.filter((c) => !c.serial);
    const expr = (c: { c: string; type: string }) => {
      if (c.c === key) return 'm.new_id';
      if (remapped.has(`${s}.${t}.${c.c}`)) return `md5(x."${c.c}"::text || m.new_id::text)::uuid`;
      if (c.c === 'reference') return `x.reference || '-' || m.n`;
      if (c.c === 'tracking_token_hash') return `'bench:' || m.new_id`;
      return `x."${c.c}"`;
    };
    await db.query(`INSERT INTO "${s}"."${t}" (${use.map((c) => `"${c.c}"`).join(', ')})
      SELECT ${use.map(expr).join(', ')} FROM "${s}"."${t}" x JOIN clone_map m ON m.template = x."${key}"`);
  }
}

async function main(): Promise<void> {
  const env = await createTestEnv();
  const procs: Awaited<ReturnType<typeof startServiceProcess>>[] = [];
  const db = new Client({ connectionString: env.databaseUrl });
  try {
    console.log(`gallring benchmark: ${INQUIRIES} resolved inquiries, live traffic ${LIVE_RATE}/s; ${machine()}`);
    await migrateAll(env.databaseUrl);
    const { keys } = await seedDemo(env.databaseUrl);
    await db.connect();
    const urls: Record<string, string> = {};
    const paceRate = process.env.ROUTING_RETENTION_RATE;
    const pace: Record<string, string> = paceRate ? { ROUTING_RETENTION_RATE: paceRate } : {};
    console.log(`retention pace: ${paceRate ?? 'the default'} inquiries/s (ROUTING_RETENTION_RATE)`);
    for (const s of [...SERVICES].reverse()) {
      const port = await freePort();
      const up = s.toUpperCase();
      procs.push(await startServiceProcess(s, { ...env.env, LOG_LEVEL: 'warn', [`${up}_DATABASE_URL`]: serviceDatabaseUrl(env.databaseUrl, s), [`${up}_DB_POOL_SIZE`]: '10', ...pace }, port));
      urls[s] = `http://127.0.0.1:${port}`;
    }

    // The templates: real inquiries, routed, answered and resolved, in every service.
    const templates: string[] = [];
    for (let i = 0; i < TEMPLATES; i++) {
      const r = await call(urls.intake, keys.web, 'POST', '/v1/inquiries', {
        channel: 'web', category: 'street_lighting', subject: 'Gatlampan lyser inte', body: `Gatlampan vid Storgatan ${i} lyser inte. Anna Andersson, 070-123 45 67`,
        citizen: { name: 'Anna Andersson', email: 'anna@example.se', phone: '0701234567', notify: false }, location: { address: `Storgatan ${i}`, lat: 59.2, lon: 17.6 },
      });
      templates.push(r.id);
    }
    for (const id of templates) {
      await until('routed', async () => (await fetch(`${urls.routing}/v1/work/${id}`, { headers: { 'x-api-key': keys.supervisor } })).ok, 30000);
      await call(urls.routing, keys.supervisor, 'POST', `/v1/work/${id}/notes`, { text: 'Ringde Anna Andersson' });
      await call(urls.routing, keys.supervisor, 'POST', `/v1/work/${id}/answer`, { text: 'Hej Anna, lampan byts i veckan.' });
      await call(urls.routing, keys.supervisor, 'POST', `/v1/work/${id}/resolve`, { resolutionCode: 'answered' });
    }
    await until('reporting to hold the templates', async () => (await call(urls.reporting, keys.supervisor, 'GET', '/v1/kpis')).totals?.resolved === TEMPLATES, 60000);

    const t0 = performance.now();
    await cloneInquiries(db, templates, Math.ceil(INQUIRIES / TEMPLATES) - 1);
    await db.query(`UPDATE routing.work_items SET resolved_at = now() - interval '13 months' WHERE status = 'resolved'`);
    await db.query('VACUUM ANALYZE');
    const [{ n: total }] = (await db.query(`SELECT count(*)::int AS n FROM routing.work_items WHERE status = 'resolved'`)).rows;
    console.log(`set: ${total} resolved inquiries (${TEMPLATES} through the platform, the rest cloned row for row in every service) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Intake's latency without a run.
    let stopBaseline = false;
    setTimeout(() => { stopBaseline = true; }, BASELINE_S * 1000);
    const without = await liveTraffic(urls.intake, keys.web, () => stopBaseline);

    // The run, with the same live traffic, followed until every service confirmed every inquiry.
    await call(urls.routing, keys.admin, 'PUT', '/v1/retention/rules/*', { action: 'gallras', months: 12, note: 'bench' });
    let finished = false;
    const during = liveTraffic(urls.intake, keys.web, () => finished);
    const started = performance.now();
    const run = await call(urls.routing, keys.admin, 'POST', '/v1/retention/runs', {});
    const published = (performance.now() - started) / 1000;
    let done: Record<string, number> = {};
    const deadline = Date.now() + RUN_LIMIT_S * 1000;
    let lastPrint = 0;
    for (;;) {
      const runs: { runId: string; done: Record<string, number> }[] = await call(urls.routing, keys.admin, 'GET', '/v1/retention/runs');
      done = runs.find((r) => r.runId === run.runId)?.done ?? {};
      if (SERVICES.every((s) => (done[s] ?? 0) >= run.scheduled) || Date.now() > deadline) break;
      if (Date.now() - lastPrint > 15000) {
        lastPrint = Date.now();
        console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${SERVICES.map((s) => `${s} ${done[s] ?? 0}`).join('  ')} of ${run.scheduled}`);
      }
      await sleep(500);
    }
    const seconds = (performance.now() - started) / 1000;
    finished = true;
    const withRun = await during;
    const removed = Math.min(...SERVICES.map((s) => done[s] ?? 0));
    const rate = removed / seconds;
    const hoursFor1M = 1_000_000 / rate / 3600;
    const p99 = percentile(withRun, 0.99);
    console.log(`run: ${run.scheduled} inquiries claimed and published in ${published.toFixed(1)} s; ${removed} removed by every service in ${seconds.toFixed(1)} s${removed < run.scheduled ? ' (given up at the time limit)' : ''}`);
    console.log(`removal rate: ${rate.toFixed(0)} inquiries/s, all four services together`);
    console.log(`extrapolated to 1 M resolved inquiries (linear in the set's size, measured over ${run.scheduled}): ${hoursFor1M.toFixed(2)} h — target 8 h ${hoursFor1M <= 8 ? 'OK' : 'MISSED'}`);
    console.log(`intake POST /v1/inquiries at ${LIVE_RATE}/s without a run: ${without.length} requests, p50 ${percentile(without, 0.5).toFixed(0)} ms, p99 ${percentile(without, 0.99).toFixed(0)} ms`);
    console.log(`intake POST /v1/inquiries at ${LIVE_RATE}/s during the run: ${withRun.length} requests, p50 ${percentile(withRun, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms — target 500 ms ${p99 < 500 ? 'OK' : 'MISSED'}`);
  } finally {
    for (const p of procs) await stopProcess(p).catch(() => undefined);
    await db.end().catch(() => undefined);
    await env.cleanup();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});

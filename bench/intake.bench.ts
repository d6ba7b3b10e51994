/**
 * `npm run bench:intake`: POST /v1/inquiries under load (16 and 64 connections) against the raw
 * database baseline of the same transaction (counter + inquiry row + outbox row), on a database
 * and broker namespace of its own. Prints accepted/s, p50/p99, outbox lag and the ratio.
 */
import autocannon from 'autocannon';
import { randomBytes, randomUUID, createHash } from 'crypto';
import { Pool } from 'pg';
import { createTestEnv } from '@lotsen/testing';
import { migrateAll } from '../scripts/setup/migrate-all';
import { seedDemo } from '../scripts/setup/seed-demo';
import { cpuBetween, CpuUse, cpuSnapshot, freePort, loadDevInquiries, machine, startServiceProcess, stopProcess, webInquiryBodies } from '@lotsen/load-harness';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const POOL = 20;

export async function databaseBaseline(databaseUrl: string, concurrency: number, bodies: string[]): Promise<{ tps: number; p50: number; p99: number; cpu?: CpuUse }> {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL });
  await pool.query(`CREATE SEQUENCE IF NOT EXISTS intake.bench_ref_2099`);
  await pool.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('demo', 'Demo', 'DEMO') ON CONFLICT DO NOTHING`);
  const latencies: number[] = [];
  const until = Date.now() + DURATION_S * 1000;
  let n = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const c = await pool.connect();
      try {
        const { rows } = await c.query(`SELECT nextval('intake.bench_ref_2099') AS last_value`);
        await c.query('BEGIN');
        const id = randomUUID();
        const body = bodies[n % bodies.length];
        await c.query(
          `INSERT INTO intake.inquiries (id, tenant_id, reference, tracking_token_hash, channel, body, language, language_detected, received_at, citizen)
           VALUES ($1, 'demo', $2, $3, 'web', $4, 'sv', true, now(), $5)`,
          [id, `BL-2099-${String(rows[0].last_value).padStart(6, '0')}`, createHash('sha256').update(randomBytes(18)).digest('hex'), body, JSON.stringify({ email: 'a@example.se', notify: true })],
        );
        await c.query(`INSERT INTO intake.outbox (message_key, exchange, routing_key, envelope) VALUES ($1, 'events', 'inquiry.received', $2)`,
          [id, JSON.stringify({ id, type: 'inquiry.received', payload: { inquiryId: id, body } })]);
        await c.query('COMMIT');
        n++;
        latencies.push(performance.now() - t0);
      } finally {
        c.release();
      }
    }
  };
  // What one transaction costs the machine: Postgres and this client loop.
  const groupOf = (pid: number, comm: string) => (comm === 'postgres' ? 'postgres' : pid === process.pid ? 'client' : undefined);
  const cpuFrom = cpuSnapshot(groupOf);
  const t0 = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - t0) / 1000;
  const cpuTo = cpuSnapshot(groupOf);
  await pool.query(`DELETE FROM intake.outbox WHERE message_key IN (SELECT id::text FROM intake.inquiries WHERE reference LIKE 'BL-%')`);
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    tps: n / seconds, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)],
    cpu: cpuFrom && cpuTo ? cpuBetween(cpuFrom, cpuTo) : undefined,
  };
}

/** Non-2xx answers by status code ("503×2"), for a row that has any. */
export function non2xxCodes(result: { statusCodeStats?: Record<string, { count?: number }> }): string {
  return Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => `${code}×${s.count ?? 0}`).join(', ');
}

export async function loadIntake(url: string, key: string, connections: number, bodies: string[]) {
  let i = 0;
  const lags: number[] = [];
  const result = await autocannon({
    url: `${url}/v1/inquiries`,
    connections,
    duration: DURATION_S,
    requests: [{
      method: 'POST',
      setupRequest: ((req: Record<string, unknown>) => ({
        ...req,
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: bodies[i++ % bodies.length],
      })) as never,
    }],
  });
  return { result, lags };
}

async function main() {
  console.log(`bench:intake on ${machine()}, ${DURATION_S} s per run`);
  const env = await createTestEnv();
  try {
    await migrateAll(env.databaseUrl);
    const { keys } = await seedDemo(env.databaseUrl);
    const inquiries = loadDevInquiries();
    const bodies = webInquiryBodies(inquiries);

    const base = await databaseBaseline(env.databaseUrl, 64, inquiries.map((q) => q.text));
    console.log(`database baseline (same transaction, ${POOL} connections, 64 workers): ${base.tps.toFixed(0)} tx/s, p50 ${base.p50.toFixed(1)} ms, p99 ${base.p99.toFixed(1)} ms`);

    const port = await freePort();
    const intake = await startServiceProcess('intake', { ...env.env, LOG_LEVEL: 'warn', INTAKE_DB_POOL_SIZE: String(POOL) }, port);
    const lagPool = new Pool({ connectionString: env.databaseUrl, max: 1 });
    let maxLagMs = 0;
    let maxBacklog = 0;
    const sample = async () => {
      const { rows } = await lagPool.query(`SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)::float AS lag FROM intake.outbox`);
      maxBacklog = Math.max(maxBacklog, rows[0].n);
      maxLagMs = Math.max(maxLagMs, rows[0].lag);
    };
    // A sample still in flight when the pool closes at the end fails; that must not end the run.
    const sampler = setInterval(() => { sample().catch(() => undefined); }, 250);
    const figures: Record<number, { rps: number; p50: number; p99: number; non2xx: number }> = {};
    try {
      for (const connections of [16, 64]) {
        maxLagMs = 0; maxBacklog = 0;
        const { result } = await loadIntake(`http://127.0.0.1:${port}`, keys.web, connections, bodies);
        const rps = result.requests.average;
        figures[connections] = { rps, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
        console.log(`intake POST /v1/inquiries, ${connections} connections: ${rps.toFixed(0)} accepted/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}${result.non2xx ? ` (${non2xxCodes(result)})` : ''}, errors ${result.errors}; outbox max backlog ${maxBacklog}, max lag ${maxLagMs.toFixed(0)} ms; ratio to baseline ${(rps / base.tps).toFixed(2)}`);
      }
    } finally {
      clearInterval(sampler);
      await lagPool.end();
      await stopProcess(intake);
    }
    const f64 = figures[64];
    const ok = f64.rps / base.tps >= 0.3 && f64.p99 < 100 && f64.non2xx === 0;
    console.log(`target (ratio ≥ 0.30, p99 < 100 ms at 64 connections): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await env.cleanup();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

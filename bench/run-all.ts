/**
 * `npm run bench`: the whole picture in one run, written to bench/RESULTS.md.
 *  - raw baselines: the database (intake's transaction in a tight pg loop) and the broker
 *    (persistent publishes with confirms to a quorum queue);
 *  - intake alone (POST /v1/inquiries at 64 connections);
 *  - end to end (received → routed → receipt sent → counted) with one and with two instances per
 *    service (scripts/chaos.ts without faults): throughput when offered as fast as accepted,
 *    latency at a paced load below that throughput, and latency at the target rate (10 % of the
 *    higher of two database baselines, each on a fresh database: one at the start, one just before that run),
 *    both reaching their rate over the first seconds of a warm-up; then the target rate from a cold start;
 *  - outbox drain after a broker outage under load, and time to resume after Postgres returns;
 *  - where the CPU goes per inquiry in those end-to-end runs, by process, against one baseline transaction;
 *  - then each service's own benchmark.
 * Loopback only, bounded in time (about 25 minutes on two cores), everything on its own database/namespace.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as amqp from 'amqplib';
import { Client } from 'pg';
import { createTestEnv, TcpProxy, viaProxy } from '@lotsen/testing';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { migrateAll } from '../scripts/setup/migrate-all';
import { seedDemo } from '../scripts/setup/seed-demo';
import { CpuUse, DIST, freePort, loadDevInquiries, machine, ROOT, startServiceProcess, stopProcess, webInquiryBodies } from '@lotsen/load-harness';
import { databaseBaseline, loadIntake, non2xxCodes } from './intake.bench';

const EARLIER_RUNS = '## Earlier full runs';
const OUTAGE_S = Number(process.env.BENCH_OUTAGE_S ?? 60);
const E2E_COUNT = process.env.BENCH_E2E_COUNT ?? '3000';
const PACED_WARMUP_S = 30;
const PACED_RAMP_S = 10;
const lines: string[] = [];
const out = (line: string) => { console.log(line); lines.push(line); };

async function brokerBaseline(amqpUrl: string, namespace: string): Promise<{ perSecond: number }> {
  const conn = await amqp.connect(amqpUrl);
  const ch = await conn.createConfirmChannel();
  const q = `${namespace}.bench.broker`;
  await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  const body = Buffer.from(JSON.stringify({ id: 'x'.repeat(36), type: 'inquiry.received', payload: { body: 'y'.repeat(400) } }));
  const n = 20000;
  const t0 = performance.now();
  for (let i = 0; i < n; i += 500) {
    for (let j = 0; j < 500; j++) ch.sendToQueue(q, body, { persistent: true });
    await ch.waitForConfirms();
  }
  const seconds = (performance.now() - t0) / 1000;
  await ch.deleteQueue(q);
  await conn.close();
  return { perSecond: n / seconds };
}

interface ChaosRun {
  fields: Record<string, string>;
  /** Latency per 5 s of the run (`--series`), as chaos logged it. */
  series: string[];
}

/** A paced run: `rate` inquiries/s, the first `warmupS` s untimed, reaching the rate over its first `rampS` s. */
interface Pace { rate: number; warmupS: number; rampS: number }

function runChaos(instances: number, count: string, pace?: Pace): ChaosRun {
  const args = ['--faults', 'none', '--count', count, '--instances', String(instances), '--concurrency', '32'];
  if (pace) args.push('--rate', String(pace.rate), '--warmup', String(pace.warmupS), '--ramp', String(pace.rampS), '--series');
  const r = spawnSync(process.execPath, [join(DIST, 'scripts', 'chaos.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15 * 60 * 1000 });
  const fields: Record<string, string> = {};
  for (const m of r.stdout.matchAll(/(\w+)=([\d.]+)/g)) fields[m[1]] = m[2];
  if (r.status !== 0) fields.error = r.stdout.split('\n').slice(-5).join(' ') + r.stderr.slice(-500);
  const series = r.stdout.split('\n').filter((l) => / t=\d+s /.test(l)).map((l) => l.replace(/^\[chaos [\d:]+\] /, ''));
  return { fields, series };
}

/** A paced run timed for 40 s after its warm-up (the ramp's slower start is made up with more inquiries). */
function pacedRun(pace: Pace): ChaosRun {
  return runChaos(1, String(Math.ceil(pace.rate * (pace.warmupS + 40 + pace.rampS / 2))), pace);
}

/** A results row from the figures a chaos run printed. */
function e2eRow(label: string, f: Record<string, string>, dbTps: number): string {
  return `| ${label} | ${f.e2e_per_s ?? '?'} inquiries/s (lost ${f.lost ?? '?'}, duplicates ${f.duplicates ?? '?'}) | ${f.e2e_p50_ms ?? '?'} ms | ${f.e2e_p99_ms ?? '?'} ms | ${(Number(f.e2e_per_s) / dbTps).toFixed(2)} |${f.error ? ` error: ${f.error}` : ''}`;
}

const CPU_ROWS: Array<[string, string, string?]> = [
  ['intake', 'intake'], ['routing', 'routing'], ['notifications', 'notifications'], ['reporting', 'reporting'],
  ['Postgres', 'postgres', 'postgres'], ['RabbitMQ', 'rabbitmq'],
  ['harness: load generator and SMTP sink (baseline: its client loop)', 'harness', 'client'],
];

/**
 * Per inquiry of each fault-free end-to-end run against per transaction of the database baseline:
 * what the target's ratio compares, in CPU.
 */
function cpuSection(runs: Array<[string, Record<string, string>]>, baseline: { tps: number; cpu?: CpuUse }): void {
  const measured = runs.filter(([, f]) => f.cpu_total_ms);
  if (!measured.length || !baseline.cpu) return;
  const perTx = (g: string) => ((baseline.cpu!.groups.get(g) ?? 0) * 1000) / (baseline.tps * baseline.cpu!.seconds);
  const txTotal = [...baseline.cpu.groups.keys()].reduce((a, g) => a + perTx(g), 0);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  out('## Where the CPU goes: per inquiry, against one baseline transaction');
  out('');
  out('CPU time (user + system, read from /proc) per inquiry offered in the timed part of each end-to-end run, by process, and per transaction of the database baseline the target is set from; everything shares the same cores. The machine is busy at nearly any load here: every stage takes what has arrived as one batch, so with cores to spare its batches are small and each inquiry carries more per-batch work (transactions, broker commands, wake-ups). An inquiry\'s CPU therefore falls as its rate rises: it is a cost only where the platform was saturated, i.e. delivered less than was offered. The last row divides by the baseline transaction\'s cost.');
  out('');
  out(`| process | ${measured.map(([label]) => label).join(' | ')} | database baseline, per transaction |`);
  out(`|---|${measured.map(() => '---|').join('')}---|`);
  for (const [label, field, baselineGroup] of CPU_ROWS) {
    out(`| ${label} | ${measured.map(([, f]) => ms(Number(f[`cpu_${field}_ms`] ?? 0))).join(' | ')} | ${baselineGroup ? ms(perTx(baselineGroup)) : ''} |`);
  }
  out(`| all | ${measured.map(([, f]) => `**${ms(Number(f.cpu_total_ms))}**`).join(' | ')} | **${ms(txTotal)}** |`);
  out(`| cores busy (whole machine) | ${measured.map(([, f]) => `${Math.round(100 * Number(f.cpu_busy))} %`).join(' | ')} | ${Math.round(100 * baseline.cpu.machineBusy)} % |`);
  out(`| one inquiry in baseline transactions | ${measured.map(([, f]) => (Number(f.cpu_total_ms) / txTotal).toFixed(1)).join(' | ')} | 1 |`);
  out('');
}

async function main(): Promise<void> {
  const started = new Date();
  out(`# Lotsen benchmark results`);
  out('');
  out(`${started.toISOString()} on ${machine()}; PostgreSQL and RabbitMQ on 127.0.0.1.`);
  out('');
  const env = await createTestEnv();
  const inquiries = loadDevInquiries();
  const bodies = webInquiryBodies(inquiries);
  let dbTps = 0;
  let targetRun: ChaosRun = { fields: {}, series: [] };
  let targetRate = 0;
  // The fault-free end-to-end runs with CPU figures, and the baseline the target was set from.
  const cpuRuns: Array<[string, Record<string, string>]> = [];
  let targetBaseline: { tps: number; cpu?: CpuUse } = { tps: 0 };
  try {
    await migrateAll(env.databaseUrl);
    const { keys } = await seedDemo(env.databaseUrl);

    const db = await databaseBaseline(env.databaseUrl, 64, inquiries.map((q) => q.text));
    dbTps = db.tps;
    const broker = await brokerBaseline(env.amqpUrl, env.namespace);
    out('| measurement | throughput | p50 | p99 | ratio to database baseline |');
    out('|---|---|---|---|---|');
    out(`| database baseline: intake's transaction (reference, inquiry + outbox row), 64 workers, pool 20 | ${db.tps.toFixed(0)} tx/s | ${db.p50.toFixed(1)} ms | ${db.p99.toFixed(1)} ms | 1.00 |`);
    out(`| broker baseline: persistent publishes with confirms to a quorum queue | ${broker.perSecond.toFixed(0)} msg/s | | | |`);

    const port = await freePort();
    const intakeEnv = { ...env.env, LOG_LEVEL: 'warn', INTAKE_DB_POOL_SIZE: '20', INTAKE_DATABASE_URL: serviceDatabaseUrl(env.databaseUrl, 'intake') };
    const intake = await startServiceProcess('intake', intakeEnv, port);
    try {
      const { result } = await loadIntake(`http://127.0.0.1:${port}`, keys.web, 64, bodies);
      out(`| intake alone: POST /v1/inquiries, 64 connections | ${result.requests.average.toFixed(0)} req/s (${result.non2xx} non-2xx${result.non2xx ? `: ${non2xxCodes(result)}` : ''}) | ${result.latency.p50} ms | ${result.latency.p99} ms | ${(result.requests.average / db.tps).toFixed(2)} |`);
    } finally {
      await stopProcess(intake);
    }

    // Throughput: inquiries offered as fast as intake answers (latency then is queueing time).
    let sustained = 0;
    for (const instances of [1, 2]) {
      const f = runChaos(instances, E2E_COUNT).fields;
      const perS = Number(f.e2e_per_s);
      sustained = Math.max(sustained, perS || 0);
      if (instances === 1) cpuRuns.push([`as fast as accepted (${f.e2e_per_s ?? '?'}/s)`, f]);
      out(e2eRow(`end to end (received → routed → receipt sent → counted), ${instances} instance(s) per service, ${E2E_COUNT} inquiries as fast as accepted`, f, db.tps));
    }
    // Latency: a steady load below that throughput, measured from each inquiry's scheduled time,
    // after a warm-up (freshly started processes compile their hot code first) whose rate grows
    // over its first PACED_RAMP_S: a cold platform hit with the full rate at once queues for tens
    // of seconds, which the cold-start row after the target run measures on its own.
    const rate = Math.max(5, Math.floor(sustained * 0.6));
    const paced = pacedRun({ rate, warmupS: PACED_WARMUP_S, rampS: PACED_RAMP_S }).fields;
    cpuRuns.push([`paced at 60 % (${rate}/s offered, ${paced.e2e_per_s ?? '?'}/s delivered)`, paced]);
    out(e2eRow(`end to end, 1 instance per service, paced at ${rate} inquiries/s (60 % of the throughput above), timed for 40 s after a ${PACED_WARMUP_S} s warm-up (rate reached after ${PACED_RAMP_S} s)`, paced, db.tps));
    // The target itself: 10 % of the database baseline offered steadily, with its p99. This machine's
    // speed drifts over minutes (baselines of 1,010–1,728 tx/s), so the baseline is measured again
    // just before, on a fresh database like the first, and the target takes the higher of the two:
    // a slow moment never lowers it.
    const fresh = await createTestEnv();
    const dbAgain = await migrateAll(fresh.databaseUrl)
      .then(() => databaseBaseline(fresh.databaseUrl, 64, inquiries.map((q) => q.text)))
      .finally(() => fresh.cleanup());
    out(`| database baseline again, on a fresh database just before the target run | ${dbAgain.tps.toFixed(0)} tx/s | ${dbAgain.p50.toFixed(1)} ms | ${dbAgain.p99.toFixed(1)} ms | ${(dbAgain.tps / db.tps).toFixed(2)} |`);
    targetBaseline = dbAgain.tps > db.tps ? dbAgain : db;
    dbTps = targetBaseline.tps;
    targetRate = Math.ceil(dbTps * 0.1);
    targetRun = pacedRun({ rate: targetRate, warmupS: PACED_WARMUP_S, rampS: PACED_RAMP_S });
    cpuRuns.push([`paced at the target rate (${targetRate}/s offered, ${targetRun.fields.e2e_per_s ?? '?'}/s delivered)`, targetRun.fields]);
    out(e2eRow(`end to end, 1 instance per service, paced at ${targetRate} inquiries/s (the target: 10 % of the higher database baseline), timed for 40 s after a ${PACED_WARMUP_S} s warm-up (rate reached after ${PACED_RAMP_S} s)`, targetRun.fields, dbTps));
    // The same rate on freshly started processes at once (no ramp): how long a restart under full
    // load queues. Shown for what it is; the target is the steady state above.
    const cold = pacedRun({ rate: targetRate, warmupS: PACED_WARMUP_S, rampS: 0 }).fields;
    out(e2eRow(`end to end at the target rate from a cold start (full rate from the first second), timed for 40 s after ${PACED_WARMUP_S} s`, cold, dbTps));

    // Broker away for OUTAGE_S seconds while intake keeps accepting: the outbox holds the events.
    const amqpProxy = new TcpProxy('127.0.0.1', 5672);
    const pgProxy = new TcpProxy('127.0.0.1', 5432);
    await amqpProxy.up();
    await pgProxy.up();
    const port2 = await freePort();
    const intake2 = await startServiceProcess('intake', {
      ...intakeEnv, AMQP_URL: viaProxy(env.amqpUrl, amqpProxy), INTAKE_DATABASE_URL: viaProxy(intakeEnv.INTAKE_DATABASE_URL, pgProxy),
    }, port2);
    const pg = new Client({ connectionString: env.databaseUrl });
    await pg.connect();
    try {
      await amqpProxy.down();
      let accepted = 0;
      const until = Date.now() + OUTAGE_S * 1000;
      await Promise.all(Array.from({ length: 16 }, async (_v, w) => {
        for (let i = w; Date.now() < until; i += 16) {
          const res = await fetch(`http://127.0.0.1:${port2}/v1/inquiries`, { method: 'POST', body: bodies[i % bodies.length], headers: { 'content-type': 'application/json', 'x-api-key': keys.web } });
          await res.arrayBuffer();
          if (res.status === 202) accepted++;
        }
      }));
      const backlog = (await pg.query(`SELECT count(*)::int AS n FROM intake.outbox`)).rows[0].n as number;
      const t0 = Date.now();
      await amqpProxy.up();
      while ((await pg.query(`SELECT count(*)::int AS n FROM intake.outbox`)).rows[0].n > 0 && Date.now() - t0 < 120000) await new Promise((r) => setTimeout(r, 20));
      const drainS = (Date.now() - t0) / 1000;
      out(`| outbox drain after a ${OUTAGE_S} s broker outage under load (${accepted} inquiries accepted meanwhile, ${backlog} events held) | ${(backlog / drainS).toFixed(0)} events/s (${drainS.toFixed(1)} s incl. reconnect) | | | |`);

      // Postgres away for 10 s; then how long until intake stores again.
      await pgProxy.down();
      await new Promise((r) => setTimeout(r, 10000));
      await pgProxy.up();
      const t1 = Date.now();
      for (;;) {
        const res = await fetch(`http://127.0.0.1:${port2}/v1/inquiries`, { method: 'POST', body: bodies[0], headers: { 'content-type': 'application/json', 'x-api-key': keys.web } }).catch(() => undefined);
        await res?.arrayBuffer();
        if (res?.status === 202 || Date.now() - t1 > 60000) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      out(`| time to resume after Postgres returns (10 s away) | ${((Date.now() - t1) / 1000).toFixed(2)} s to the first 202 | | | |`);
    } finally {
      await pg.end();
      await stopProcess(intake2);
      await amqpProxy.down();
      await pgProxy.down();
    }
  } finally {
    await env.cleanup();
  }

  out('');
  out('Targets: end to end ≥ 10 % of the database baseline with p99 < 1 s; outbox drain ≥ 2,000 events/s; resume < 15 s.');
  // Met when the platform kept pace with the target rate (all of it within 5 %) at p99 under 1 s.
  const atTarget = targetRun.fields;
  const keptPace = Number(atTarget.e2e_per_s) >= 0.95 * targetRate;
  const e2eMet = keptPace && Number(atTarget.e2e_p99_ms) < 1000 && atTarget.lost === '0' && atTarget.duplicates === '0';
  out(`End-to-end target at ${targetRate || '?'} inquiries/s: ${atTarget.e2e_per_s ?? '?'}/s delivered, p99 ${atTarget.e2e_p99_ms ?? '?'} ms — ${e2eMet ? 'MET' : 'MISSED'}.`);
  out('');
  if (targetRun.series.length) {
    out(`The target run per 5 s of offered time (warm-up included; each stage from the scheduled POST):`);
    out('');
    out('```');
    for (const l of targetRun.series) out(l);
    out('```');
    out('');
  }
  cpuSection(cpuRuns, targetBaseline);
  for (const [name, file] of [['routing', 'routing.bench.js'], ['notifications', 'notifications.bench.js'], ['reporting', 'reporting.bench.js'], ['workspace', 'workspace.bench.js']]) {
    out(`## ${name} (bench/${file.replace('.js', '.ts')})`);
    out('');
    const r = spawnSync(process.execPath, [join(DIST, 'bench', file)], { cwd: ROOT, encoding: 'utf8', timeout: 10 * 60 * 1000 });
    out('```');
    for (const l of (r.stdout + r.stderr).trim().split('\n').filter((x) => !x.startsWith('{"level"')).slice(-25)) out(l);
    out('```');
    out('');
  }
  // The record of earlier full runs below the generated part is kept as it is.
  const resultsFile = join(ROOT, 'bench', 'RESULTS.md');
  const earlier = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split(EARLIER_RUNS)[1] : undefined;
  writeFileSync(resultsFile, lines.join('\n') + '\n' + (earlier === undefined ? '' : EARLIER_RUNS + earlier));
  console.log(`\nwritten to bench/RESULTS.md (database baseline ${dbTps.toFixed(0)} tx/s)`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * `npm run chaos [-- --count 100000]`: a bounded, self-stopping fault run on this machine
 * (loopback only). Two instances of every service, a steady stream of inquiries through
 * intake's API, and meanwhile: RabbitMQ killed hard (kill -9) and started again, Postgres
 * restarted in immediate mode, and random service instances killed (kill -9) and restarted.
 * Then it waits until the platform is quiet and checks, from each service's own tables and a
 * real SMTP server's received mail, that every accepted inquiry (each 202) exists once in
 * intake, was routed exactly once, got exactly one receipt, and is counted exactly once in
 * reporting. Prints `accepted=… lost=0 duplicates=0 recovery_s=…`; exits non-zero otherwise.
 *
 * It restarts the machine's shared RabbitMQ and Postgres: never run it beside other tests.
 */
import { ChildProcess, execFileSync, execSync } from 'child_process';
import { readdirSync } from 'fs';
import * as amqp from 'amqplib';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { headerValues, readHeaderBlock } from '../apps/intake/src/email/raw-headers';
import { cpuBetween, cpuFields, cpuSnapshot, CpuSnapshot, serverGroup, freePort, httpPost, loadDevInquiries, offeredAt, startServiceProcess } from '@lotsen/load-harness';
import { migrateAll, SERVICES, ServiceName } from './setup/migrate-all';
import { seedDemo } from './setup/seed-demo';

interface Options { count: number; concurrency: number; faults: string[]; timeoutS: number; keep: boolean; instances: number; rate: number; warmupS: number; rampS: number; series: boolean }

function parseArgs(argv: string[]): Options {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  return {
    count: Number(get('count', '20000')),
    concurrency: Number(get('concurrency', '16')),
    faults: get('faults', 'rabbitmq,postgres,kill').split(',').filter((f) => f && f !== 'none'),
    timeoutS: Number(get('timeout', '900')),
    keep: argv.includes('--keep'),
    instances: Number(get('instances', '2')),
    // Inquiries per second offered (0: as fast as the platform answers). A paced run measures
    // latency at a load the platform sustains; an unpaced one measures its throughput.
    rate: Number(get('rate', '0')),
    // Seconds at the start whose inquiries are checked like all others but not timed: freshly
    // started processes compile their hot code and fill their caches first (steady-state latency).
    warmupS: Number(get('warmup', '0')),
    // Seconds over which a paced run's rate grows linearly from 0 (within the warm-up), as load
    // tests ramp up: freshly started processes warm up at a rising rate instead of queueing the
    // full rate from the first second (without a ramp, a run measures that cold start).
    rampS: Number(get('ramp', '0')),
    // Latency per 5 s of the run, besides the totals.
    series: argv.includes('--series'),
  };
}

const log = (line: string) => process.stdout.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The platform's processes: two instances per service on fixed free ports. */
class Fleet {
  readonly procs = new Map<string, { service: ServiceName; port: number; child?: ChildProcess }>();
  constructor(private readonly env: Record<string, string>, private readonly instances: number) {}

  async start(): Promise<void> {
    for (const service of [...SERVICES].reverse()) {
      for (let n = 1; n <= this.instances; n++) {
        const port = await freePort();
        this.procs.set(`${service}-${n}`, { service, port });
      }
    }
    for (const name of this.procs.keys()) await this.launch(name);
  }

  async launch(name: string): Promise<void> {
    const p = this.procs.get(name)!;
    p.child = await startServiceProcess(p.service, this.env, p.port);
  }

  kill9(name: string): void {
    this.procs.get(name)?.child?.kill('SIGKILL');
  }

  /** The service a process of this fleet belongs to (for CPU accounting). */
  serviceOf(pid: number): ServiceName | undefined {
    for (const p of this.procs.values()) if (p.child?.pid === pid) return p.service;
    return undefined;
  }

  urls(service: ServiceName): string[] {
    return [...this.procs.values()].filter((p) => p.service === service).map((p) => `http://127.0.0.1:${p.port}`);
  }

  async stop(): Promise<void> {
    for (const p of this.procs.values()) p.child?.kill('SIGTERM');
    await sleep(1500);
    for (const p of this.procs.values()) if (p.child && p.child.exitCode === null) p.child.kill('SIGKILL');
  }
}

/** Faults on the machine's own servers (as root, like CI). */
const faults = {
  async rabbitmq(amqpUrl: string): Promise<void> {
    // The Erlang VM by its exact process name (a pattern match would also find this shell).
    const pids = execSync(`pgrep -x beam.smp || true`).toString().trim().split('\n').filter(Boolean);
    if (!pids.length) throw new Error('RabbitMQ process not found');
    log(`fault: kill -9 RabbitMQ (pid ${pids.join(',')})`);
    try {
      for (const pid of pids) {
        try { process.kill(Number(pid), 'SIGKILL'); } catch { /* already gone */ }
      }
      await sleep(2000);
    } finally {
      execSync('rabbitmq-server -detached', { stdio: 'ignore' });
    }
    await until('RabbitMQ back', async () => { const c = await amqp.connect(amqpUrl, { timeout: 2000 }); await c.close(); return true; }, 120000);
    log('RabbitMQ is back');
  },
  async postgres(databaseUrl: string): Promise<void> {
    const version = readdirSync('/etc/postgresql')[0];
    log(`fault: Postgres ${version} restart -m immediate`);
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'immediate'], { stdio: 'ignore' });
    await until('Postgres back', async () => { const c = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 }); await c.connect(); await c.end(); return true; }, 60000);
    log('Postgres is back');
  },
  async kill(fleet: Fleet): Promise<void> {
    const names = [...fleet.procs.keys()].sort(() => Math.random() - 0.5).slice(0, 3);
    log(`fault: kill -9 ${names.join(', ')}`);
    for (const n of names) fleet.kill9(n);
    await sleep(1000);
    for (const n of names) await fleet.launch(n);
    log('killed instances restarted');
  },
};

const HEADER_BYTES = 64 * 1024;

/** RFC 2047 encoded-words (UTF-8, Q or B), as nodemailer writes a non-ASCII subject. */
function decodeEncodedWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, x: string) => String.fromCharCode(parseInt(x, 16))), 'latin1').toString('utf8'));
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  log(`count=${o.count} concurrency=${o.concurrency}${o.rate ? ` rate=${o.rate}/s` : ''}${o.warmupS ? ` warmup=${o.warmupS}s` : ''}${o.rampS ? ` ramp=${o.rampS}s` : ''} faults=${o.faults.join(',')}`);
  const env: TestEnv = await createTestEnv();
  let fleet: Fleet | undefined;
  // Receipt mails per reference, by Message-ID: a copy re-sent after a crash between the SMTP
  // server's acceptance and our record of it carries the same Message-ID (mail clients show it
  // once); those copies are counted separately and reported.
  const mail = new Map<string, Set<string>>();
  let resentCopies = 0;
  const receiptAt = new Map<string, number>();
  const startedAt = new Map<number, number>();
  // When each inquiry got its 202: the first stage of its latency (queueing before intake answers).
  const answeredAt = new Map<number, number>();
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    // Only the header block is read (subject and Message-ID): a full MIME parse of every receipt
    // cost the harness as much CPU as a service.
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        if (size < HEADER_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('error', cb);
      stream.on('end', () => {
        const block = readHeaderBlock(Buffer.concat(chunks), HEADER_BYTES);
        const headers = block.ok ? block.headers : [];
        const subject = decodeEncodedWords(headerValues(headers, 'subject')[0] ?? '');
        const ref = /KC-\d{4}-\d{6}/.exec(subject)?.[0];
        if (ref && subject.startsWith('We have received your inquiry')) {
          const messageId = headerValues(headers, 'message-id')[0] ?? '';
          const ids = mail.get(ref) ?? new Set<string>();
          if (ids.has(messageId)) resentCopies++;
          ids.add(messageId || `no-id-${Math.random()}`);
          if (!receiptAt.has(ref)) receiptAt.set(ref, Date.now());
          mail.set(ref, ids);
        }
        cb();
      });
    },
  });
  // A killed notifications instance resets its SMTP connections: expected here.
  smtp.on('error', () => undefined);
  let exitCode = 1;
  try {
    await migrateAll(env.databaseUrl);
    const { keys } = await seedDemo(env.databaseUrl);
    const smtpPort = await freePort();
    await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
    const serviceEnv: Record<string, string> = {
      ...env.env,
      LOG_LEVEL: 'error',
      NOTIFICATIONS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // The sink takes any number of connections. With the default 5, each receipt's SMTP round
      // trips on two busy cores made sending the queue (receipts p50 6–9 s, 2.5 s with 20).
      NOTIFICATIONS_SMTP_MAX_CONNECTIONS: process.env.NOTIFICATIONS_SMTP_MAX_CONNECTIONS ?? '20',
      // Rows a killed instance left in 'sending' are retried after this (default 2 min).
      NOTIFICATIONS_SENDING_TIMEOUT_MS: '15000',
      ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_DATABASE_URL`, serviceDatabaseUrl(env.databaseUrl, s)])),
    };
    fleet = new Fleet(serviceEnv, o.instances);
    await fleet.start();
    log(`${4 * o.instances} service instances up`);

    const inquiries = loadDevInquiries();
    const intakes = fleet.urls('intake');
    const accepted = new Map<number, { id: string; reference: string }>();
    const recoveries: number[] = [];
    let lastFaultAt = 0;
    let next = 0;
    let done = 0;
    let failedRequests = 0;

    const send = async (n: number, scheduledAt = Date.now()): Promise<void> => {
      startedAt.set(n, scheduledAt);
      const q = inquiries[n % inquiries.length];
      const body = JSON.stringify({
        channel: 'web', subject: q.subject || undefined, body: q.text, language: 'en',
        citizen: { email: `c${n}@example.test`, notify: false, preferredLanguage: 'en' },
      });
      const deadline = Date.now() + 180000;
      for (let attempt = 0; Date.now() < deadline; attempt++) {
        try {
          const res = await httpPost(`${intakes[(n + attempt) % intakes.length]}/v1/inquiries`, body, {
            'content-type': 'application/json', 'x-api-key': keys.web, 'idempotency-key': `chaos-${n}`,
          }, 10000);
          if (res.status === 202) {
            const a = JSON.parse(res.body) as { id: string; reference: string };
            accepted.set(n, a);
            answeredAt.set(n, Date.now());
            if (lastFaultAt && attempt > 0) recoveries.push((Date.now() - lastFaultAt) / 1000);
            return;
          }
        } catch {
          /* instance down: try the other one */
        }
        failedRequests++;
        await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
      }
    };

    const schedule = o.faults.map((kind, i) => ({ kind, at: Math.floor(o.count * (0.2 + (0.6 * i) / Math.max(1, o.faults.length))) }));
    const faultRuns: Promise<void>[] = [];
    const loadStart = Date.now();
    // CPU per inquiry by process group over the timed part of a fault-free run (a killed
    // process's time would be missing): the services, Postgres, RabbitMQ and this harness (the
    // load generator and the SMTP server that receives the receipts).
    const groupOf = (pid: number, comm: string) => fleet!.serviceOf(pid) ?? serverGroup(comm) ?? (pid === process.pid ? 'harness' : undefined);
    let cpuFrom: CpuSnapshot | undefined;
    const cpuTimer = o.faults.length ? undefined : setTimeout(() => { cpuFrom = cpuSnapshot(groupOf); }, o.warmupS * 1000);
    const worker = async () => {
      while (next < o.count) {
        const n = next++;
        const due = schedule.find((f) => f.at === n);
        if (due) {
          lastFaultAt = Date.now();
          const faultStart = Date.now();
          const run = due.kind === 'rabbitmq' ? faults.rabbitmq(env.amqpUrl) : due.kind === 'postgres' ? faults.postgres(env.databaseUrl) : faults.kill(fleet!);
          // Recovery: from the fault until the dependency or instances are back and serving.
          faultRuns.push(run.then(() => { lastFaultAt = Date.now(); recoveries.push((Date.now() - faultStart) / 1000); }));
        }
        if (o.rate > 0) {
          const at = loadStart + 1000 * offeredAt(n, o.rate, o.rampS);
          if (at > Date.now()) await sleep(at - Date.now());
          await send(n, at); // latency from the scheduled time: a late send counts against us
        } else {
          await send(n);
        }
        if (++done % Math.max(1, Math.floor(o.count / 10)) === 0) log(`${done}/${o.count} sent, ${accepted.size} accepted`);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    clearTimeout(cpuTimer);
    const cpuTo = cpuFrom && cpuSnapshot(groupOf);
    await Promise.all(faultRuns);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    log(`load done: ${accepted.size} accepted in ${loadSeconds.toFixed(0)} s (${(accepted.size / loadSeconds).toFixed(0)}/s), ${failedRequests} failed attempts retried`);

    // Quiet: no outbox rows anywhere and the downstream counts stop moving.
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    const snapshot = async () => (await db.query(`SELECT
        (SELECT count(*) FROM intake.outbox) + (SELECT count(*) FROM routing.outbox) + (SELECT count(*) FROM notifications.outbox) + (SELECT count(*) FROM reporting.outbox) AS outbox,
        (SELECT count(*) FROM routing.decisions) AS routed,
        (SELECT count(*) FROM notifications.deliveries WHERE trigger = 'receipt' AND status IN ('pending','sending')) AS sending,
        (SELECT count(*) FROM reporting.events WHERE type = 'inquiry.received') AS counted,
        (SELECT count(*) FROM reporting.events WHERE type = 'inquiry.routed') AS routed_events`)).rows[0];
    const quietStart = Date.now();
    let stableSince = Date.now();
    let last = '';
    await until('the platform to become quiet', async () => {
      const s = await snapshot();
      const key = JSON.stringify(s);
      if (key !== last) { last = key; stableSince = Date.now(); }
      const complete = Number(s.outbox) === 0 && Number(s.sending) === 0 && Number(s.routed) >= accepted.size && Number(s.counted) >= accepted.size && Number(s.routed_events) >= accepted.size && mail.size >= accepted.size;
      return (complete && Date.now() - stableSince > 3000) || Date.now() - stableSince > 60000;
    }, o.timeoutS * 1000);
    const drainSeconds = (Date.now() - quietStart) / 1000;

    const ids = [...accepted.values()].map((a) => a.id);
    const one = async (sql: string) => (await db.query(sql, [ids])).rows[0];
    const intake = await one(`SELECT count(*)::int AS found, count(DISTINCT id)::int AS distinct_ids FROM intake.inquiries WHERE id = ANY($1::uuid[])`);
    const routed = await one(`SELECT count(*)::int AS decisions FROM routing.decisions WHERE inquiry_id = ANY($1::uuid[])`);
    const routedEvents = await one(`SELECT count(DISTINCT envelope->'payload'->>'inquiryId')::int AS inquiries, count(*)::int AS events FROM reporting.events WHERE type = 'inquiry.routed' AND (envelope->'payload'->>'inquiryId')::uuid = ANY($1::uuid[])`);
    const counted = await one(`SELECT count(DISTINCT envelope->'payload'->>'inquiryId')::int AS inquiries, count(*)::int AS events FROM reporting.events WHERE type = 'inquiry.received' AND (envelope->'payload'->>'inquiryId')::uuid = ANY($1::uuid[])`);
    const receiptRows = await one(`SELECT count(DISTINCT inquiry_id)::int AS inquiries, count(*)::int AS rows FROM notifications.deliveries WHERE trigger = 'receipt' AND status = 'sent' AND inquiry_id = ANY($1::uuid[])`);
    const missingRefs = [...accepted.values()].filter((a) => !mail.get(a.reference)?.size);
    if (missingRefs.length) {
      const rows = (await db.query(`SELECT i.reference, d.status, d.attempts, d.recoveries, d.last_error, d.next_attempt_at FROM intake.inquiries i
        LEFT JOIN notifications.deliveries d ON d.inquiry_id = i.id AND d.trigger = 'receipt' WHERE i.id = ANY($1::uuid[])`, [missingRefs.map((a) => a.id)])).rows;
      log(`receipts not seen at the SMTP server: ${JSON.stringify(rows.slice(0, 10))}`);
    }
    const extraInquiries = (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE NOT (id = ANY($1::uuid[]))`, [ids])).rows[0].n;
    await db.end();

    const refs = [...accepted.values()].map((a) => a.reference);
    const receiptsMissing = refs.filter((r) => !mail.get(r)?.size).length;
    const receiptsDuplicated = refs.filter((r) => (mail.get(r)?.size ?? 0) > 1).length;
    const lost = (accepted.size - intake.found) + (accepted.size - routed.decisions) + (accepted.size - routedEvents.inquiries) + receiptsMissing + (accepted.size - counted.inquiries);
    const duplicates = (routedEvents.events - routedEvents.inquiries) + receiptsDuplicated + (receiptRows.rows - receiptRows.inquiries) + (counted.events - counted.inquiries) + extraInquiries;
    const recovery = recoveries.length ? Math.max(...recoveries) : 0;
    log(`intake ${intake.found}/${accepted.size}; routed ${routed.decisions} decisions, ${routedEvents.events} routed events; receipts ${mail.size} references mailed (${receiptsMissing} missing, ${receiptsDuplicated} twice, ${resentCopies} same-Message-ID copies re-sent after a crash); reporting ${counted.inquiries} counted from ${counted.events} events; ${extraInquiries} inquiries never acknowledged with 202`);
    // End to end per inquiry: from the POST until it is routed, its receipt reached the SMTP
    // server and reporting has recorded it (the latest of the three).
    const db2 = new Client({ connectionString: env.databaseUrl });
    await db2.connect();
    const decided = new Map<string, number>((await db2.query(`SELECT inquiry_id::text AS id, extract(epoch FROM decided_at) * 1000 AS t FROM routing.decisions`)).rows.map((r) => [r.id, Number(r.t)]));
    const recorded = new Map<string, number>((await db2.query(`SELECT envelope->'payload'->>'inquiryId' AS id, extract(epoch FROM recorded_at) * 1000 AS t FROM reporting.events WHERE type = 'inquiry.received'`)).rows.map((r) => [r.id, Number(r.t)]));
    await db2.end();
    const latencies: number[] = [];
    let lastDone = 0;
    let firstStart = Infinity;
    const timed = new Map([...accepted].filter(([n]) => startedAt.get(n)! >= loadStart + o.warmupS * 1000));
    if (o.warmupS > 0) log(`warm-up: the ${accepted.size - timed.size} inquiries of the first ${o.warmupS} s are checked but not timed`);
    for (const [n, a] of timed) {
      const done = Math.max(decided.get(a.id) ?? NaN, recorded.get(a.id) ?? NaN, receiptAt.get(a.reference) ?? NaN);
      if (Number.isNaN(done)) continue;
      latencies.push(done - startedAt.get(n)!);
      lastDone = Math.max(lastDone, done);
      firstStart = Math.min(firstStart, startedAt.get(n)!);
    }
    latencies.sort((a, b) => a - b);
    const pct = (q: number, xs = latencies) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
    // Each stage on its own (from the POST): which one makes the tail.
    const stage = (at: (a: { id: string; reference: string }, n: number) => number | undefined, of = timed) =>
      [...of].map(([n, a]) => (at(a, n) ?? NaN) - startedAt.get(n)!).filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
    const stagesOf = (of = timed) => ({
      accepted: stage((_, n) => answeredAt.get(n), of), routed: stage((a) => decided.get(a.id), of),
      receipt: stage((a) => receiptAt.get(a.reference), of), counted: stage((a) => recorded.get(a.id), of),
    });
    const stages = stagesOf();
    if (o.series) {
      // Per 5 s of offered time (warm-up included): whether a tail is a start-up backlog, a stall or steady.
      const windows = new Map<number, Map<number, { id: string; reference: string }>>();
      for (const [n, a] of accepted) {
        const w = Math.floor((startedAt.get(n)! - loadStart) / 5000) * 5;
        (windows.get(w) ?? windows.set(w, new Map()).get(w)!).set(n, a);
      }
      for (const [w, of] of [...windows].sort((x, y) => x[0] - y[0])) {
        log(`t=${w}s ${of.size} offered; p50/p99 ms ${Object.entries(stagesOf(of)).map(([k, xs]) => `${k} ${pct(0.5, xs).toFixed(0)}/${pct(0.99, xs).toFixed(0)}`).join(', ')}`);
      }
    }
    log(`per stage p50/p99 ms: ${Object.entries(stages).map(([k, xs]) => `${k} ${pct(0.5, xs).toFixed(0)}/${pct(0.99, xs).toFixed(0)}`).join(', ')}`);
    console.log(`e2e_per_s=${(latencies.length / ((lastDone - firstStart) / 1000)).toFixed(1)} e2e_p50_ms=${pct(0.5).toFixed(0)} e2e_p99_ms=${pct(0.99).toFixed(0)} instances=${o.instances}`);
    if (cpuFrom && cpuTo) {
      const offered = [...startedAt.values()].filter((t) => t >= cpuFrom!.at && t <= cpuTo.at).length;
      console.log(cpuFields(cpuBetween(cpuFrom, cpuTo), offered));
    }
    console.log(`accepted=${accepted.size} lost=${lost} duplicates=${duplicates} recovery_s=${recovery.toFixed(1)} drain_s=${drainSeconds.toFixed(1)} total_s=${((Date.now() - started) / 1000).toFixed(0)}`);
    exitCode = lost === 0 && duplicates === 0 && accepted.size === o.count ? 0 : 1;
    if (accepted.size !== o.count) log(`${o.count - accepted.size} inquiries never got a 202 within 180 s of retries`);
  } finally {
    await fleet?.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
    if (o.keep) log(`kept database ${env.id} and broker namespace ${env.namespace} for inspection`);
    else await env.cleanup();
  }
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

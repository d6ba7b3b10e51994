/**
 * `npm run bench:notifications`: N inquiry.received events with e-mail addresses are published to
 * the broker; the notifications service (its own process, own database and broker namespace)
 * plans, renders and sends a receipt for each to an SMTP server in this process. Prints e-mails
 * per second accepted by the SMTP server and p50/p99 from event publish to SMTP accept, for a
 * burst of N (throughput) and then for a paced stream below capacity (latency without backlog).
 * Target: ≥ 300 e-mails/s.
 */
import { randomBytes, randomUUID } from 'crypto';
import { AddressInfo } from 'net';
import * as amqp from 'amqplib';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { createEvent, EventTypes, InquiryReceivedPayload } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import { createTestEnv } from '@lotsen/testing';
import { migrateAll } from '../scripts/setup/migrate-all';
import { freePort, machine, percentile, startServiceProcess, stopProcess } from '@lotsen/load-harness';

const N = Number(process.env.BENCH_EMAILS ?? 3000);
const TARGET = 300;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 90_000);
const LANGUAGES = ['sv', 'en', 'ar', 'fi'];
const PACED_N = Number(process.env.BENCH_PACED_EMAILS ?? 1000);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 150);

async function startSmtp(onAccept: (rcpt: string) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) onAccept(r.address);
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const env = await createTestEnv();
  const published = new Map<string, number>();
  const accepted = new Map<string, number>();
  let duplicates = 0;
  const smtp = await startSmtp((rcpt) => {
    if (accepted.has(rcpt)) duplicates++;
    else accepted.set(rcpt, performance.now());
  });
  let child: Awaited<ReturnType<typeof startServiceProcess>> | undefined;
  let conn: amqp.ChannelModel | undefined;
  let db: Client | undefined;
  try {
    await migrateAll(env.databaseUrl);
    child = await startServiceProcess('notifications', {
      ...env.env,
      LOG_LEVEL: 'warn',
      NOTIFICATIONS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      NOTIFICATIONS_SMTP_MAX_CONNECTIONS: process.env.BENCH_SMTP_CONNECTIONS ?? '10',
    }, await freePort());

    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    const names = new BrokerNames(env.namespace);
    conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    const publish = (i: number) => {
      const email = `citizen-${i}@bench.example`;
      const payload: InquiryReceivedPayload = {
        inquiryId: randomUUID(), reference: `KC-2026-${String(i + 1).padStart(6, '0')}`, trackingToken: randomBytes(18).toString('base64url'),
        channel: 'web', body: 'Gatlampan på Storgatan är trasig.', language: LANGUAGES[i % LANGUAGES.length], languageDetected: false,
        citizen: { name: 'Bench Person', email, notify: true }, sensitive: false, receivedAt: new Date().toISOString(),
      };
      const event = createEvent(EventTypes.InquiryReceived, payload, { tenantId: 'demo' });
      published.set(email, performance.now());
      ch.publish(names.events, EventTypes.InquiryReceived, Buffer.from(JSON.stringify(event)), { persistent: true, contentType: 'application/json', messageId: event.id });
    };
    // Phase 1, burst: all N at once (throughput; latency is mostly queueing behind the burst).
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      publish(i);
      if (i % 200 === 199) await ch.waitForConfirms();
    }
    await ch.waitForConfirms();
    const publishedIn = performance.now() - t0;

    const deadline = Date.now() + TIMEOUT_MS;
    let nextProbe = Date.now() + 1000;
    while (accepted.size < N && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (process.env.BENCH_VERBOSE && Date.now() >= nextProbe) {
        nextProbe += 1000;
        const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM notifications.deliveries GROUP BY status`);
        console.log(`  t+${((performance.now() - t0) / 1000).toFixed(1)} s: accepted ${accepted.size}; deliveries ${rows.map((r) => `${r.status}=${r.n}`).join(' ')}`);
      }
    }
    const last = Math.max(...accepted.values());
    const seconds = (last - t0) / 1000;
    const latencies = [...accepted].map(([rcpt, at]) => at - published.get(rcpt)!).sort((a, b) => a - b);
    const rate = accepted.size / seconds;

    console.log(`notifications benchmark on ${machine()}`);
    console.log(`  events published:        ${N} in ${(publishedIn / 1000).toFixed(2)} s`);
    console.log(`  e-mails accepted (SMTP): ${accepted.size}${accepted.size < N ? ` (TIMED OUT after ${TIMEOUT_MS / 1000} s)` : ''}, duplicates: ${duplicates}`);
    console.log(`  throughput:              ${rate.toFixed(0)} e-mails/s (first publish → last accept, ${seconds.toFixed(2)} s)`);
    console.log(`  burst event → SMTP accept: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`);
    // Phase 2, paced: PACED_N more at PACED_RATE/s, below capacity (latency without a backlog).
    const base = N;
    const tp = performance.now();
    for (let k = 0; k < PACED_N; k++) {
      const due = tp + (k * 1000) / PACED_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      publish(base + k);
    }
    await ch.waitForConfirms();
    const pacedDeadline = Date.now() + 30_000;
    while (accepted.size < N + PACED_N && Date.now() < pacedDeadline) await new Promise((r) => setTimeout(r, 50));
    const paced = [...accepted].filter(([rcpt]) => Number(/citizen-(\d+)@/.exec(rcpt)![1]) >= base).map(([rcpt, at]) => at - published.get(rcpt)!).sort((a, b) => a - b);
    console.log(`  paced ${PACED_N} at ${PACED_RATE}/s:      ${paced.length} accepted; event → SMTP accept p50 ${percentile(paced, 50).toFixed(0)} ms, p99 ${percentile(paced, 99).toFixed(0)} ms`);
    const ok = accepted.size === N + PACED_N && duplicates === 0 && rate >= TARGET;
    console.log(`  target ≥ ${TARGET} e-mails/s:     ${ok ? 'PASS' : 'FAIL'}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await conn?.close().catch(() => undefined);
    await db?.end().catch(() => undefined);
    if (child) await stopProcess(child);
    await smtp.close();
    await env.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

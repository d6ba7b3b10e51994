/**
 * `npm run bench:routing`: (1) classifications per second on one core (in this process, the
 * demo model trained on its training data); (2) routed inquiries per second end to end: inquiry.received
 * published to the broker → routing (its own process) classifies, decides, persists and
 * publishes → inquiry.routed observed on the broker; (3) routing beside intake at intake's full
 * speed: does a backlog build up behind intake? Own database and broker namespace; bounded;
 * cleans up.
 */
import * as amqp from 'amqplib';
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { createEvent, EventTypes } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv } from '@lotsen/testing';
import { categories } from '@lotsen/demo-municipality';
import { migrateAll } from '../scripts/setup/migrate-all';
import { seedDemo } from '../scripts/setup/seed-demo';
import { loadIntake } from './intake.bench';
import { Classifier, loadDevExamples, trainModel } from '../apps/routing/src/classifier';
import { trainingDataPaths } from '../apps/routing/src/routing.config';
import { labelledExamples } from '../apps/routing/src/classification/training-set';
import { devDataPath } from '@lotsen/config';
import { seedRoutingDemo } from '../apps/routing/src/seed/demo-seed';
import { freePort, machine, startServiceProcess, stopProcess, webInquiryBodies } from '@lotsen/load-harness';

const CLASSIFY_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUTED = Number(process.env.BENCH_ROUTED ?? 6000);
const TARGET = 2000;

function classificationsPerSecond(): { perSecond: number; trainMs: number } {
  const examples = labelledExamples(trainingDataPaths());
  const t0 = Date.now();
  const clf = Classifier.fromModel(JSON.parse(JSON.stringify(trainModel(examples, { catalogue: categories, seed: 42 }))));
  const trainMs = Date.now() - t0;
  const inputs = examples.map((e) => ({ subject: e.subject, body: e.text })); // language detected, as for a citizen's text
  for (const x of inputs) clf.classify(x); // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < CLASSIFY_SECONDS) {
    for (const x of inputs) clf.classify(x);
    n += inputs.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { perSecond: n / elapsed, trainMs };
}

async function routedPerSecond(instances: number): Promise<{ perSecond: number; n: number; seconds: number }> {
  const env = await createTestEnv();
  const names = new BrokerNames(env.namespace);
  const routing: Array<Awaited<ReturnType<typeof startServiceProcess>>> = [];
  let conn: amqp.ChannelModel | undefined;
  const observe = names.queue('bench', 'routed');
  env.trackQueue(observe);
  try {
    await migrateAll(env.databaseUrl);
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    await seedRoutingDemo(db, { tenantId: 'demo', keys: {} });
    await db.end();
    for (let i = 0; i < instances; i++) {
      routing.push(await startServiceProcess('routing', { ...env.env, LOG_LEVEL: 'warn', ROUTING_DB_POOL_SIZE: '20', ROUTING_PREFETCH: '100' }, await freePort()));
    }

    conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue(observe, { durable: false, autoDelete: false });
    await ch.bindQueue(observe, names.events, EventTypes.InquiryRouted);
    const examples = loadDevExamples(devDataPath());
    let seen = 0;
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    await ch.consume(observe, () => { if (++seen === ROUTED) resolveDone(); }, { noAck: true });

    const t0 = performance.now();
    for (let i = 0; i < ROUTED; i++) {
      const e = examples[i % examples.length];
      const ev = createEvent(EventTypes.InquiryReceived, {
        inquiryId: randomUUID(), reference: `KC-2099-${String(i).padStart(6, '0')}`, channel: 'web', subject: e.subject, body: e.text,
        language: e.language ?? 'sv', languageDetected: true, sensitive: false, receivedAt: new Date().toISOString(),
      }, { tenantId: 'demo' });
      if (!ch.publish(names.events, ev.type, Buffer.from(JSON.stringify(ev)), { persistent: true, messageId: ev.id })) await new Promise((r) => ch.once('drain', r));
    }
    await ch.waitForConfirms();
    const timeout = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`only ${seen}/${ROUTED} routed within 180 s`)), 180000).unref());
    await Promise.race([done, timeout]);
    const seconds = (performance.now() - t0) / 1000;
    return { perSecond: ROUTED / seconds, n: ROUTED, seconds };
  } finally {
    await conn?.close().catch(() => undefined);
    await Promise.all(routing.map(stopProcess));
    await env.cleanup();
  }
}

/**
 * Routing beside intake on the same machine: intake takes all it can (64 connections, as in its
 * own benchmark) while routing routes what it accepts. Both counts are sampled through the load;
 * over its steady part (after the first fifth: processes warm up) routing is not the bottleneck
 * if it routes at intake's rate, i.e. the backlog behind intake does not grow.
 */
async function besideIntake() {
  const env = await createTestEnv();
  const procs: Array<Awaited<ReturnType<typeof startServiceProcess>>> = [];
  try {
    await migrateAll(env.databaseUrl);
    const { keys } = await seedDemo(env.databaseUrl);
    const base = { ...env.env, LOG_LEVEL: 'warn' };
    const intakePort = await freePort();
    procs.push(await startServiceProcess('routing', { ...base, ROUTING_DB_POOL_SIZE: '20', ROUTING_DATABASE_URL: serviceDatabaseUrl(env.databaseUrl, 'routing') }, await freePort()));
    procs.push(await startServiceProcess('intake', { ...base, INTAKE_DB_POOL_SIZE: '20', INTAKE_DATABASE_URL: serviceDatabaseUrl(env.databaseUrl, 'intake') }, intakePort));
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    try {
      const counts = async () => {
        const r = (await db.query(`SELECT (SELECT count(*) FROM intake.inquiries)::int AS accepted, (SELECT count(*) FROM routing.decisions)::int AS routed`)).rows[0];
        return { at: Date.now(), accepted: Number(r.accepted), routed: Number(r.routed) };
      };
      const samples: Array<Awaited<ReturnType<typeof counts>>> = [];
      let sampling = true;
      const sampler = (async () => { while (sampling) { samples.push(await counts()); await new Promise((r) => setTimeout(r, 250)); } })();
      const bodies = webInquiryBodies();
      const t0 = Date.now();
      await loadIntake(`http://127.0.0.1:${intakePort}`, keys.web, 64, bodies);
      const end = await counts();
      sampling = false;
      await sampler;
      const from = samples.find((x) => x.at >= t0 + (end.at - t0) / 5) ?? samples[0];
      const s = (end.at - from.at) / 1000;
      const t1 = Date.now();
      while ((await counts()).routed < end.accepted && Date.now() - t1 < 120000) await new Promise((r) => setTimeout(r, 100));
      const lag = (await db.query(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
        FROM (SELECT EXTRACT(EPOCH FROM d.decided_at - i.created_at) * 1000 AS ms FROM routing.decisions d JOIN intake.inquiries i ON i.id = d.inquiry_id) x`)).rows[0];
      return {
        acceptedPerS: (end.accepted - from.accepted) / s, routedPerS: (end.routed - from.routed) / s,
        backlogFrom: from.accepted - from.routed, backlogEnd: end.accepted - end.routed, drainS: (Date.now() - t1) / 1000,
        lagP50: Number(lag.p50), lagP99: Number(lag.p99), steadyS: s,
      };
    } finally {
      await db.end();
    }
  } finally {
    await Promise.all(procs.map(stopProcess));
    await env.cleanup();
  }
}

async function main(): Promise<void> {
  console.log(`routing benchmark on ${machine()}`);
  const c = classificationsPerSecond();
  console.log(`classifier: model trained in ${c.trainMs} ms`);
  console.log(`classifications/s (one core):   ${Math.round(c.perSecond)}   target ${TARGET}: ${c.perSecond >= TARGET ? 'OK' : 'BELOW TARGET'}`);
  // One process, then two competing consumers on the same queue (the two cores intake uses).
  for (const instances of [1, 2]) {
    const r = await routedPerSecond(instances);
    console.log(`routed inquiries/s (end to end): ${Math.round(r.perSecond)}   (${r.n} inquiry.received → inquiry.routed in ${r.seconds.toFixed(1)} s, ${instances} routing process${instances > 1 ? 'es' : ''})`);
  }
  const b = await besideIntake();
  console.log(`beside intake at full speed (64 connections), over the last ${b.steadyS.toFixed(1)} s: intake accepted ${Math.round(b.acceptedPerS)}/s, routing routed ${Math.round(b.routedPerS)}/s; backlog ${b.backlogFrom} → ${b.backlogEnd} (gone ${b.drainS.toFixed(1)} s after the load); accepted → routed p50 ${Math.round(b.lagP50)} ms, p99 ${Math.round(b.lagP99)} ms`);
  console.log(`routing not the bottleneck behind intake (routes ≥ 95 % of intake's rate beside it): ${b.routedPerS >= 0.95 * b.acceptedPerS ? 'OK' : 'NO'}`);
}

main().then(() => process.exit(0), (err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

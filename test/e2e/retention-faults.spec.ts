import { ChildProcess, spawn, spawnSync } from 'child_process';
import { resolve } from 'path';
import * as amqp from 'amqplib';
import request from 'supertest';
import { Client } from 'pg';
import { BrokerNames } from '@lotsen/messaging';
import { freePort } from '@lotsen/load-harness';
import { EventTypes } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

const ROOT = resolve(__dirname, '..', '..');

/**
 * A retention run while intake is killed hard (kill -9) in the middle of it: intake runs as its own
 * process from the build, routing hands the due inquiries out slowly in small batches, and intake
 * dies after confirming some of them. Started again, it takes the rest: every inquiry is removed
 * and confirmed exactly once, none is lost, none is done twice.
 */
describe('a retention run survives a service killed mid-run', () => {
  let p: TestPlatform;
  let db: Client;
  let intake: ChildProcess | undefined;
  let intakeUrl: string;
  let tapConn: amqp.ChannelModel;
  const confirmations: { id: string; inquiryId: string; service: string; rows: number }[] = [];
  const staff = (key: string) => ({ 'x-api-key': key });
  const COUNT = 12;
  const cases: { id: string; marker: string }[] = [];

  async function startIntake(): Promise<void> {
    const port = await freePort();
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps/intake/src/main.js')], {
      env: { ...process.env, ...p.serviceEnv, INTAKE_PORT: String(port), INTAKE_SMTP_PORT: '0', AMQP_BATCH_SIZE: '1' }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    intake = child;
    intakeUrl = `http://127.0.0.1:${port}`;
    await waitFor('intake ready', async () => {
      if (child.exitCode !== null) throw new Error(`intake exited with ${child.exitCode}`);
      return (await fetch(`${intakeUrl}/health/ready`).catch(() => undefined))?.ok === true;
    }, 30000);
  }

  const progress = async () => {
    const runs: { scheduled: number; done: Record<string, number> }[] = (await request(p.urls.routing!).get('/v1/retention/runs').set(staff(p.keys.admin)).expect(200)).body;
    return runs[0];
  };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, env: { ...process.env, LOTSEN_QUIET_BUILD: '1' }, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    p = await startPlatform(['routing', 'notifications', 'reporting'], { ROUTING_RETENTION_BATCH_SIZE: '2', ROUTING_RETENTION_PAUSE_MS: '400' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    await startIntake();
    // Every confirmation as published, to count them per inquiry and service.
    const names = new BrokerNames(p.env.namespace);
    const queue = `${p.env.namespace}.test.retention-done`;
    p.env.trackQueue(queue);
    tapConn = await amqp.connect(p.env.amqpUrl);
    const ch = await tapConn.createChannel();
    await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await ch.bindQueue(queue, names.events, EventTypes.InquiryRetentionDone);
    await ch.consume(queue, (msg) => {
      if (!msg) return;
      const e = JSON.parse(msg.content.toString());
      confirmations.push({ id: e.id, ...e.payload });
      ch.ack(msg);
    });

    for (let i = 0; i < COUNT; i++) {
      const marker = `Zqfault${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}x`; // letters only: names with digits are refused
      const res = await request(intakeUrl).post('/v1/inquiries').set(staff(p.keys.web)).send({
        channel: 'web', category: 'library', subject: `Lånekort ${marker}`, body: `Mitt lånekort fungerar inte. ${marker} Qvist`,
        citizen: { name: `${marker} Qvist`, email: `${marker.toLowerCase()}@example.se`, notify: false },
      }).expect(202);
      cases.push({ id: res.body.id, marker });
    }
    for (const c of cases) {
      await waitFor(`${c.marker} routed`, async () => (await request(p.urls.routing!).get(`/v1/work/${c.id}`).set(staff(p.keys.supervisor))).status === 200, 20000);
      await request(p.urls.routing!).post(`/v1/work/${c.id}/resolve`).set(staff(p.keys.supervisor)).send({ resolutionCode: 'answered' }).expect(200);
    }
    await db.query(`UPDATE routing.work_items SET resolved_at = resolved_at - interval '13 months' WHERE inquiry_id = ANY($1)`, [cases.map((c) => c.id)]);
    await request(p.urls.routing!).put('/v1/retention/rules/*').set(staff(p.keys.admin)).send({ action: 'gallras', months: 12 }).expect(200);
  }, 120_000);

  afterAll(async () => {
    intake?.kill('SIGKILL');
    await tapConn?.close().catch(() => undefined);
    await db?.end();
    await p?.close();
  });

  it('loses no step and repeats none when intake is killed with kill -9 during the run', async () => {
    // The run hands out two inquiries every 400 ms; intake is killed once it has confirmed some.
    const run = request(p.urls.routing!).post('/v1/retention/runs').set(staff(p.keys.admin)).send({}).then((r) => r);
    await waitFor('intake to confirm some of the run', async () => ((await progress())?.done.intake ?? 0) >= 2, 30000);
    intake!.kill('SIGKILL');
    await new Promise((r) => intake!.once('exit', r));
    const atKill = (await progress()).done.intake;
    expect((await run).body.scheduled).toBe(COUNT);
    expect(atKill).toBeLessThan(COUNT);

    await startIntake();
    await waitFor('every service to confirm every inquiry', async () => Object.values((await progress()).done).every((n) => n === COUNT), 60000);

    // Exactly one confirmation (one event id) per inquiry and service: nothing lost, nothing done twice.
    await waitFor('the confirmations seen', async () => new Set(confirmations.map((c) => `${c.service} ${c.inquiryId}`)).size === 4 * COUNT, 20000);
    for (const service of ['intake', 'routing', 'notifications', 'reporting']) {
      for (const c of cases) {
        const ids = new Set(confirmations.filter((x) => x.service === service && x.inquiryId === c.id).map((x) => x.id));
        expect({ service, inquiry: c.marker, confirmations: ids.size }).toEqual({ service, inquiry: c.marker, confirmations: 1 });
      }
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE id = ANY($1) AND body = '' AND citizen IS NULL`, [cases.map((c) => c.id)]);
    expect(rows[0].n).toBe(COUNT);
    const left = await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE body LIKE '%Zqfault%' OR subject LIKE '%Zqfault%'`);
    expect(left.rows[0].n).toBe(0);
  });
});

/**
 * `npm run bench:workspace`: the staff workspace in a real browser (Debian's chromium through
 * playwright-core) over a busy contact center: 10,000 waiting work items and 200 agents written
 * straight into routing's tables in the shape routing writes them.
 *  1. my queue (an agent) and the supervisor view: first render (navigation until the view's
 *     content is visible) and update (a work item transferred through the API until the open view
 *     shows it, carried by the live updates), p50/p95 of BENCH_SAMPLES each;
 *  2. live update latency: events published on the broker until the page's EventSource hears them
 *     (both stamped with Date.now() on this machine), p50/p99 of BENCH_EVENTS paced at BENCH_EVENT_RATE/s.
 * intake, routing and the workspace run as their own processes on loopback, with the embedded
 * OpenID Provider for sign-in, on a database and broker namespace of their own. Targets: views
 * p95 < 1 s, live update p99 < 1 s. Bounded (a few minutes); cleans up.
 */
import 'reflect-metadata';
import { existsSync } from 'fs';
import { randomUUID } from 'crypto';
import * as amqp from 'amqplib';
import { Client } from 'pg';
import { Browser, chromium, Page } from 'playwright-core';
import { createEvent, EventTypes } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv } from '@lotsen/testing';
import { freePort, machine, percentile, startServiceProcess, stopProcess } from '@lotsen/load-harness';
import { migrateAll } from '../scripts/setup/migrate-all';
import { seedDemo } from '../scripts/setup/seed-demo';
import { demoUsers } from '../scripts/identity/demo-staff';
import { EMBEDDED_AUDIENCE, startEmbeddedProvider } from '../scripts/identity/embedded-provider';
import { seedBusyContactCenter } from './workspace-seed';

const WAITING = Number(process.env.BENCH_WAITING ?? 10_000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 200);
const MINE = 20;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const EVENT_RATE = Number(process.env.BENCH_EVENT_RATE ?? 10);
const TARGET_MS = 1000;
const STEP_TIMEOUT_MS = 15_000;
const DEADLINE = Date.now() + Number(process.env.BENCH_SECONDS ?? 300) * 1000;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// Callbacks below run inside the page; the bench has no DOM types, so page globals are reached untyped.
type PageGlobals = any;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Signed { page: Page; close(): Promise<void> }

async function signIn(browser: Browser, url: string, username: string, password: string): Promise<Signed> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => { try { (globalThis as PageGlobals).localStorage.setItem('lotsen.lang', 'en'); } catch { /* a page without storage */ } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.locator('main button.primary').click();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${url}/**`);
  await page.locator('header.banner').waitFor({ timeout: STEP_TIMEOUT_MS });
  return { page, close: () => context.close() };
}

/** Until the page's text holds `text` (polled on each animation frame, inside the page). */
async function pageShows(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(([s, x]) => Boolean((globalThis as PageGlobals).document.querySelector(s)?.textContent?.includes(x)), [selector, text] as const, { timeout: STEP_TIMEOUT_MS, polling: 'raf' });
}

function stats(ms: number[]): { p50: number; p95: number; p99: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), n: s.length };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Debian's chromium is needed at ${CHROMIUM} (as root: apt-get install -y chromium)`);
  const env = await createTestEnv();
  const procs: Awaited<ReturnType<typeof startServiceProcess>>[] = [];
  let browser: Browser | undefined;
  let conn: amqp.ChannelModel | undefined;
  let provider: Awaited<ReturnType<typeof startEmbeddedProvider>> | undefined;
  const db = new Client({ connectionString: env.databaseUrl });
  try {
    await migrateAll(env.databaseUrl);
    const { keys } = await seedDemo(env.databaseUrl);
    await db.connect();
    const t0 = Date.now();
    await seedBusyContactCenter(db, { waiting: WAITING, agents: AGENTS, mine: MINE });
    const seedS = (Date.now() - t0) / 1000;

    const users = demoUsers();
    const workspacePort = await freePort();
    const url = `http://127.0.0.1:${workspacePort}`;
    provider = await startEmbeddedProvider({ users, tenantId: 'demo', audience: EMBEDDED_AUDIENCE, redirectUris: [`${url}/auth/callback`] });
    const base = {
      ...env.env, LOG_LEVEL: 'warn', OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: EMBEDDED_AUDIENCE, OIDC_CLIENT_ID: provider.browserClientId,
    };
    const ports = { intake: await freePort(), routing: await freePort() };
    procs.push(await startServiceProcess('routing', { ...base, ROUTING_DATABASE_URL: serviceDatabaseUrl(env.databaseUrl, 'routing') }, ports.routing));
    procs.push(await startServiceProcess('intake', { ...base, INTAKE_DATABASE_URL: serviceDatabaseUrl(env.databaseUrl, 'intake') }, ports.intake));
    procs.push(await startServiceProcess('workspace', {
      ...base, WORKSPACE_DATABASE_URL: serviceDatabaseUrl(env.databaseUrl, 'workspace'), WORKSPACE_PUBLIC_URL: url,
      WORKSPACE_INTAKE_URL: `http://127.0.0.1:${ports.intake}`, WORKSPACE_ROUTING_URL: `http://127.0.0.1:${ports.routing}`,
    }, workspacePort));

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const agent = await signIn(browser, url, 'amira', users.amira.password);
    const supervisor = await signIn(browser, url, 'sven', users.sven.password);

    // Items to move in the update samples: the newest waiting in the first line (never among the oldest 50 the supervisor sees listed).
    const movable: { id: string; reference: string }[] = (await db.query(
      `SELECT inquiry_id AS id, reference FROM routing.work_items WHERE tenant_id = 'demo' AND status = 'queued' AND queue = 'first_line' ORDER BY enqueued_at DESC LIMIT $1`,
      [SAMPLES * 2],
    )).rows;
    const transfer = async (id: string, toAgentId: string) => {
      const res = await fetch(`http://127.0.0.1:${ports.routing}/v1/work/${id}/transfer`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': keys.supervisor }, body: JSON.stringify({ toAgentId, reason: 'reassigned by supervisor' }),
      });
      if (res.status !== 200) throw new Error(`transfer: ${res.status} ${await res.text()}`);
    };

    const views = {
      myQueue: {
        page: agent.page, hash: '#/', link: 'My queue',
        // Her own items listed: the last of the seeded ones in the table.
        ready: () => agent.page.waitForFunction((n) => (globalThis as PageGlobals).document.querySelectorAll('main table tbody tr').length >= n, MINE, { timeout: STEP_TIMEOUT_MS, polling: 'raf' }),
        change: async (i: number) => { const item = movable[i]; await transfer(item.id, 'demo-agent'); await pageShows(agent.page, 'main table tbody', item.reference); },
      },
      supervisor: {
        page: supervisor.page, hash: '#/supervisor', link: 'Supervisor',
        // The queue figures and every agent's row.
        ready: () => supervisor.page.waitForFunction((n) => {
          const d = (globalThis as PageGlobals).document;
          return d.querySelectorAll('table[aria-labelledby="agents-title"] tbody tr').length >= n && d.querySelectorAll('table[aria-labelledby="queues-title"] tbody tr').length > 0;
        }, AGENTS, { timeout: STEP_TIMEOUT_MS, polling: 'raf' }),
        change: async (i: number) => {
          const item = movable[SAMPLES + i];
          await transfer(item.id, `agent-${String((i % AGENTS) + 1).padStart(3, '0')}`);
          await pageShows(supervisor.page, 'table[aria-labelledby="agents-title"] tbody', item.reference);
        },
      },
    };

    // The calls behind the views, through the workspace with the session's cookie.
    const api: Record<string, ReturnType<typeof stats>> = {};
    for (const [name, page, path] of [
      ['me', agent.page, 'api/me'], ['my items', agent.page, 'api/routing/v1/work/mine?open=true'], ['supervisor overview', supervisor.page, 'api/routing/v1/supervisor/overview'],
    ] as const) {
      const ms: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t = performance.now();
        const res = await page.request.get(`${url}/${path}`);
        if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
        await res.body();
        ms.push(performance.now() - t);
      }
      api[name] = stats(ms);
    }

    const figures: Record<string, { render: ReturnType<typeof stats>; load: ReturnType<typeof stats>; update: ReturnType<typeof stats> }> = {};
    for (const [name, v] of Object.entries(views)) {
      const render: number[] = [];
      const load: number[] = [];
      const update: number[] = [];
      // Opened from another view through the navigation bar: the view mounts and loads what it shows.
      for (let i = 0; i < SAMPLES && Date.now() < DEADLINE; i++) {
        await v.page.goto(`${url}/#/call`);
        await v.page.getByRole('heading', { name: 'Register call' }).waitFor({ timeout: STEP_TIMEOUT_MS });
        const t = performance.now();
        await v.page.getByRole('navigation').getByRole('link', { name: v.link, exact: true }).click();
        await v.ready();
        render.push(performance.now() - t);
      }
      // The page loaded afresh at the view: the application, the session check and the view's data.
      await v.page.goto(`${url}/${v.hash}`);
      for (let i = 0; i < SAMPLES && Date.now() < DEADLINE; i++) {
        const t = performance.now();
        await v.page.reload({ waitUntil: 'commit' });
        await v.ready();
        load.push(performance.now() - t);
      }
      await sleep(500); // the live stream of the last load is open
      for (let i = 0; i < SAMPLES && Date.now() < DEADLINE; i++) {
        // Each change on its own: a burst within 250 ms of a reload is coalesced into the next one.
        await sleep(600);
        const t = performance.now();
        await v.change(i);
        update.push(performance.now() - t);
      }
      figures[name] = { render: stats(render), load: stats(load), update: stats(update) };
      // The long lists are bounded on the page too: the oldest 50, with the total.
      if (name === 'supervisor' && !(await v.page.getByText(/^The oldest 50 of [\d,]+$/).count())) throw new Error('the supervisor view does not bound its lists');
    }

    // Live update latency: sla.warning events (only the workspace reacts to them) on the broker; a page's own EventSource stamps each.
    await supervisor.page.evaluate(() => {
      const g = globalThis as PageGlobals;
      g.heard = {};
      const source = new g.EventSource('/api/live');
      source.addEventListener('update', (e: { data: string }) => { const u = JSON.parse(e.data); if (u.inquiryId) g.heard[u.inquiryId] = Date.now(); });
      return new Promise((resolve) => source.addEventListener('open', resolve));
    });
    conn = await amqp.connect(env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    const names = new BrokerNames(env.namespace);
    const published = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < EVENTS; i++) {
      const wait = started + (i * 1000) / EVENT_RATE - Date.now();
      if (wait > 0) await sleep(wait);
      const inquiryId = randomUUID();
      const ev = createEvent(EventTypes.SlaWarning, { inquiryId, clock: 'first_response', dueAt: new Date(Date.now() + 3600_000).toISOString(), department: 'kontaktcenter' }, { tenantId: 'demo' });
      published.set(inquiryId, Date.now());
      ch.publish(names.events, ev.type, Buffer.from(JSON.stringify(ev)), { persistent: true, messageId: ev.id, contentType: 'application/json' });
    }
    await ch.waitForConfirms();
    let heard: Record<string, number> = {};
    for (let waited = 0; waited < 10_000; waited += 250) {
      heard = await supervisor.page.evaluate(() => (globalThis as PageGlobals).heard);
      if (Object.keys(heard).length >= published.size) break;
      await sleep(250);
    }
    const live = stats([...published].filter(([id]) => heard[id] !== undefined).map(([id, at]) => heard[id] - at));

    await agent.close();
    await supervisor.close();

    const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);
    const ok = (x: number) => (x < TARGET_MS ? 'OK' : 'ABOVE TARGET');
    console.log(`workspace benchmark on ${machine()}`);
    console.log(`${WAITING.toLocaleString('en')} waiting work items, ${AGENTS} agents (${AGENTS * 2 + MINE} items held), seeded in ${seedS.toFixed(1)} s; chromium headless`);
    console.log('');
    console.log('view                                  samples      p50      p95   (target p95 < 1 s)');
    for (const [name, f] of Object.entries(figures)) {
      const label = name === 'myQueue' ? 'my queue' : 'supervisor';
      for (const [what, x, target] of [['first render', f.render, true], ['update (live)', f.update, true], ['page load at the view', f.load, false]] as const) {
        console.log(`${`${label}, ${what}`.padEnd(37)} ${String(x.n).padStart(7)} ${ms(x.p50)} ${ms(x.p95)}   ${target ? ok(x.p95) : ''}`);
      }
    }
    console.log('');
    console.log('call through the workspace            samples      p50      p95');
    for (const [name, x] of Object.entries(api)) console.log(`${name.padEnd(37)} ${String(x.n).padStart(7)} ${ms(x.p50)} ${ms(x.p95)}`);
    console.log('');
    console.log(`live update, broker → browser EventSource: ${live.n}/${published.size} heard at ${EVENT_RATE}/s, p50 ${Math.round(live.p50)} ms, p99 ${Math.round(live.p99)} ms   (target p99 < 1 s) ${live.n === published.size ? ok(live.p99) : 'SOME NOT HEARD'}`);
  } finally {
    await conn?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await Promise.all(procs.map(stopProcess));
    await provider?.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await env.cleanup();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

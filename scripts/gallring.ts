/**
 * `npm run gallring -- --tenant demo [--as-of YYYY-MM-DD] [--dry-run]`
 * Runs retention (gallring) through routing's API, which publishes the due inquiries to every
 * service, and follows the run until every service has confirmed every inquiry. With --dry-run it
 * prints what would be removed, per category and per service, and changes nothing.
 * The key is an administrator's: --key, LOTSEN_API_KEY, or the demo admin key in .lotsen/demo.json.
 */
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function adminKey(tenant: string): string {
  const given = arg('key') ?? process.env.LOTSEN_API_KEY;
  if (given) return given;
  const file = resolve(ROOT, '.lotsen', 'demo.json');
  const demo = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { tenant: string; keys: Record<string, string> }) : undefined;
  if (demo?.tenant === tenant && demo.keys.admin) return demo.keys.admin;
  throw new Error(`no administrator key for tenant "${tenant}": pass --key or set LOTSEN_API_KEY`);
}

async function call(base: string, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method, headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json?.detail ?? json?.title ?? text}`);
  return json;
}

export interface GallringOptions {
  base: string;
  key: string;
  asOf?: string;
  dryRun: boolean;
  pollMs?: number;
}

/** The run itself, printing each line through `say` (the command line's console, or a test). */
export async function gallring(o: GallringOptions, say: (line: string) => void = console.log): Promise<void> {
  const { base, key, dryRun } = o;
  const asOf = o.asOf ? `${o.asOf}T23:59:59.999Z` : undefined;

  if (dryRun) {
    const preview = await call(base, key, 'POST', '/v1/retention/runs', { dryRun: true, asOf });
    say(`Gallring as of ${preview.asOf} (dry run, nothing changed): ${preview.inquiries} inquiries`);
    for (const c of preview.categories) say(`  ${String(c.category ?? '(no category)').padEnd(32)} ${c.inquiries}`);
    say('Each service removes of each inquiry:');
    for (const s of preview.services) say(`  ${s.service.padEnd(14)} ${s.removes}`);
    const rules = await call(base, key, 'GET', '/v1/retention/rules');
    if (!rules.length) say('No retention rules: every inquiry is kept (bevaras). Set them with PUT /v1/retention/rules/{category}.');
    return;
  }

  const run = await call(base, key, 'POST', '/v1/retention/runs', { asOf });
  if (!run.scheduled) {
    say(`Gallring as of ${run.asOf}: nothing is due.`);
    return;
  }
  say(`Gallring as of ${run.asOf}: run ${run.runId}, ${run.scheduled} inquiries handed to every service`);
  for (let last = ''; ;) {
    const runs: { runId: string; scheduled: number; done: Record<string, number> }[] = await call(base, key, 'GET', '/v1/retention/runs');
    const mine = runs.find((r) => r.runId === run.runId);
    if (!mine) throw new Error(`run ${run.runId} not found`);
    const line = Object.entries(mine.done).map(([s, n]) => `${s} ${n}/${mine.scheduled}`).join('  ');
    if (line !== last) say(`  ${line}`);
    last = line;
    if (Object.values(mine.done).every((n) => n >= mine.scheduled)) break;
    await new Promise((r) => setTimeout(r, o.pollMs ?? 1000));
  }
  say('Done: every service has removed its copy of every due inquiry.');
}

async function main() {
  const tenant = arg('tenant');
  if (!tenant) throw new Error('usage: npm run gallring -- --tenant <id> [--as-of YYYY-MM-DD] [--dry-run]');
  const asOf = arg('as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of takes a date as YYYY-MM-DD');
  const base = process.env.ROUTING_URL ?? `http://127.0.0.1:${process.env.ROUTING_PORT ?? 3002}`;
  await gallring({ base, key: adminKey(tenant), asOf, dryRun: process.argv.includes('--dry-run') });
}

if (require.main === module) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}

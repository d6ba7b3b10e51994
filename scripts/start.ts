/**
 * `npm start`: checks Postgres and RabbitMQ, creates the database, runs every service's
 * migrations, seeds the demo municipality when the database is empty, then runs the four
 * services as separate processes with prefixed logs until Ctrl-C.
 * `npm run start:<service>` does the same for one service.
 */
import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { createInterface } from 'readline';
import { DEFAULT_BROKER_URL, DEFAULT_DATABASE_URL } from '@lotsen/config';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { checkDependencies } from '@lotsen/platform';
import { DEMO_AGENTS } from '../apps/routing/src/seed/demo-seed';
import { migrateAll, ServiceName as CoreService, SERVICES as CORE_SERVICES, WORKSPACE } from './setup/migrate-all';
import { DemoKeys, demoSeeded, seedDemo } from './setup/seed-demo';
import { DemoFileIdentity, startDemoIdentity } from './identity/demo-identity';

const ROOT = resolve(__dirname, '..', '..');
const DIST = resolve(__dirname, '..');
// The staff workspace runs beside the four services (it calls them as the signed-in person).
type ServiceName = CoreService | typeof WORKSPACE;
const SERVICES: ServiceName[] = [...CORE_SERVICES, WORKSPACE];
const PORTS: Record<ServiceName, number> = { intake: 3001, routing: 3002, notifications: 3003, reporting: 3004, workspace: 3005 };
const COLORS: Record<ServiceName, string> = { intake: '36', routing: '35', notifications: '33', reporting: '32', workspace: '34' };
const WHAT: Record<ServiceName, string> = {
  intake: 'citizen form, follow page, inquiries API, Open311',
  routing: 'classification, queues, agent work, SLA clocks',
  notifications: 'receipts, answers, surveys',
  reporting: 'dashboard and KPIs',
  workspace: 'the staff workspace: sign in as a demo user below',
};
/** The last problems a service logged, to say why it did not start. */
const PROBLEMS_KEPT = 5;
const KEYS_FILE = join(ROOT, '.lotsen', 'demo.json');

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const amqpUrl = process.env.AMQP_URL ?? DEFAULT_BROKER_URL;

function say(line: string) {
  process.stdout.write(`\x1b[1m[lotsen]\x1b[0m ${line}\n`);
}

function portOf(s: ServiceName): number {
  return Number(process.env[`${s.toUpperCase()}_PORT`] ?? PORTS[s]);
}

/** One readable line from a service's JSON log line, and whether it is a problem (warn or worse, or not JSON). */
function formatLine(service: ServiceName, raw: string): { line: string; problem: boolean } {
  const tag = `\x1b[${COLORS[service]}m[${service}]\x1b[0m`;
  try {
    const j = JSON.parse(raw);
    const level = typeof j.level === 'number' ? ({ 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' } as Record<number, string>)[j.level] : j.level;
    const extra = j.method ? ` ${j.method} ${j.url} ${j.status} ${j.ms}ms` : '';
    const problem = typeof j.level === 'number' ? j.level >= 40 : /warn|error|fatal/.test(String(j.level));
    return { line: `${tag} ${level}${j.context ? ` ${j.context}:` : ''} ${j.msg}${j.err?.message && j.err.message !== j.msg ? ` (${j.err.message})` : ''}${extra}`, problem };
  } catch {
    return { line: `${tag} ${raw}`, problem: true };
  }
}

async function ensureDemoKeys(): Promise<DemoKeys> {
  const seeded = await demoSeeded(databaseUrl);
  if (seeded && existsSync(KEYS_FILE)) return JSON.parse(readFileSync(KEYS_FILE, 'utf8'));
  say(seeded ? 'demo keys file missing: issuing new demo API keys' : 'seeding the demo municipality (tenant "demo"; training its routing model takes a minute or so)');
  const keys = await seedDemo(databaseUrl);
  mkdirSync(join(ROOT, '.lotsen'), { recursive: true });
  writeFileSync(KEYS_FILE, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  return keys;
}

async function waitReady(service: ServiceName, child: ChildProcess, timeoutMs = 60000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${portOf(service)}/health/ready`);
      if (res.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const setupOnly = process.argv.includes('--setup-only');
  const only = process.argv.slice(2).find((a) => !a.startsWith('--')) as ServiceName | undefined;
  if (only && !SERVICES.includes(only)) {
    console.error(`unknown service '${only}'; one of: ${SERVICES.join(', ')}`);
    process.exit(2);
  }
  const services = only ? [only] : SERVICES;

  const problems = await checkDependencies(databaseUrl, amqpUrl);
  if (problems.length) {
    console.error(`\nLotsen needs PostgreSQL and RabbitMQ:\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  await migrateAll(databaseUrl, (l) => say(`migrations ${l}`));
  const keys = await ensureDemoKeys();
  if (setupOnly) {
    say(`setup done; demo keys in .lotsen/demo.json`);
    return;
  }
  // Staff sign in at the embedded provider unless OIDC_ISSUER names the municipality's own.
  const demoIdentity = process.env.OIDC_ISSUER ? undefined : await startDemoIdentity(keys as DemoKeys & DemoFileIdentity, keys.tenant);
  if (demoIdentity) {
    Object.assign(keys, { users: demoIdentity.users, identity: demoIdentity.identity });
    writeFileSync(KEYS_FILE, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  }

  const children = new Map<ServiceName, ChildProcess>();
  const logged = new Map<ServiceName, string[]>(services.map((s) => [s, []]));
  let stopping = false;
  for (const service of services) {
    const child = spawn(process.execPath, [join(DIST, 'apps', service, 'src', 'main.js')], {
      cwd: ROOT,
      // Each service connects as its own role that can touch only its own schema.
      env: { [`${service.toUpperCase()}_DATABASE_URL`]: serviceDatabaseUrl(databaseUrl, service), ...demoIdentity?.serviceEnv, ...process.env, DATABASE_URL: databaseUrl, AMQP_URL: amqpUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (l) => {
        const { line, problem } = formatLine(service, l);
        process.stdout.write(line + '\n');
        const kept = logged.get(service)!;
        if (problem && kept.push(line) > PROBLEMS_KEPT) kept.shift();
      });
    }
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${service} exited (${signal ?? code}); stopping the others`);
        void stop(1);
      }
    });
    children.set(service, child);
  }

  async function stop(code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    say('stopping services…');
    const exits = [...children.values()].map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()))));
    for (const c of children.values()) if (c.exitCode === null) c.kill('SIGTERM');
    const timer = setTimeout(() => { for (const c of children.values()) c.kill('SIGKILL'); }, 10000);
    await Promise.all(exits);
    clearTimeout(timer);
    await demoIdentity?.provider.close();
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const ready = await Promise.all(services.map(async (service) => {
    const ok = await waitReady(service, children.get(service)!);
    if (ok) say(`\x1b[32m✓\x1b[0m ${service.padEnd(14)} ready   http://127.0.0.1:${portOf(service)}`);
    else {
      const child = children.get(service)!;
      say(`\x1b[31m✗\x1b[0m ${service.padEnd(14)} ${child.exitCode !== null ? `exited (${child.exitCode})` : 'not ready after 60 s'}${logged.get(service)!.length ? '; last problems:' : ''}`);
      for (const p of logged.get(service)!) say(`    ${p}`);
    }
    return ok;
  }));
  if (ready.includes(false)) return stop(1);
  printSummary(services, keys, demoIdentity);
}

/** What a person needs once everything runs: where things are, who the demo staff are, the keys. */
function printSummary(services: ServiceName[], keys: DemoKeys, demoIdentity?: Awaited<ReturnType<typeof startDemoIdentity>>): void {
  const url = (s: ServiceName) => `http://127.0.0.1:${portOf(s)}`;
  const staff = new Map(DEMO_AGENTS.map((a) => [a.role, a]));
  say('');
  say('Lotsen is running:');
  for (const s of services) say(`  ${s.padEnd(14)} ${url(s).padEnd(24)} ${WHAT[s]}   (API docs: ${url(s)}/docs)`);
  say('');
  if (services.includes('intake')) say(`Citizen form:      ${url('intake')}/e-tjanst   (follow a case: ${url('intake')}/arende)`);
  if (services.includes('reporting')) say(`Dashboard:         ${url('reporting')}/#key=${keys.keys.supervisor}`);
  say('');
  say(`Demo municipality "${keys.tenant}" (keys also in .lotsen/demo.json):`);
  say('  staff (x-api-key):');
  for (const role of ['agent', 'supervisor', 'admin', 'department']) {
    const who = staff.get(role);
    say(`    ${role.padEnd(11)} ${keys.keys[role]}   ${who ? `${who.name} (${who.id})` : ''}`);
  }
  say('  channels (x-api-key):');
  for (const [k, v] of Object.entries(keys.keys)) if (!staff.has(k) && k !== 'department') say(`    ${k.padEnd(11)} ${v}`);
  say('');
  if (demoIdentity) {
    say(`Demo staff sign in at ${demoIdentity.identity.issuer} (passwords in .lotsen/demo.json; \`npm run token -- <user>\` prints an access token):`);
    for (const [name, u] of Object.entries(demoIdentity.users)) say(`  ${name.padEnd(8)} ${u.password.padEnd(14)} ${u.describe}`);
    say('');
  }
  say('Try it: "Try it" in README.md. Play a demo day: npm run demo. Nest\'s own start-up lines: LOG_LEVEL=debug. Ctrl-C stops everything.');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { ChildProcess, spawn } from 'child_process';
import * as http from 'http';
import { readFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join, resolve } from 'path';
import { devDataPath } from '@lotsen/config';

// Compiled to dist/libs/load-harness/src/.
export const DIST = resolve(__dirname, '..', '..', '..');
export const ROOT = resolve(DIST, '..');

export interface DevInquiry {
  channel: string;
  language: string;
  subject: string;
  text: string;
  department: string;
}

export function loadDevInquiries(): DevInquiry[] {
  return readFileSync(devDataPath(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

/** The dev inquiries as POST /v1/inquiries bodies from the web form (a citizen who wants updates). */
export function webInquiryBodies(inquiries: DevInquiry[] = loadDevInquiries()): string[] {
  return inquiries.map((q) => JSON.stringify({ channel: 'web', subject: q.subject || undefined, body: q.text, citizen: { email: 'medborgare@example.se', notify: true } }));
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

const children = new Set<ChildProcess>();
// A benchmark or chaos run that dies must not leave service processes behind.
process.once('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Starts `node dist/apps/<service>/src/main.js` and resolves when it answers /health/ready. */
export async function startServiceProcess(service: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  // BENCH_CPU_PROFILE_DIR=<dir>: each service writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, join(DIST, 'apps', service, 'src', 'main.js')], {
    // INTAKE_SMTP_PORT=0: several intake instances on one host each take a free mail port.
    env: { ...process.env, INTAKE_SMTP_PORT: '0', ...env, [`${service.toUpperCase()}_PORT`]: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${service} did not become ready`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Ports handed out by this process: the kernel may offer a just-closed port again. */
const handedOut = new Set<number>();

/**
 * A free port on 127.0.0.1, never one this process handed out before: the chaos fleet draws all
 * its ports before starting any service, and two services given one port made the second fail
 * to listen while the first answered its readiness probe.
 */
export async function freePort(): Promise<number> {
  const net = await import('net');
  for (;;) {
    const port = await new Promise<number>((resolvePort) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolvePort(p));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/**
 * When the n-th inquiry of a paced run is offered, in seconds from its start: the rate grows
 * linearly from 0 over the first `rampS` seconds, then holds (a ramp of 0 starts at full rate).
 */
export function offeredAt(n: number, rate: number, rampS = 0): number {
  const rampCount = (rate * rampS) / 2;
  return n < rampCount ? Math.sqrt((2 * rampS * n) / rate) : n / rate + rampS / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POST with node:http over kept-alive connections: a load generator on the same 2 cores as the
 * platform should cost as little CPU as it can (fetch costs noticeably more per request).
 */
export function httpPost(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: keepAlive, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

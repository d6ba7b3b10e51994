/**
 * `npm run dlq -- list` shows parked (dead-lettered) and unrouted messages per queue;
 * `npm run dlq -- show <queue>` prints some of them; `npm run dlq -- replay <queue> [--limit N]`
 * moves them back to the queue they died in once the cause is fixed.
 * `npm run dlq -- purge [queue] --older-than-days N --export file.jsonl` writes every message parked
 * longer than N days (default HOUSEKEEPING_AFTER_DAYS, else 30) to the file, one JSON line each,
 * and only then removes it; without a queue it covers every consumer queue's parking queue and
 * lotsen.unrouted. Parked messages carry citizens' personal data: the file is readable by its owner only.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'fs';
import { DEFAULT_BROKER_URL } from '@lotsen/config';
import { BrokerNames, DeadLetters, PurgeResult } from '@lotsen/messaging';

const CONSUMER_QUEUES = ['intake.status', 'routing.inquiries', 'notifications.triggers', 'reporting.events'];

export interface PurgeOptions {
  amqpUrl: string;
  namespace: string;
  /** Parking queues to purge, as the operator names them; every one when empty. */
  queues: string[];
  olderThanDays: number;
  exportFile: string;
  now?: Date;
}

/** Exports, then purges, the parked messages older than the window; prints one line per queue. */
export async function purgeParked(o: PurgeOptions, print: (line: string) => void = console.log): Promise<PurgeResult[]> {
  if (!Number.isFinite(o.olderThanDays) || o.olderThanDays < 0) throw new Error('--older-than-days must be a number of days, 0 or more');
  if (!o.exportFile) throw new Error('--export <file.jsonl> is required: parked messages are handed to the operator before they go');
  const names = new BrokerNames(o.namespace);
  const dlq = new DeadLetters(o.amqpUrl, names);
  const before = new Date((o.now ?? new Date()).getTime() - o.olderThanDays * 86_400_000);
  const queues = o.queues.length ? o.queues.map((q) => parkingQueue(names, q)) : [...CONSUMER_QUEUES.map((q) => parkingQueue(names, q)), names.unrouted];
  const fd = openSync(o.exportFile, 'a', 0o600);
  const results: PurgeResult[] = [];
  try {
    for (const queue of queues) {
      const r = await dlq.purgeOlderThan(queue, before, async (batch) => {
        writeSync(fd, batch.map((m) => `${JSON.stringify(m)}\n`).join(''));
        fsyncSync(fd);
      }).catch((err: Error) => {
        // A parking queue that was never declared holds nothing.
        if (/NOT_FOUND/.test(err.message)) return { queue, purged: 0, kept: 0 };
        throw err;
      });
      print(`${queue.padEnd(40)} exported and purged ${r.purged}, kept ${r.kept} (parked since ${before.toISOString()} or later)`);
      results.push(r);
    }
  } finally {
    closeSync(fd);
  }
  return results;
}

function parkingQueue(names: BrokerNames, q: string): string {
  if (q === 'lotsen.unrouted' || q === names.unrouted) return names.unrouted;
  const base = q.replace(/\.parked$/, '');
  return names.parked(names.namespace && !base.startsWith(`${names.namespace}.`) ? `${names.namespace}.${base}` : base);
}

async function main() {
  const [command = 'list', queueArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const limitFlag = process.argv.indexOf('--limit');
  const limit = limitFlag > 0 ? Number(process.argv[limitFlag + 1]) : undefined;
  const names = new BrokerNames(process.env.BROKER_NAMESPACE ?? '');
  const dlq = new DeadLetters(process.env.AMQP_URL ?? DEFAULT_BROKER_URL, names);
  const resolve = (q?: string) => {
    if (!q) throw new Error('name a queue, e.g. routing.inquiries or lotsen.unrouted');
    return parkingQueue(names, q);
  };
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (command === 'list') {
    for (const s of await dlq.summary(CONSUMER_QUEUES.map((q) => names.queue(q.split('.')[0], q.split('.')[1])))) {
      console.log(`${s.queue.padEnd(40)} ${s.parked < 0 ? 'not declared' : s.parked}`);
    }
  } else if (command === 'show') {
    for (const m of await dlq.peek(resolve(queueArg), limit ?? 20)) console.log(JSON.stringify(m));
  } else if (command === 'replay') {
    const n = await dlq.replay(resolve(queueArg), limit);
    console.log(`replayed ${n} message(s) from ${resolve(queueArg)}`);
  } else if (command === 'purge') {
    const positional = process.argv.slice(3).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
    await purgeParked({
      amqpUrl: process.env.AMQP_URL ?? DEFAULT_BROKER_URL, namespace: names.namespace, queues: positional,
      olderThanDays: Number(flag('older-than-days') ?? process.env.HOUSEKEEPING_AFTER_DAYS ?? 30), exportFile: flag('export') ?? '',
    });
  } else {
    console.error('usage: npm run dlq -- list | show <queue> | replay <queue> [--limit N] | purge [queue] --older-than-days N --export file.jsonl');
    process.exit(2);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

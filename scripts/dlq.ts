/**
 * `npm run dlq -- list` shows parked (dead-lettered) and unrouted messages per queue;
 * `npm run dlq -- show <queue>` prints some of them; `npm run dlq -- replay <queue> [--limit N]`
 * moves them back to the queue they died in once the cause is fixed.
 */
import { DEFAULT_BROKER_URL } from '@lotsen/config';
import { BrokerNames, DeadLetters } from '@lotsen/messaging';

const CONSUMER_QUEUES = ['intake.status', 'routing.inquiries', 'notifications.triggers', 'reporting.events'];

async function main() {
  const [command = 'list', queueArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const limitFlag = process.argv.indexOf('--limit');
  const limit = limitFlag > 0 ? Number(process.argv[limitFlag + 1]) : undefined;
  const names = new BrokerNames(process.env.BROKER_NAMESPACE ?? '');
  const dlq = new DeadLetters(process.env.AMQP_URL ?? DEFAULT_BROKER_URL, names);
  const resolve = (q?: string) => {
    if (!q) throw new Error('name a queue, e.g. routing.inquiries or lotsen.unrouted');
    if (q === 'lotsen.unrouted' || q === names.unrouted) return names.unrouted;
    const base = q.replace(/\.parked$/, '');
    return names.parked(names.namespace && !base.startsWith(`${names.namespace}.`) ? `${names.namespace}.${base}` : base);
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
  } else {
    console.error('usage: npm run dlq -- list | show <queue> | replay <queue> [--limit N]');
    process.exit(2);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

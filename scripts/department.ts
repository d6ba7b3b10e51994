/**
 * Example department integration: binds the department's own durable queue
 * `work.<tenant>.<department>` to exchange `lotsen.work` (key `<tenant>.<department>`), prints each
 * work item and acks it once printed.
 *
 *   node dist/scripts/department.js --tenant demo --department gata_park
 *   (AMQP_URL, BROKER_NAMESPACE as for the services)
 */
import * as amqp from 'amqplib';
import { BrokerNames } from '@lotsen/messaging';
import { maskPii } from '@lotsen/platform';

export interface WorkMessage {
  id: string;
  type: string;
  tenantId: string;
  occurredAt: string;
  payload: {
    inquiryId: string;
    reference?: string;
    department?: string;
    toDepartment?: string;
    category?: string;
    priority?: number;
    urgent?: boolean;
    firstResponseDueAt?: string;
    resolutionDueAt?: string;
    inquiry?: { subject?: string; body?: string; location?: { address?: string } };
  };
}

export interface DepartmentConsumer {
  queue: string;
  close(): Promise<void>;
}

/** Binds the department queue and hands each work message to `onItem`; acks after it returns. */
export async function consumeDepartmentWork(o: {
  amqpUrl: string;
  namespace?: string;
  tenant: string;
  department: string;
  onItem: (item: WorkMessage) => void | Promise<void>;
}): Promise<DepartmentConsumer> {
  const names = new BrokerNames(o.namespace ?? '');
  const conn = await amqp.connect(o.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertExchange(names.work, 'topic', { durable: true });
  const queue = names.workQueue(o.tenant, o.department);
  await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(queue, names.work, `${o.tenant}.${o.department}`);
  await ch.prefetch(20);
  await ch.consume(queue, (msg) => {
    if (!msg) return;
    let item: WorkMessage;
    try {
      item = JSON.parse(msg.content.toString('utf8'));
    } catch {
      ch.nack(msg, false, false); // not JSON: drop rather than loop
      return;
    }
    Promise.resolve(o.onItem(item)).then(() => ch.ack(msg), () => ch.nack(msg, false, true));
  });
  return {
    queue,
    async close() {
      await ch.close().catch(() => undefined);
      await conn.close().catch(() => undefined);
    },
  };
}

export function describeWork(item: WorkMessage): string {
  const p = item.payload;
  const due = p.firstResponseDueAt ? ` first response due ${p.firstResponseDueAt}` : '';
  const text = p.inquiry ? ` — ${maskPii([p.inquiry.subject, p.inquiry.body].filter(Boolean).join(': ')).slice(0, 160)}` : '';
  const where = p.inquiry?.location?.address ? ` @ ${p.inquiry.location.address}` : '';
  return `${item.type} ${p.reference ?? p.inquiryId} ${p.category ?? ''} priority ${p.priority ?? '-'}${p.urgent ? ' URGENT' : ''}${due}${where}${text}`;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const tenant = arg('tenant');
  const department = arg('department');
  if (!tenant || !department) {
    console.error('usage: node dist/scripts/department.js --tenant <tenant> --department <code>');
    process.exit(2);
  }
  const consumer = await consumeDepartmentWork({
    amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    namespace: process.env.BROKER_NAMESPACE ?? '',
    tenant, department,
    onItem: (item) => console.log(`${new Date().toISOString()} ${describeWork(item)}`),
  });
  console.log(`waiting for work on ${consumer.queue} (Ctrl-C to stop)`);
  const stop = () => {
    consumer.close().then(() => process.exit(0), (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

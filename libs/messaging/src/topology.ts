import type { Channel } from 'amqplib';
import { BrokerNames } from './broker-names';

/** Exchanges every service relies on; declaring them is idempotent. */
export async function assertCoreTopology(ch: Channel, names: BrokerNames): Promise<void> {
  // Unroutable events are kept rather than dropped, e.g. when no consumer queue exists yet.
  await ch.assertExchange(names.unrouted, 'fanout', { durable: true });
  await ch.assertQueue(names.unrouted, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(names.unrouted, names.unrouted, '');
  await ch.assertExchange(names.events, 'topic', { durable: true, arguments: { 'alternate-exchange': names.unrouted } });
  await ch.assertExchange(names.work, 'topic', { durable: true });
  await ch.assertExchange(names.dead, 'direct', { durable: true });
}

export interface ConsumerQueueSpec {
  queue: string;
  bindings: string[];
  deliveryLimit: number;
  exchange?: string;
}

/**
 * A durable quorum queue with a delivery limit and at-least-once dead-lettering into its own
 * parking queue (RabbitMQ 3.10 needs `reject-publish` overflow for that strategy).
 */
export async function assertConsumerQueue(ch: Channel, names: BrokerNames, spec: ConsumerQueueSpec): Promise<void> {
  const parked = names.parked(spec.queue);
  await ch.assertQueue(parked, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(parked, names.dead, spec.queue);
  await ch.assertQueue(spec.queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': spec.deliveryLimit,
      'x-dead-letter-exchange': names.dead,
      'x-dead-letter-routing-key': spec.queue,
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
    },
  });
  for (const key of spec.bindings) await ch.bindQueue(spec.queue, spec.exchange ?? names.events, key);
}

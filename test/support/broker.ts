import * as amqp from 'amqplib';
import { createEvent, EventEnvelope, EventType } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import { TestEnv } from '@lotsen/testing';

/** Publishes events to the test run's `lotsen.events` exchange with confirms, as another service would. */
export async function publishEvents(env: TestEnv, events: EventEnvelope[]): Promise<void> {
  const names = new BrokerNames(env.namespace);
  const conn = await amqp.connect(env.amqpUrl);
  try {
    const ch = await conn.createConfirmChannel();
    for (const e of events) {
      ch.publish(names.events, e.type, Buffer.from(JSON.stringify(e)), { persistent: true, messageId: e.id, contentType: 'application/json' });
    }
    await ch.waitForConfirms();
    await ch.close();
  } finally {
    await conn.close();
  }
}

/** Publishes raw bytes (e.g. a malformed message) with a routing key. */
export async function publishRaw(env: TestEnv, routingKey: string, body: Buffer): Promise<void> {
  const names = new BrokerNames(env.namespace);
  const conn = await amqp.connect(env.amqpUrl);
  try {
    const ch = await conn.createConfirmChannel();
    ch.publish(names.events, routingKey, body, { persistent: true });
    await ch.waitForConfirms();
  } finally {
    await conn.close();
  }
}

export function event<P>(type: EventType, payload: P, tenantId = 'demo', occurredAt?: Date): EventEnvelope<P> {
  return createEvent(type, payload, { tenantId, occurredAt });
}

/** Number of messages waiting in a queue of this run's namespace (e.g. `intake.status.parked`). */
export async function queueDepth(env: TestEnv, queue: string): Promise<number> {
  const conn = await amqp.connect(env.amqpUrl);
  try {
    const ch = await conn.createChannel();
    const { messageCount } = await ch.checkQueue(`${env.namespace}.${queue}`);
    await ch.close();
    return messageCount;
  } finally {
    await conn.close();
  }
}

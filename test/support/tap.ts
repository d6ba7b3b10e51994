import * as amqp from 'amqplib';
import { BrokerNames } from '@lotsen/messaging';
import { TestEnv } from '@lotsen/testing';

/** A test's own queue on `lotsen.events`: records every delivered event id (duplicates included). */
export class EventTap {
  readonly ids: string[] = [];
  private conn?: amqp.ChannelModel;

  constructor(private readonly env: TestEnv, private readonly bindings: string[], private readonly name = 'test.tap') {}

  async start(): Promise<this> {
    const names = new BrokerNames(this.env.namespace);
    const queue = `${this.env.namespace}.${this.name}`;
    this.env.trackQueue(queue);
    this.conn = await amqp.connect(this.env.amqpUrl);
    const ch = await this.conn.createChannel();
    await ch.assertExchange(names.events, 'topic', { durable: true, arguments: { 'alternate-exchange': names.unrouted } });
    await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    for (const key of this.bindings) await ch.bindQueue(queue, names.events, key);
    await ch.consume(queue, (msg) => {
      if (!msg) return;
      this.ids.push(JSON.parse(msg.content.toString()).id);
      ch.ack(msg);
    });
    return this;
  }

  get unique(): number {
    return new Set(this.ids).size;
  }

  async stop(): Promise<void> {
    await this.conn?.close().catch(() => undefined);
  }
}

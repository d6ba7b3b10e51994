import { Logger } from '@nestjs/common';
import * as amqp from 'amqplib';
import { coalesceFrameWrites } from './amqp-write-coalescing';
import { BrokerNames } from './broker-names';
import { assertCoreTopology } from './topology';

/**
 * One lazily (re)opened AMQP connection. Nothing is buffered here: a caller that cannot get a
 * channel gets an error and keeps its data where it is (outbox row, unacked message).
 */
export class AmqpConnection {
  private connection?: amqp.ChannelModel;
  private connecting?: Promise<amqp.ChannelModel>;
  private closed = false;
  private readonly logger: Logger;

  constructor(private readonly url: string, readonly names: BrokerNames, private readonly name: string) {
    this.logger = new Logger(`Amqp:${name}`);
  }

  get isConnected(): boolean {
    return this.connection !== undefined;
  }

  async get(): Promise<amqp.ChannelModel> {
    if (this.closed) throw new Error('AMQP connection closed');
    if (this.connection) return this.connection;
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<amqp.ChannelModel> {
    const conn = await amqp.connect(this.url, { clientProperties: { connection_name: this.name }, timeout: 5000 });
    if (!coalesceFrameWrites(conn)) this.logger.warn('amqplib internals changed: frames are written one by one');
    conn.on('error', (err) => this.logger.warn(`connection error: ${err.message}`));
    conn.on('close', () => {
      if (this.connection === conn) this.connection = undefined;
      if (!this.closed) this.logger.warn('connection closed; will reconnect on next use');
    });
    const ch = await conn.createChannel();
    await assertCoreTopology(ch, this.names);
    await ch.close();
    this.connection = conn;
    this.logger.log('connected');
    return conn;
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.connection;
    this.connection = undefined;
    if (c) await c.close().catch(() => undefined);
  }
}

export function backoffMs(attempt: number, base = 200, max = 5000): number {
  const exp = Math.min(max, base * 2 ** Math.min(attempt, 10));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Test kit for the notifications service: a real SMTP server (smtp-server) that records what it
// accepted, and publishing events to the run's namespaced broker exchange as another service would.
import { AddressInfo } from 'node:net';
import * as amqp from 'amqplib';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createEvent, EventType } from '@lotsen/contracts';
import { BrokerNames } from '@lotsen/messaging';
import type { TestPlatform } from './platform';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
  mail: ParsedMail;
  at: number;
}

export interface SmtpSinkOptions {
  /** SMTP reply code to refuse a recipient with (e.g. 550), or undefined to accept. */
  rejectRecipient?: (address: string) => number | undefined;
  /** Delay before accepting each message's data. */
  acceptDelayMs?: number;
}

/** A local SMTP server on 127.0.0.1 that can be stopped and started again on the same port. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  constructor(readonly options: SmtpSinkOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const o = this.options;
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      size: 10 * 1024 * 1024,
      onRcptTo(address, _session, cb) {
        const code = o.rejectRecipient?.(address.address);
        if (code) return cb(Object.assign(new Error(`${code === 550 ? '5.1.1' : '4.2.0'} <${address.address}>: Recipient address rejected`), { responseCode: code }));
        cb();
      },
      onData: (stream, session, cb) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (o.acceptDelayMs) await new Promise((r) => setTimeout(r, o.acceptDelayMs));
            this.received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              messageId: mail.messageId ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              mail,
              at: Date.now(),
            });
            cb();
          })
          .catch(cb);
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/** Publishes events (or raw bytes) to `<ns>.lotsen.events` with publisher confirms. */
export class EventBus {
  private constructor(private readonly conn: amqp.ChannelModel, private readonly ch: amqp.ConfirmChannel, readonly names: BrokerNames) {}

  static async open(p: TestPlatform): Promise<EventBus> {
    const conn = await amqp.connect(p.env.amqpUrl);
    const ch = await conn.createConfirmChannel();
    return new EventBus(conn, ch, new BrokerNames(p.env.namespace));
  }

  async publish<P>(type: EventType, payload: P, opts: { tenantId?: string; id?: string; correlationId?: string } = {}) {
    const event = createEvent(type, payload, { tenantId: opts.tenantId ?? 'demo', id: opts.id, correlationId: opts.correlationId });
    await this.raw(type, Buffer.from(JSON.stringify(event)));
    return event;
  }

  /** Publishes all, then waits for the confirms once: they reach a consumer as a burst. */
  async publishAll(events: Array<{ type: EventType; payload: unknown; tenantId?: string }>) {
    const published = events.map((e) => createEvent(e.type, e.payload, { tenantId: e.tenantId ?? 'demo' }));
    for (const event of published) this.ch.publish(this.names.events, event.type, Buffer.from(JSON.stringify(event)), { persistent: true, contentType: 'application/json' });
    await this.ch.waitForConfirms();
    return published;
  }

  async raw(routingKey: string, body: Buffer): Promise<void> {
    this.ch.publish(this.names.events, routingKey, body, { persistent: true, contentType: 'application/json' });
    await this.ch.waitForConfirms();
  }

  /** Messages currently in a queue (declared passively). */
  async count(queue: string): Promise<number> {
    const ch = await this.conn.createChannel();
    try {
      return (await ch.checkQueue(queue)).messageCount;
    } finally {
      await ch.close().catch(() => undefined);
    }
  }

  async get(queue: string): Promise<amqp.GetMessage | false> {
    const ch = await this.conn.createChannel();
    try {
      return await ch.get(queue, { noAck: false }).then((m) => {
        if (m) ch.nack(m, false, true);
        return m;
      });
    } finally {
      await ch.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.ch.close().catch(() => undefined);
    await this.conn.close().catch(() => undefined);
  }
}

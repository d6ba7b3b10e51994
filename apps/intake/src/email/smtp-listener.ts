import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AddressInfo } from 'net';
import { Readable } from 'stream';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { maskPii, Metrics } from '@lotsen/platform';
import { IntakeConfig } from '../intake.config';
import { EmailIntakeService, SmtpReply } from './email-intake.service';
import { EmailRepository } from './email.repository';
import { baseAddress } from './threading';

type Session = SMTPServerSession & { tenantId?: string };

const TEMPORARY = '4.3.0 Temporarily unable to accept the message, please try again later';

/**
 * The SMTP door the municipality's mail system forwards to. The reply code is the contract with
 * the sending server: 250 only once the message is stored in the register (or was stored
 * already): nothing answered 250 is thrown away. 4xx whenever it may succeed later (database
 * away, the sender's daily quota used up), 5xx when it never will (too large, too many parts).
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Smtp');
  private server?: SMTPServer;
  private readonly counter;
  /** The port it listens on (useful when configured as 0). */
  port = 0;

  constructor(
    @Inject(IntakeConfig) private readonly config: IntakeConfig,
    private readonly intake: EmailIntakeService,
    private readonly routes: EmailRepository,
    metrics: Metrics,
  ) {
    this.counter = metrics.counter('intake_smtp_messages_total', 'Inbound e-mail by outcome', ['outcome']);
  }

  async onApplicationBootstrap(): Promise<void> {
    const c = this.config.smtp;
    if (!c.enabled) return;
    const server = new SMTPServer({
      name: c.hostname,
      banner: 'Lotsen intake',
      size: c.maxMessageBytes,
      maxClients: c.maxClients,
      // Forwarded by the municipality's own mail system inside its network; no login, no TLS here.
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      logger: false,
      closeTimeout: 2000,
      socketTimeout: 60_000,
      onRcptTo: (address, session, cb) => this.onRcptTo(address, session as Session, cb),
      onData: (stream, session, cb) => this.onData(stream, session as Session, cb),
    });
    server.on('error', (err) => this.logger.warn(`smtp: ${maskPii(String((err as Error).message))}`));
    try {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(c.port, c.host, () => {
          server.server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || c.required) throw err;
      this.logger.error(`SMTP NOT listening: port ${c.port} is in use by another process; set INTAKE_SMTP_PORT (0 = any free port) or INTAKE_SMTP_ENABLED=false`);
      return;
    }
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    this.logger.log(`SMTP listening on ${c.host}:${this.port} (max ${c.maxMessageBytes} bytes per message)`);
  }

  async onApplicationShutdown(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private onRcptTo(address: SMTPServerAddress, session: Session, cb: (err?: Error | null) => void): void {
    const rcpt = baseAddress(address.address);
    this.routes.tenantForAddress(rcpt).then(
      (tenantId) => {
        if (!tenantId) return cb(reply(550, `5.1.1 <${address.address}>: no such recipient here`));
        if (session.tenantId && session.tenantId !== tenantId) {
          // One message belongs to one municipality; the sender retries this recipient separately.
          return cb(reply(452, '4.5.3 Recipients of another municipality: send them in a separate message'));
        }
        session.tenantId = tenantId;
        cb();
      },
      (err) => {
        this.logger.warn(`recipient lookup failed: ${maskPii(String((err as Error).message))}`);
        cb(reply(451, TEMPORARY));
      },
    );
  }

  private onData(stream: SMTPServerDataStream, session: Session, cb: (err?: Error | null, message?: string) => void): void {
    collect(stream, this.config.smtp.maxMessageBytes).then(async (raw) => {
      if (!raw || stream.sizeExceeded) {
        this.counter.inc({ outcome: 'too_large' });
        return cb(reply(552, `5.3.4 Message too big: at most ${this.config.smtp.maxMessageBytes} bytes are accepted`));
      }
      if (!session.tenantId) return cb(reply(503, '5.5.1 No valid recipients'));
      const mailFrom = session.envelope.mailFrom;
      try {
        const result = await this.intake.receive({
          raw,
          envelopeFrom: mailFrom ? mailFrom.address : '',
          recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          tenantId: session.tenantId,
          receivedAt: new Date(),
        });
        this.counter.inc({ outcome: result.outcome });
        cb(null, result.outcome === 'created' ? `2.0.0 Registered as ${result.reference}` : '2.0.0 OK');
      } catch (err) {
        if (err instanceof SmtpReply) {
          this.counter.inc({ outcome: 'rejected' });
          return cb(reply(err.responseCode, err.message));
        }
        this.counter.inc({ outcome: 'temporary_failure' });
        this.logger.warn(`mail not stored, answered 451: ${maskPii(String((err as Error)?.message ?? err))}`);
        cb(reply(451, TEMPORARY));
      }
    }, (err) => {
      this.logger.warn(`reading DATA failed: ${maskPii(String((err as Error)?.message ?? err))}`);
      cb(reply(451, TEMPORARY));
    });
  }
}

function reply(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Reads the message; past the limit it keeps draining (the protocol needs the final dot) but stores nothing. */
function collect(stream: Readable & { sizeExceeded?: boolean }, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    stream.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(over ? undefined : Buffer.concat(chunks, size)));
  });
}

// E-mail delivery: the message composed by composeEmail, sent through nodemailer's pooled SMTP
// transport, or (local development) written as one .eml file per message. Failures are
// classified so the caller retries only what can succeed later.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { NodemailerError } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { composeEmail } from './mime';
import { DeliveryError, DeliveryResult, EmailTransport, OutgoingEmail } from './types';

export interface EmailTransportOptions {
  /** Pooled SMTP connections (default 5; `?maxConnections=` in the URL wins). */
  maxConnections?: number;
}

/**
 * `smtp://user:pass@host:port`, `smtps://…` (implicit TLS), or `file:///abs/dir` (development:
 * writes .eml files). Nodemailer reads further options from the query string, e.g.
 * `?maxConnections=10&requireTLS=true&tls.rejectUnauthorized=false`.
 */
export function createEmailTransport(url: string, options: EmailTransportOptions = {}): EmailTransport {
  const protocol = new URL(url).protocol;
  if (protocol === 'smtp:' || protocol === 'smtps:') return new SmtpEmailTransport(url, options);
  if (protocol === 'file:') return new FileEmailTransport(fileURLToPath(url));
  // Never echo the URL: it may hold the SMTP password.
  throw new Error(`unsupported e-mail transport "${protocol}" (use smtp:, smtps: or file:)`);
}

/**
 * The pool is given the finished message directly, in the shape a nodemailer transport receives
 * from sendMail (envelope, Message-ID, a stream of the message). sendMail itself would run its
 * plugin chain and wrap the text in a MIME node (random boundary, generated Message-ID, stream
 * pipeline) only to send the same bytes: that was a fifth of the notifications process's CPU.
 */
class SmtpEmailTransport implements EmailTransport {
  private readonly pool: SMTPPool;

  constructor(url: string, options: EmailTransportOptions) {
    this.pool = new SMTPPool({
      url,
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: 500,
      // Retries belong to the caller (backoff, visible in the delivery log); a requeue inside the
      // pool after the message data went out would be a hidden chance of a duplicate.
      maxRequeues: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // A relay on localhost (mailpit, smtp-server in tests) must resolve on hosts with only loopback.
      allowInternalNetworkInterfaces: true,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(msg: OutgoingEmail): Promise<DeliveryResult> {
    try {
      const { envelope, raw } = composeEmail(msg);
      const info = await new Promise<SMTPPool.SentMessageInfo>((resolve, reject) =>
        this.pool.send(finishedMessage(envelope, raw, msg.messageId), (err, sent) => (sent && !err ? resolve(sent) : reject(err ?? new Error('the SMTP pool answered without a result')))),
      );
      return { providerMessageId: info.serverMessageId ?? msg.messageId, response: info.response };
    } catch (e) {
      throw classifySmtpError(e);
    }
  }

  async close(): Promise<void> {
    this.pool.close();
  }
}

/** What the pool reads of a message; a fresh stream per attempt (the pool may requeue it). */
function finishedMessage(envelope: { from: string; to: string[] }, raw: string, messageId: string): MailMessage<SMTPPool.SentMessageInfo> {
  const message = {
    getEnvelope: () => ({ from: envelope.from, to: [...envelope.to] }),
    messageId: () => messageId,
    getHeader: (name: string) => (name.toLowerCase() === 'message-id' ? messageId : undefined),
    createReadStream: () => Readable.from([Buffer.from(raw)]),
  };
  return { data: {}, message } as unknown as MailMessage<SMTPPool.SentMessageInfo>;
}

class FileEmailTransport implements EmailTransport {
  constructor(private readonly dir: string) {}

  /** The .eml file is the message exactly as it would go over SMTP. */
  async send(msg: OutgoingEmail): Promise<DeliveryResult> {
    try {
      const { raw } = composeEmail(msg);
      await mkdir(this.dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${msg.messageId.replace(/[^A-Za-z0-9._-]+/g, '_')}.eml`;
      const file = path.join(this.dir, name);
      await writeFile(file, raw);
      return { providerMessageId: msg.messageId, response: file };
    } catch (e) {
      if (e instanceof DeliveryError) throw e;
      // A full disk or a permission problem can be fixed without touching the message.
      const err = e as NodeJS.ErrnoException;
      throw new DeliveryError('transient', err.code, err.message);
    }
  }

  async close(): Promise<void> {}
}

/**
 * RFC 5321: a 5yz reply is permanent, a 4yz transient. Exceptions: 503 (bad command sequence)
 * is a session problem, and a refused login is our configuration, not the recipient's, so both
 * are retried. No reply at all (refused, reset, DNS, TLS, timeout) means try again later.
 */
export function classifySmtpError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const err = (e ?? {}) as NodemailerError;
  const response = String(err.response ?? err.message ?? e).trim();
  const reply = err.responseCode;
  if (typeof reply === 'number' && reply >= 400) {
    const permanent = reply >= 500 && reply !== 503 && err.code !== 'EAUTH';
    // RCPT refused: that address is bad, so the caller may mark it bounced.
    const recipient = permanent && (err.command === 'RCPT TO' || err.code === 'EENVELOPE');
    return new DeliveryError(permanent ? 'permanent' : 'transient', String(reply), response, recipient);
  }
  // No recipients / unusable address, rejected before any server saw it.
  if (err.code === 'EENVELOPE') return new DeliveryError('permanent', err.code, response, true);
  return new DeliveryError('transient', err.originalCode ?? err.code ?? 'EUNKNOWN', response);
}

/** Our Message-ID for a delivery, so a citizen's reply (In-Reply-To) leads back to it. */
export function notificationMessageId(deliveryId: string, domain: string): string {
  return `<notif-${deliveryId}@${domain}>`;
}

/** The delivery id in a Message-ID / In-Reply-To / References value made by notificationMessageId. */
export function deliveryIdFromMessageId(value: string | undefined | null): string | undefined {
  return /<notif-([^@<>\s]+)@[^<>\s]+>/.exec(value ?? '')?.[1];
}

/** The domain of an address like `"Demo kommun" <noreply@demo.se>` (for the Message-ID). */
export function domainOf(address: string): string | undefined {
  return /@([^\s<>@"]+?)>?\s*$/.exec(address.trim())?.[1]?.toLowerCase();
}

/**
 * Headers for a notification e-mail. `automatic` (everything but a staff-written answer) marks it
 * Auto-Submitted (RFC 3834) so well-behaved auto-responders stay quiet; List-Unsubscribe
 * (RFC 2369, one-click per RFC 8058 when the opt-out URL accepts a POST) gives mail clients an
 * unsubscribe button.
 */
export function notificationHeaders(opts: { automatic: boolean; optOutUrl?: string; oneClick?: boolean }): Record<string, string> {
  const headers: Record<string, string> = { 'X-Auto-Response-Suppress': 'OOF, AutoReply' };
  if (opts.automatic) headers['Auto-Submitted'] = 'auto-generated';
  if (opts.optOutUrl) {
    headers['List-Unsubscribe'] = `<${opts.optOutUrl}>`;
    if (opts.oneClick) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return headers;
}

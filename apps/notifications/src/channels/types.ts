// Small adapter interfaces for delivery channels, so another e-mail or SMS provider is one
// class away. A failure is always a DeliveryError whose `kind` tells the caller whether to
// retry (transient) or to give up and report notification.failed (permanent).

export interface DeliveryResult {
  /** The provider's id for the message (SMTP queue id / our Message-ID, SMS provider id). */
  providerMessageId?: string;
  /** What the provider said (SMTP reply line, HTTP status and body, or the dev-mode file path). */
  response: string;
}

export type DeliveryErrorKind = 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    /** SMTP reply code ('550'), HTTP status ('503'), socket/nodemailer code ('ECONNREFUSED'), or ours ('INVALID_NUMBER'). */
    readonly code: string | undefined,
    readonly response: string,
    /** True when the recipient address itself was refused (so it may be marked bounced). */
    readonly recipientRejected = false,
  ) {
    super(`${kind} delivery failure${code ? ` (${code})` : ''}: ${response}`);
    this.name = 'DeliveryError';
  }

  get transient(): boolean {
    return this.kind === 'transient';
  }
}

export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Our own id, `<notif-{deliveryId}@{domain}>`, so replies thread back to the delivery. */
  messageId: string;
  inReplyTo?: string;
  references?: string | string[];
  /** Extra headers, e.g. Auto-Submitted, List-Unsubscribe (see notificationHeaders). */
  headers?: Record<string, string>;
}

export interface EmailTransport {
  send(msg: OutgoingEmail): Promise<DeliveryResult>;
  /** Closes pooled connections (on shutdown). */
  close(): Promise<void>;
}

export interface OutgoingSms {
  to: string;
  /** Alphanumeric sender (max 11 characters, e.g. "Sodertalje") or a phone number. */
  from: string;
  message: string;
}

export interface SmsProvider {
  send(msg: OutgoingSms): Promise<DeliveryResult>;
  close(): Promise<void>;
}

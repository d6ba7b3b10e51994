import { Inject, Injectable } from '@nestjs/common';
import { createEmailTransport, createSmsProvider, EmailTransport, SmsProvider } from '../channels';
import { NotificationsConfig } from '../notifications.config';

/** The configured e-mail transport and SMS provider of this instance (closed by the dispatcher on shutdown). */
@Injectable()
export class Channels {
  readonly email: EmailTransport;
  readonly sms: SmsProvider;
  /** Development mode: messages are files, and the log says where each one went. */
  readonly emailToFiles: boolean;
  readonly smsToFiles: boolean;

  constructor(@Inject(NotificationsConfig) config: NotificationsConfig) {
    this.email = createEmailTransport(config.smtpUrl, { maxConnections: config.smtpMaxConnections });
    this.sms = createSmsProvider(config.smsUrl);
    this.emailToFiles = config.smtpUrl.startsWith('file:');
    this.smsToFiles = config.smsUrl.startsWith('file:');
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.email.close(), this.sms.close()]);
  }
}

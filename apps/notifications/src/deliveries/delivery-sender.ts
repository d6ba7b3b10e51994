import { Inject, Injectable } from '@nestjs/common';
import { DeliveryError, DeliveryResult, domainOf, notificationMessageId } from '../channels';
import { NotificationsConfig } from '../notifications.config';
import { Channels } from './channels';
import type { ClaimedDelivery } from './deliveries.repository';

/** What sending one claimed delivery came to. */
export type SendOutcome = { d: ClaimedDelivery; ok: true; result: DeliveryResult } | { d: ClaimedDelivery; ok: false; error: DeliveryError };

/** Our Message-ID of a delivery's e-mail: a reply's In-Reply-To leads back to it. */
export function deliveryMessageId(d: ClaimedDelivery, defaultFrom: string): string {
  return notificationMessageId(d.id, domainOf(d.meta.from ?? defaultFrom) ?? 'lotsen.invalid');
}

/** Sends one claimed delivery by its channel; never throws: a failure is an outcome too. */
@Injectable()
export class DeliverySender {
  constructor(private readonly channels: Channels, @Inject(NotificationsConfig) private readonly config: NotificationsConfig) {}

  async send(d: ClaimedDelivery): Promise<SendOutcome> {
    try {
      return { d, ok: true, result: await this.transmit(d) };
    } catch (e) {
      return { d, ok: false, error: e instanceof DeliveryError ? e : new DeliveryError('transient', 'EUNKNOWN', String((e as Error)?.message ?? e)) };
    }
  }

  private transmit(d: ClaimedDelivery): Promise<DeliveryResult> {
    if (d.channel === 'sms') return this.channels.sms.send({ to: d.recipient, from: d.meta.smsSender ?? this.config.defaultSmsSender, message: d.text });
    return this.channels.email.send({
      from: d.meta.from ?? this.config.defaultFrom,
      to: d.recipient,
      replyTo: d.meta.replyTo,
      subject: d.subject,
      text: d.text,
      html: d.html ?? '',
      messageId: deliveryMessageId(d, this.config.defaultFrom),
      headers: d.meta.headers,
    });
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { fulfilled, RoundTripBatcher, Settled } from '@lotsen/concurrency';
import { EventTypes, NotificationPayload } from '@lotsen/contracts';
import { EventPublisher, sleep } from '@lotsen/messaging';
import { isDatabaseUnavailable, UnitOfWork } from '@lotsen/persistence';
import { maskPii, Metrics } from '@lotsen/platform';
import type { Counter } from 'prom-client';
import { DeliveryError, maskAddress } from '../channels';
import { NotificationsConfig } from '../notifications.config';
import { SuppressionsRepository } from '../preferences/suppressions.repository';
import { nextAttempt, RetryPolicy } from './backoff';
import { Channels } from './channels';
import { ClaimedDelivery, DeliveriesRepository, DeliveryChannel } from './deliveries.repository';
import { deliveryMessageId, SendOutcome } from './delivery-sender';

/** Most results recorded in one transaction. */
const MOST_PER_RECORD = 200;

/**
 * Records what sending came to: `sent` / `pending` with next_attempt_at (transient) / `failed`
 * (permanent, and a bounce on the suppression list), with notification.sent / notification.failed
 * through the outbox, in one transaction. The results that arrive while one group is being
 * written share the next (a RoundTripBatcher); a result only counts as recorded once committed.
 * Only rows still under the claim they were sent under are updated.
 */
@Injectable()
export class DeliveryRecorder {
  // The dispatcher's log: what was sent, what failed.
  private readonly logger = new Logger('Dispatcher');
  private readonly policy: RetryPolicy;
  private readonly counter: Counter<string>;
  private readonly groups: RoundTripBatcher<SendOutcome, void>;
  /** Shut down: results that cannot be recorded any more are left to the sending timeout. */
  private closed = false;

  constructor(
    private readonly tx: UnitOfWork,
    private readonly deliveries: DeliveriesRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly events: EventPublisher,
    private readonly channels: Channels,
    metrics: Metrics,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {
    this.policy = { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, maxAttempts: config.maxAttempts };
    this.counter = metrics.counter('notifications_deliveries_total', 'Delivery attempts by channel and outcome', ['channel', 'outcome']);
    this.groups = new RoundTripBatcher((group) => this.write(group), { maxBatch: MOST_PER_RECORD });
  }

  /** Resolves once the outcome is committed (or, after shutdown, left to the sending timeout). */
  record(outcome: SendOutcome): Promise<void> {
    return this.groups.submit(outcome);
  }

  /** Deliveries the claim found suppressed (logged as such in the same statement). */
  countSuppressed(channels: DeliveryChannel[]): void {
    for (const channel of channels) this.counter.inc({ channel, outcome: 'suppressed' });
  }

  /** Waits at most `ms` for the results still being written, then stops retrying them. */
  async close(ms: number): Promise<void> {
    await Promise.race([this.groups.idle(), sleep(ms)]);
    this.closed = true;
  }

  /** Keeps a group and tries again while the database is away: giving up would turn the results into duplicates. */
  private async write(group: SendOutcome[]): Promise<Array<Settled<void>>> {
    const done = group.map(() => fulfilled(undefined));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.tx.run(() => this.apply(group));
        return done;
      } catch (err) {
        if (this.closed) {
          this.logger.warn(`${group.length} delivery results not recorded at shutdown; retried after the sending timeout`);
          return done;
        }
        if (!isDatabaseUnavailable(err) && attempt > 5) {
          this.logger.error(`recording ${group.length} delivery results failed: ${(err as Error).message}`);
          return done;
        }
        if (attempt === 1 || attempt % 20 === 0) this.logger.warn(`recording delivery results failed (${attempt}x): ${(err as Error).message}`);
        await sleep(Math.min(5000, 100 * 2 ** attempt));
      }
    }
  }

  /** One transaction: the status updates of a group of results and their events. */
  private async apply(group: SendOutcome[]): Promise<void> {
    const successes = group.filter((o): o is Extract<SendOutcome, { ok: true }> => o.ok);
    const marked = await this.deliveries.markSent(successes.map((o) => ({ d: o.d, providerMessageId: o.result.providerMessageId, response: o.result.response })));
    for (const o of successes) {
      if (!marked.has(o.d.id)) continue;
      // The Message-ID lets intake thread the citizen's reply (In-Reply-To) back to the inquiry.
      const sent = { ...payload(o.d), ...(o.d.channel === 'email' ? { messageId: deliveryMessageId(o.d, this.config.defaultFrom) } : {}) };
      await this.events.publish(EventTypes.NotificationSent, sent, { tenantId: o.d.tenantId, correlationId: o.d.inquiryId });
      this.counter.inc({ channel: o.d.channel, outcome: 'sent' });
      const toFiles = o.d.channel === 'email' ? this.channels.emailToFiles : this.channels.smsToFiles;
      this.logger.log(`sent ${o.d.trigger} ${o.d.id} by ${o.d.channel} to ${maskAddress(o.d.recipient)} (attempt ${o.d.attempts})${toFiles ? ` written to ${o.result.response}` : ''}`);
    }
    for (const o of group) if (!o.ok) await this.applyFailure(o.d, o.error);
  }

  private async applyFailure(d: ClaimedDelivery, e: DeliveryError): Promise<void> {
    const to = maskAddress(d.recipient);
    // Providers echo the address back; neither the log nor the event may carry it.
    const reason = maskPii(`${e.code ?? e.kind}: ${e.response}`.split(d.recipient).join(maskAddress(d.recipient)));
    if (e.transient) {
      const next = nextAttempt(d.attempts, this.policy, new Date());
      if ('retryAt' in next) {
        if (!(await this.deliveries.markRetry(d, next.retryAt, reason))) return;
        this.counter.inc({ channel: d.channel, outcome: 'retry' });
        this.logger.warn(`${d.trigger} ${d.id} to ${to} failed transiently (${e.code}); retry ${d.attempts + 1} at ${next.retryAt.toISOString()}`);
        return;
      }
    }
    const final = e.transient ? `gave up after ${d.attempts} attempts; last: ${reason}` : reason;
    if (!(await this.deliveries.markFailed(d, final))) return;
    if (!e.transient && e.recipientRejected) {
      await this.suppressions.add(d.tenantId, d.addressKey, 'bounced', {
        detail: `${e.code ?? ''} ${maskAddress(d.recipient)}`.trim(),
        maskedAddress: maskAddress(d.recipient),
        until: new Date(Date.now() + this.config.bounceSuppressionDays * 24 * 3600 * 1000),
      });
    }
    await this.events.publish(EventTypes.NotificationFailed, payload(d, final), { tenantId: d.tenantId, correlationId: d.inquiryId });
    this.counter.inc({ channel: d.channel, outcome: 'failed' });
    this.logger.warn(`${d.trigger} ${d.id} to ${to} failed permanently (${e.code ?? e.kind})`);
  }
}

function payload(d: ClaimedDelivery, reason?: string): NotificationPayload {
  return {
    deliveryId: d.id, inquiryId: d.inquiryId, trigger: d.trigger, channel: d.channel, language: d.language,
    ...(reason ? { reason: reason.slice(0, 2000) } : {}),
  };
}

import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventTypes, NotificationPayload } from '@lotsen/contracts';
import { EventPublisher, sleep } from '@lotsen/messaging';
import { isDatabaseUnavailable, TransactionContext } from '@lotsen/persistence';
import { maskPii, Metrics } from '@lotsen/platform';
import type { Counter } from 'prom-client';
import { DeliveryError, DeliveryResult, domainOf, maskAddress, notificationMessageId } from '../channels';
import { NotificationsConfig } from '../notifications.config';
import { SUPPRESSED_BECAUSE } from '../preferences/suppression-scope';
import { SuppressionsRepository } from '../preferences/suppressions.repository';
import { nextAttempt, RetryPolicy } from './backoff';
import { Channels } from './channels';
import { ClaimedDelivery, DeliveriesRepository } from './deliveries.repository';
import { DispatcherSignal } from './dispatcher-signal';

const COALESCE_MS = 10;

type Outcome = { d: ClaimedDelivery; ok: true; result: DeliveryResult } | { d: ClaimedDelivery; ok: false; error: DeliveryError };

/**
 * Sends due deliveries. Each row goes through three committed steps:
 *
 *   1. claim: `pending` → `sending` (+ claim id, attempts+1), one auto-committed statement with
 *      FOR UPDATE SKIP LOCKED, so two instances never take the same row. While this dispatcher
 *      has room, the planner inserts new deliveries claimed for it already and hands them over
 *      after its commit (DispatcherSignal): no claim round for them;
 *   2. send over SMTP / the SMS provider (no transaction open meanwhile);
 *   3. record: `sent` / `pending` with next_attempt_at (transient) / `failed` (permanent), and
 *      notification.sent / notification.failed through the outbox, in one transaction.
 *
 * Crash window: if the process dies after the provider accepted a message (2) but before (3)
 * committed, the row stays `sending`; after NOTIFICATIONS_SENDING_TIMEOUT_MS another dispatcher
 * sends it again (`recoveries` + 1). A live dispatcher renews the claim time of the rows it is
 * still sending (a slow SMTP server can keep them queued longer than the timeout), so only a
 * stopped one loses them. That is the only way a citizen gets a message twice; it is
 * kept small by recording results as soon as they arrive and by waiting for sends in flight on
 * shutdown. Nothing is ever retried by sleeping in memory: retries are rows with a due time.
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Dispatcher');
  private running = false;
  /** Shut down: results that cannot be recorded any more are left to the sending timeout. */
  private closed = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private mayHaveWork = true;
  /** Counts nudges, so one that arrives while a claim is running is not lost. */
  private nudges = 0;
  /** Rows being sent (or recorded) per claim id, whose claims the heartbeat renews. */
  private readonly claims = new Map<string, number>();
  private heartbeat?: NodeJS.Timeout;
  private readonly sends = new Set<Promise<void>>();
  private readonly outcomes: Outcome[] = [];
  private recording?: Promise<void>;
  private lastRecovery = 0;
  private readonly policy: RetryPolicy;
  private readonly counter: Counter<string>;

  constructor(
    private readonly tx: TransactionContext,
    private readonly deliveries: DeliveriesRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly events: EventPublisher,
    private readonly channels: Channels,
    signal: DispatcherSignal,
    metrics: Metrics,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {
    this.policy = { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, maxAttempts: config.maxAttempts };
    this.counter = metrics.counter('notifications_deliveries_total', 'Delivery attempts by channel and outcome', ['channel', 'outcome']);
    signal.attach({ nudge: () => this.nudge(), accepting: () => this.running && this.inFlight < this.config.dispatchBatchSize, adopt: (c) => this.adopt(c) });
  }

  onApplicationBootstrap(): void {
    if (!this.config.dispatcher) return;
    this.running = true;
    this.loop = this.run();
    this.heartbeat = setInterval(() => void this.renewClaims(), Math.min(this.config.sendingTimeoutMs / 3, 10_000));
    this.heartbeat.unref();
  }

  private async renewClaims(): Promise<void> {
    if (!this.claims.size || this.closed) return;
    try {
      await this.deliveries.renewClaims([...this.claims.keys()]);
    } catch (err) {
      this.logger.warn(`renewing claims of ${this.claims.size} sends failed: ${(err as Error).message}`);
    }
  }

  /** Before the database closes: stop claiming, let sends in flight finish and be recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.config.shutdownGraceMs > 0) {
      await Promise.race([Promise.allSettled([...this.sends]), sleep(this.config.shutdownGraceMs)]);
    }
    // Messages still queued in the SMTP pool fail now ("pool was closed") and are recorded as
    // retries; only a message in the middle of its SMTP transaction is left `sending`.
    await this.channels.close();
    await sleep(20);
    await Promise.race([this.recording ?? Promise.resolve(), sleep(2000)]);
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.sends.size) this.logger.warn(`${this.sends.size} deliveries still sending at shutdown; they are retried after the sending timeout`);
  }

  private get inFlight(): number {
    let n = 0;
    for (const count of this.claims.values()) n += count;
    return n;
  }

  nudge(): void {
    this.nudges++;
    this.mayHaveWork = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    const batch = this.config.dispatchBatchSize;
    let failures = 0;
    let caughtUp = false;
    while (this.running) {
      try {
        if (Date.now() - this.lastRecovery >= Math.min(this.config.sendingTimeoutMs / 2, 30_000)) {
          this.lastRecovery = Date.now();
          const n = await this.deliveries.recoverStale(this.config.sendingTimeoutMs);
          if (n) this.logger.warn(`${n} deliveries were left sending by a stopped dispatcher; sending them again`);
        }
        const room = batch - this.inFlight;
        // Claim when there is work and at least a quarter of the window is free (fewer, larger claims).
        if (this.mayHaveWork && room >= Math.max(1, Math.floor(batch / 4))) {
          // Caught up: let deliveries committed in the next few ms join this claim rather than
          // claiming them one query each.
          if (caughtUp) await sleep(COALESCE_MS);
          const nudgesBefore = this.nudges;
          const claimed = await this.deliveries.claimDue(room, randomUUID());
          failures = 0;
          caughtUp = claimed.length < room;
          // A delivery committed while we claimed may be missing from what we got: look again.
          if (caughtUp && this.nudges === nudgesBefore) this.mayHaveWork = false;
          if (claimed.length) {
            await this.start(claimed);
            continue;
          }
        }
      } catch (err) {
        failures++;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`dispatcher round failed (${failures}x): ${(err as Error).message}`);
        await sleep(Math.min(5000, 100 * 2 ** failures));
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.mayHaveWork = true;
          resolve();
        }, this.config.dispatchPollMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * Deliveries planned claimed for this instance (their suppression was checked as they were
   * inserted): sent now. If the dispatcher stopped meanwhile, they go back to the queue.
   */
  private adopt(claimed: ClaimedDelivery[]): void {
    if (!this.running) {
      for (const claimId of new Set(claimed.map((d) => d.claimId))) {
        this.deliveries.release(claimId).catch((err: Error) => this.logger.warn(`releasing deliveries planned during shutdown failed (${err.message}); sent after the sending timeout`));
      }
      return;
    }
    for (const d of claimed) this.launch(d);
  }

  private async start(claimed: ClaimedDelivery[]): Promise<void> {
    // An address may have opted out or bounced after the delivery was planned.
    const suppressed = await this.suppressions.blocking(claimed.map((d) => ({ tenantId: d.tenantId, addressKey: d.addressKey, trigger: d.trigger })));
    for (const d of claimed) {
      const reason = suppressed.get(`${d.tenantId} ${d.addressKey} ${d.trigger}`);
      if (reason) {
        await this.deliveries.markFailed(d, SUPPRESSED_BECAUSE[reason], 'suppressed');
        this.counter.inc({ channel: d.channel, outcome: 'suppressed' });
        continue;
      }
      this.launch(d);
    }
  }

  /** Sends one claimed delivery and records the outcome; its claim is renewed meanwhile. */
  private launch(d: ClaimedDelivery): void {
    this.claims.set(d.claimId, (this.claims.get(d.claimId) ?? 0) + 1);
    const p = this.send(d)
      .then((result): Outcome => ({ d, ok: true, result }))
      .catch((e): Outcome => ({ d, ok: false, error: e instanceof DeliveryError ? e : new DeliveryError('transient', 'EUNKNOWN', String((e as Error)?.message ?? e)) }))
      .then((o) => this.record(o))
      .finally(() => {
        const left = (this.claims.get(d.claimId) ?? 1) - 1;
        if (left) this.claims.set(d.claimId, left);
        else this.claims.delete(d.claimId);
        this.sends.delete(p);
        if (this.mayHaveWork) this.wake?.();
      });
    this.sends.add(p);
  }

  private send(d: ClaimedDelivery): Promise<DeliveryResult> {
    if (d.channel === 'sms') return this.channels.sms.send({ to: d.recipient, from: d.meta.smsSender ?? this.config.defaultSmsSender, message: d.text });
    const from = d.meta.from ?? this.config.defaultFrom;
    return this.channels.email.send({
      from,
      to: d.recipient,
      replyTo: d.meta.replyTo,
      subject: d.subject,
      text: d.text,
      html: d.html ?? '',
      messageId: this.messageId(d),
      headers: d.meta.headers,
    });
  }

  private messageId(d: ClaimedDelivery): string {
    return notificationMessageId(d.id, domainOf(d.meta.from ?? this.config.defaultFrom) ?? 'lotsen.invalid');
  }

  /** Queues an outcome and resolves once it is committed (results are written in groups). */
  private record(o: Outcome): Promise<void> {
    this.outcomes.push(o);
    return this.flush();
  }

  private flush(): Promise<void> {
    this.recording ??= (async () => {
      for (let attempt = 0; this.outcomes.length; ) {
        const group = this.outcomes.splice(0, 200);
        try {
          await this.tx.run(() => this.apply(group));
          attempt = 0;
        } catch (err) {
          if (this.closed) {
            this.logger.warn(`${group.length} delivery results not recorded at shutdown; retried after the sending timeout`);
            continue;
          }
          // Keep the results and try again: giving up here would turn them into duplicates.
          this.outcomes.unshift(...group);
          attempt++;
          if (!isDatabaseUnavailable(err) && attempt > 5) {
            this.logger.error(`recording ${group.length} delivery results failed: ${(err as Error).message}`);
            this.outcomes.splice(0, group.length);
            attempt = 0;
            continue;
          }
          if (attempt === 1 || attempt % 20 === 0) this.logger.warn(`recording delivery results failed (${attempt}x): ${(err as Error).message}`);
          await sleep(Math.min(5000, 100 * 2 ** attempt));
        }
      }
    })().finally(() => {
      this.recording = undefined;
    });
    const current = this.recording;
    return current.then(() => (this.outcomes.length ? this.flush() : undefined));
  }

  /** One transaction: the status updates of a group of results and their events. */
  private async apply(group: Outcome[]): Promise<void> {
    const successes = group.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
    const marked = await this.deliveries.markSent(successes.map((o) => ({ d: o.d, providerMessageId: o.result.providerMessageId, response: o.result.response })));
    for (const o of successes) {
      if (!marked.has(o.d.id)) continue;
      // The Message-ID lets intake thread the citizen's reply (In-Reply-To) back to the inquiry.
      const sent = { ...this.payload(o.d), ...(o.d.channel === 'email' ? { messageId: this.messageId(o.d) } : {}) };
      await this.events.publish(EventTypes.NotificationSent, sent, { tenantId: o.d.tenantId, correlationId: o.d.inquiryId });
      this.counter.inc({ channel: o.d.channel, outcome: 'sent' });
      const toFiles = o.d.channel === 'email' ? this.channels.emailToFiles : this.channels.smsToFiles;
      this.logger.log(`sent ${o.d.trigger} ${o.d.id} by ${o.d.channel} to ${maskAddress(o.d.recipient)} (attempt ${o.d.attempts})${toFiles ? ` written to ${o.result.response}` : ''}`);
    }
    for (const o of group) if (!o.ok) await this.applyFailure(o.d, o.error);
  }

  private payload(d: ClaimedDelivery, reason?: string): NotificationPayload {
    return {
      deliveryId: d.id, inquiryId: d.inquiryId, trigger: d.trigger, channel: d.channel, language: d.language,
      ...(reason ? { reason: reason.slice(0, 2000) } : {}),
    };
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
    await this.events.publish(EventTypes.NotificationFailed, this.payload(d, final), { tenantId: d.tenantId, correlationId: d.inquiryId });
    this.counter.inc({ channel: d.channel, outcome: 'failed' });
    this.logger.warn(`${d.trigger} ${d.id} to ${to} failed permanently (${e.code ?? e.kind})`);
  }
}

import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { StepResult, WakeableLoop } from '@lotsen/concurrency';
import { sleep } from '@lotsen/messaging';
import { NotificationsConfig } from '../notifications.config';
import { Channels } from './channels';
import { ClaimLeases } from './claim-leases';
import { ClaimedDelivery, DeliveriesRepository } from './deliveries.repository';
import { DeliveryRecorder } from './delivery-recorder';
import { DeliverySender } from './delivery-sender';
import { DispatcherSignal } from './dispatcher-signal';

const COALESCE_MS = 10;

/**
 * Sends due deliveries: a claim loop (here), a sender (DeliverySender) and a recorder
 * (DeliveryRecorder). Each row goes through three committed steps:
 *
 *   1. claim: `pending` → `sending` (+ claim id, attempts+1), one auto-committed statement with
 *      FOR UPDATE SKIP LOCKED, so two instances never take the same row; a row whose address is
 *      suppressed by then is logged `suppressed` in the same statement instead (the one place
 *      suppression is decided for a row that was planned to be sent). While this dispatcher
 *      has room, the planner inserts new deliveries claimed for it already and hands them over
 *      after its commit (DispatcherSignal): no claim round for them;
 *   2. send over SMTP / the SMS provider (no transaction open meanwhile);
 *   3. record: `sent` / `pending` with next_attempt_at (transient) / `failed` (permanent), and
 *      notification.sent / notification.failed through the outbox, in one transaction.
 *
 * Crash window: if the process dies after the provider accepted a message (2) but before (3)
 * committed, the row stays `sending`; after NOTIFICATIONS_SENDING_TIMEOUT_MS another dispatcher
 * sends it again (`recoveries` + 1). A live dispatcher renews the claim time of the rows it is
 * still sending (ClaimLeases: a slow SMTP server can keep them queued longer than the timeout),
 * so only a stopped one loses them. That is the only way a citizen gets a message twice; it is
 * kept small by recording results as soon as they arrive and by waiting for sends in flight on
 * shutdown. Nothing is ever retried by sleeping in memory: retries are rows with a due time.
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Dispatcher');
  private readonly loop: WakeableLoop;
  private readonly leases: ClaimLeases;
  private readonly sends = new Set<Promise<void>>();
  /** The last claim found less than it had room for: deliveries committed in the next few ms may join the next one. */
  private caughtUp = false;
  private lastRecovery = 0;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly sender: DeliverySender,
    private readonly recorder: DeliveryRecorder,
    private readonly channels: Channels,
    signal: DispatcherSignal,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {
    this.leases = new ClaimLeases((claimIds) => this.deliveries.renewClaims(claimIds), this.logger);
    this.loop = new WakeableLoop({
      step: () => this.claim(),
      pollMs: config.dispatchPollMs,
      backoffMs: (failures) => Math.min(5000, 100 * 2 ** failures),
      onError: (err, failures) => {
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`dispatcher round failed (${failures}x): ${(err as Error).message}`);
      },
    });
    signal.attach({ nudge: () => this.nudge(), accepting: () => this.loop.isRunning && this.leases.count < this.config.dispatchBatchSize, adopt: (c) => this.adopt(c) });
  }

  onApplicationBootstrap(): void {
    if (!this.config.dispatcher) return;
    this.loop.start();
    this.leases.start(Math.min(this.config.sendingTimeoutMs / 3, 10_000));
  }

  /** Before the database closes: stop claiming, let sends in flight finish and be recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    if (this.config.shutdownGraceMs > 0) {
      await Promise.race([Promise.allSettled([...this.sends]), sleep(this.config.shutdownGraceMs)]);
    }
    // Messages still queued in the SMTP pool fail now ("pool was closed") and are recorded as
    // retries; only a message in the middle of its SMTP transaction is left `sending`.
    await this.channels.close();
    await sleep(20);
    await this.recorder.close(2000);
    this.leases.stop();
    if (this.sends.size) this.logger.warn(`${this.sends.size} deliveries still sending at shutdown; they are retried after the sending timeout`);
  }

  nudge(): void {
    this.loop.wake();
  }

  /** One round: rows a stopped dispatcher left `sending` back to the queue now and then, then a claim while there is room. */
  private async claim(): Promise<StepResult> {
    if (Date.now() - this.lastRecovery >= Math.min(this.config.sendingTimeoutMs / 2, 30_000)) {
      this.lastRecovery = Date.now();
      const n = await this.deliveries.recoverStale(this.config.sendingTimeoutMs);
      if (n) this.logger.warn(`${n} deliveries were left sending by a stopped dispatcher; sending them again`);
    }
    const batch = this.config.dispatchBatchSize;
    const room = batch - this.leases.count;
    // Claim when at least a quarter of the window is free (fewer, larger claims); otherwise a finished send unblocks.
    if (room < Math.max(1, Math.floor(batch / 4))) return 'waiting';
    if (this.caughtUp) await sleep(COALESCE_MS);
    const { claimed, suppressed } = await this.deliveries.claimDue(room, randomUUID());
    this.recorder.countSuppressed(suppressed);
    this.caughtUp = claimed.length + suppressed.length < room;
    for (const d of claimed) this.launch(d);
    return this.caughtUp ? 'caught-up' : 'busy';
  }

  /**
   * Deliveries planned claimed for this instance (suppression was decided as they were
   * inserted): sent now. If the dispatcher stopped meanwhile, they go back to the queue.
   */
  private adopt(claimed: ClaimedDelivery[]): void {
    if (!this.loop.isRunning) {
      for (const claimId of new Set(claimed.map((d) => d.claimId))) {
        this.deliveries.release(claimId).catch((err: Error) => this.logger.warn(`releasing deliveries planned during shutdown failed (${err.message}); sent after the sending timeout`));
      }
      return;
    }
    for (const d of claimed) this.launch(d);
  }

  /** Sends one claimed delivery and records the outcome; its claim is renewed meanwhile. */
  private launch(d: ClaimedDelivery): void {
    this.leases.hold(d.claimId);
    const p: Promise<void> = this.sender.send(d)
      .then((outcome) => this.recorder.record(outcome))
      .catch((err: Error) => this.logger.error(`recording delivery ${d.id} failed: ${err.message}`))
      .finally(() => {
        this.leases.release(d.claimId);
        this.sends.delete(p);
        this.loop.unblock();
      });
    this.sends.add(p);
  }
}

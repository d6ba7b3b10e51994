import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTypes, SlaPayload } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { isDatabaseUnavailable, UnitOfWork } from '@lotsen/persistence';
import { RoutingConfig } from '../routing.config';
import { SlaTimersRepository } from './sla-timers.repository';

const BATCH = 200;

/**
 * Fires due SLA timers: `inquiry.sla.warning` at 80 % and `inquiry.sla.breached` at the due time,
 * each once. Timers live in the database and are claimed with SKIP LOCKED in the same
 * transaction as the outbox rows, so restarts lose none and several instances fire each once.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SlaScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly tx: UnitOfWork,
    private readonly timers: SlaTimersRepository,
    private readonly events: EventPublisher,
    private readonly config: RoutingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running || this.stopped) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, this.config.schedulerIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      while (!this.stopped && (await this.fireDue()) === BATCH) { /* drain */ }
    } catch (err) {
      if (isDatabaseUnavailable(err)) this.log.warn('database unavailable; SLA timers wait for the next round');
      else this.log.error(`SLA scheduler round failed: ${(err as Error).message}`);
    }
  }

  /** One claimed batch of due timers; returns how many fired. */
  async fireDue(): Promise<number> {
    return this.tx.run(async () => {
      const due = await this.timers.claimDue(BATCH);
      for (const t of due) {
        const payload: SlaPayload = { inquiryId: t.inquiryId, clock: t.clock, dueAt: t.dueAt.toISOString(), department: t.department };
        await this.events.publish(t.kind === 'warning' ? EventTypes.SlaWarning : EventTypes.SlaBreached, payload, { tenantId: t.tenantId });
      }
      if (due.length) this.log.log(`fired ${due.length} SLA timer(s)`);
      return due.length;
    });
  }
}

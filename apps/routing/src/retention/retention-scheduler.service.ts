import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isDatabaseUnavailable } from '@lotsen/persistence';
import { RoutingConfig } from '../routing.config';
import { RetentionService } from './retention.service';

/**
 * Runs retention for every tenant with a gallras rule, every ROUTING_RETENTION_INTERVAL_MS. Safe
 * on several instances: due inquiries are claimed with SKIP LOCKED and recorded once.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('RetentionScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly retention: RetentionService, private readonly config: RoutingConfig) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running || this.stopped) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, this.config.retentionIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      for (const tenantId of await this.retention.tenantsWithRules()) {
        if (this.stopped) return;
        await this.retention.run(tenantId, new Date(), 'scheduler', () => this.stopped);
      }
    } catch (err) {
      if (isDatabaseUnavailable(err)) this.log.warn('database unavailable; retention waits for the next round');
      else this.log.error(`retention round failed: ${(err as Error).message}`);
    }
  }
}

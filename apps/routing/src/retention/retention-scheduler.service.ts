import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@lotsen/persistence';
import { RoutingConfig } from '../routing.config';
import { RetentionService } from './retention.service';

/**
 * Runs retention for every tenant with a gallras rule, every ROUTING_RETENTION_INTERVAL_MS. Safe
 * on several instances: due inquiries are claimed with SKIP LOCKED and recorded once.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(retention: RetentionService, config: RoutingConfig) {
    this.task = new PeriodicTask('RetentionScheduler', config.retentionIntervalMs, async (stopped) => {
      for (const tenantId of await retention.tenantsWithRules()) {
        if (stopped()) return;
        await retention.run(tenantId, new Date(), 'scheduler', stopped);
      }
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

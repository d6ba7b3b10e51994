import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HousekeepingConfig } from '@lotsen/config';
import { deleteInBatches, PeriodicTask } from '@lotsen/persistence';

const BATCH = 10_000;

/**
 * Removes inbox rows older than the housekeeping window: an event redelivered that late (the broker
 * redelivers within minutes; a parked message replayed after weeks is for the operator to judge)
 * is the only thing such a row guards against. Small batches, so live consumers are not held up.
 */
export class InboxHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(private readonly ds: DataSource, private readonly schema: string, private readonly config: HousekeepingConfig) {
    this.task = new PeriodicTask('InboxHousekeeping', config.intervalMs, (stopped) => this.sweep(stopped).then(() => undefined));
  }

  /** Rows removed; loops until nothing older is left (or the service stops). */
  async sweep(stopped: () => boolean = () => false): Promise<number> {
    return deleteInBatches((sql, params) => this.ds.query(sql, params),
      `DELETE FROM "${this.schema}".inbox WHERE (event_id, consumer) IN (
         SELECT event_id, consumer FROM "${this.schema}".inbox WHERE handled_at < now() - make_interval(days => $1) LIMIT $2)`,
      [this.config.afterDays], BATCH, stopped);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

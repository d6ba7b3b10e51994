import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, PeriodicTask } from './periodic-task';

const BATCH = 5_000;

/**
 * Rows that only serve a retry (idempotency records and the like): removed once their
 * `created_at` is past the housekeeping window, in small batches, every housekeeping interval.
 * A service names its table in a subclass.
 */
export abstract class AgedRowsHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  protected constructor(
    name: string,
    private readonly ds: DataSource,
    private readonly table: string,
    private readonly window: { afterDays: number; intervalMs: number },
  ) {
    this.task = new PeriodicTask(name, window.intervalMs, (stopped) => this.sweep(stopped).then(() => undefined));
  }

  /** Rows removed; loops until nothing older is left (or the service stops). */
  sweep(stopped: () => boolean = () => false): Promise<number> {
    return deleteInBatches((sql, params) => this.ds.query(sql, params),
      `DELETE FROM ${this.table} WHERE ctid IN (
         SELECT ctid FROM ${this.table} WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
      [this.window.afterDays], BATCH, stopped);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, PeriodicTask } from '@lotsen/persistence';
import { IntakeConfig } from '../intake.config';

const BATCH = 5_000;

/**
 * Idempotency records (a sealed copy of the first answer) only serve a client's retry; after the
 * housekeeping window a repeated key registers a new inquiry. Removed in small batches.
 */
@Injectable()
export class IdempotencyHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(private readonly ds: DataSource, private readonly config: IntakeConfig) {
    this.task = new PeriodicTask('IdempotencyHousekeeping', config.housekeeping.intervalMs, (stopped) => this.sweep(stopped).then(() => undefined));
  }

  async sweep(stopped: () => boolean = () => false): Promise<number> {
    return deleteInBatches((sql, params) => this.ds.query(sql, params),
      `DELETE FROM intake.idempotency_keys WHERE ctid IN (
         SELECT ctid FROM intake.idempotency_keys WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
      [this.config.housekeeping.afterDays], BATCH, stopped);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, PeriodicTask } from '@lotsen/persistence';
import { RoutingConfig } from '../routing.config';

const BATCH = 5_000;

/** An answer's key only serves a retry: after the housekeeping window it is removed, in small batches. */
@Injectable()
export class AnswerRequestsHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(private readonly ds: DataSource, private readonly config: RoutingConfig) {
    this.task = new PeriodicTask('AnswerRequestsHousekeeping', config.housekeeping.intervalMs, (stopped) => this.sweep(stopped).then(() => undefined));
  }

  async sweep(stopped: () => boolean = () => false): Promise<number> {
    return deleteInBatches((sql, params) => this.ds.query(sql, params),
      `DELETE FROM routing.answer_requests WHERE ctid IN (
         SELECT ctid FROM routing.answer_requests WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
      [this.config.housekeeping.afterDays], BATCH, stopped);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

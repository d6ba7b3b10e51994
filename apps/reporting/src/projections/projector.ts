import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isDatabaseUnavailable } from '@lotsen/persistence';
import { ReportingConfig } from '../reporting.config';
import { ProjectorRepository } from './projector.repository';

const INTERVAL_MS = 500;
const PRUNE_EVERY_MS = 60_000;

/**
 * Keeps facts and rollups close behind the event store in the background; queries also catch up
 * on what is pending for their tenant before they answer (read-your-writes).
 */
@Injectable()
export class Projector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Projector');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private prunedAt = Date.now();

  constructor(private readonly projector: ProjectorRepository, @Inject(ReportingConfig) private readonly config: ReportingConfig) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = undefined));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      // Streams still receiving their first events are left to settle (see projectionSettleMs).
      while ((await this.projector.catchUp(5000, this.config.projectionSettleMs)) > 0) { /* until nothing settled is pending */ }
      if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        await this.projector.prune();
      }
    } catch (err) {
      if (!isDatabaseUnavailable(err)) this.log.warn(`projection failed: ${(err as Error).message}`);
    }
  }
}

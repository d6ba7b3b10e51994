import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@lotsen/persistence';
import { SessionService } from './session.service';

/** Removes sessions idle past the limit (they are refused on use already; this keeps the table small). */
@Injectable()
export class SessionHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(sessions: SessionService) {
    this.task = new PeriodicTask('SessionHousekeeping', 10 * 60_000, async () => { await sessions.removeIdle(); });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

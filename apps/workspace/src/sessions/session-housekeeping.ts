import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@lotsen/persistence';
import { WorkspaceConfig } from '../workspace.config';
import { SessionService } from './session.service';

/**
 * Removes sessions idle past WORKSPACE_SESSION_IDLE_SECONDS (they are refused on use already; this
 * keeps no sealed tokens longer than needed), every HOUSEKEEPING_INTERVAL_MS.
 */
@Injectable()
export class SessionHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(sessions: SessionService, config: WorkspaceConfig) {
    this.task = new PeriodicTask('SessionHousekeeping', config.housekeeping.intervalMs, async (stopped) => { await sessions.removeIdle(stopped); });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

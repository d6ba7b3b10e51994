import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from './db-errors';

/**
 * Database work that runs every `intervalMs`, never twice at once in one process; a round that
 * finds the database away waits for the next one. `stop()` waits for a round in progress.
 * Rows it works on are claimed in the database (SKIP LOCKED, idempotent deletes), so several
 * instances may run the same task.
 */
export class PeriodicTask {
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(name: string, private readonly intervalMs: number, private readonly round: (stopped: () => boolean) => Promise<void>) {
    this.log = new Logger(name);
  }

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** One round now (or the one already running). */
  runOnce(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.round(() => this.stopped)
      .catch((err) => {
        if (isDatabaseUnavailable(err)) this.log.warn('database unavailable; waiting for the next round');
        else this.log.error(`round failed: ${(err as Error).message}`);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}

/**
 * Runs a DELETE that removes at most `batch` rows (its last parameter is the batch size) until it
 * removes fewer, so a large backlog goes in short statements that never hold up live work.
 * Returns the rows removed.
 */
export async function deleteInBatches(
  query: (sql: string, params: unknown[]) => Promise<unknown>, sql: string, params: unknown[], batch: number, stopped: () => boolean = () => false,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const [, n] = (await query(sql, [...params, batch])) as [unknown, number | undefined];
    removed += n ?? 0;
    if ((n ?? 0) < batch || stopped()) return removed;
  }
}

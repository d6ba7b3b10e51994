import { Logger } from '@nestjs/common';

/**
 * The claims this dispatcher still holds rows under (being sent or recorded), counted per claim
 * id, and the heartbeat that renews their claim time: a live dispatcher keeps its rows however
 * long a slow provider queues them; only a stopped one loses them to the sending timeout.
 */
export class ClaimLeases {
  private readonly held = new Map<string, number>();
  private rows = 0;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly renew: (claimIds: string[]) => Promise<void>, private readonly logger: Logger) {}

  /** Rows held (asked before every claim and by the planner for each delivery it hands over). */
  get count(): number {
    return this.rows;
  }

  hold(claimId: string): void {
    this.held.set(claimId, (this.held.get(claimId) ?? 0) + 1);
    this.rows++;
  }

  release(claimId: string): void {
    const had = this.held.get(claimId);
    if (!had) return;
    this.rows--;
    if (had > 1) this.held.set(claimId, had - 1);
    else this.held.delete(claimId);
  }

  start(everyMs: number): void {
    this.heartbeat = setInterval(() => void this.renewAll(), everyMs);
    this.heartbeat.unref();
  }

  stop(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async renewAll(): Promise<void> {
    if (!this.held.size || !this.heartbeat) return;
    try {
      await this.renew([...this.held.keys()]);
    } catch (err) {
      this.logger.warn(`renewing claims of ${this.held.size} sends failed: ${(err as Error).message}`);
    }
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isDatabaseUnavailable, UnitOfWork } from '@lotsen/persistence';
import { RoutingConfig } from '../routing.config';
import { HOLDS_CAPACITY } from './work-items.repository';

// Agents who could take work now: active, available, below capacity. Computed once per sweep
// (MATERIALIZED), not once per waiting item.
const AVAILABLE_AGENTS = `available AS MATERIALIZED (
  SELECT a.tenant_id, a.id, a.department, a.languages FROM routing.agents a
  WHERE a.active AND a.presence = 'available'
    AND (SELECT count(*) FROM routing.work_items x WHERE x.tenant_id = a.tenant_id AND x.assigned_to = a.id AND ${HOLDS_CAPACITY('x')}) < a.capacity)`;
// One of them in the item's team, speaking its language.
const AGENT_AVAILABLE = `
  SELECT 1 FROM available a
  WHERE a.tenant_id = w.tenant_id
    AND a.department = (CASE WHEN w.department = 'triage' THEN 'kontaktcenter' ELSE w.department END)
    AND w.language = ANY(a.languages)`;
const SKILLED = `
    AND EXISTS (SELECT 1 FROM routing.agent_skills s WHERE s.tenant_id = a.tenant_id AND s.agent_id = a.id
      AND ((s.kind = 'category' AND s.code = w.category) OR (s.kind = 'department' AND s.code = w.topic_department)))`;

/**
 * Overflow: an item waiting past `overflowAfterSeconds` with no qualified agent available is
 * opened to any agent of its team (skill requirement widened); past `supervisorAfterSeconds`
 * with still nobody available it goes to the supervisor queue.
 */
@Injectable()
export class OverflowService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Overflow');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly tx: UnitOfWork, private readonly config: RoutingConfig) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep().then(() => undefined, (err) => {
        if (!isDatabaseUnavailable(err)) this.log.error(`overflow sweep failed: ${(err as Error).message}`);
      }).finally(() => (this.running = undefined));
    }, sweepIntervalMs(this.config));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<{ widened: number; toSupervisor: number }> {
    return this.tx.run(async (m) => {
      const widened = await m.query(
        `WITH ${AVAILABLE_AGENTS}
         UPDATE routing.work_items w SET overflow_stage = 1, updated_at = now()
         WHERE w.status = 'queued' AND w.overflow_stage = 0 AND w.queue <> 'supervisor'
           AND w.enqueued_at < now() - make_interval(secs => $1)
           AND NOT EXISTS (${AGENT_AVAILABLE} ${SKILLED})
         RETURNING w.inquiry_id, w.tenant_id`,
        [this.config.overflowAfterSeconds],
      );
      const escalated = await m.query(
        `WITH ${AVAILABLE_AGENTS}
         UPDATE routing.work_items w SET overflow_stage = 2, queue = 'supervisor', updated_at = now()
         WHERE w.status = 'queued' AND w.overflow_stage = 1
           AND w.enqueued_at < now() - make_interval(secs => $1)
           AND NOT EXISTS (${AGENT_AVAILABLE})
         RETURNING w.inquiry_id, w.tenant_id`,
        [this.config.supervisorAfterSeconds],
      );
      // TypeORM answers an UPDATE with [rows, affected]
      const rows = (r: unknown[]) => (Array.isArray(r[0]) ? r[0] : r) as { inquiry_id: string; tenant_id: string }[];
      const w = rows(widened);
      const s = rows(escalated);
      for (const [list, action] of [[w, 'overflow_widened'], [s, 'overflow_supervisor']] as const) {
        for (const r of list) this.tx.insertAtCommit('routing.work_history', { inquiry_id: r.inquiry_id, tenant_id: r.tenant_id, action, actor: 'routing' });
      }
      if (w.length || s.length) this.log.log(`overflow: ${w.length} widened, ${s.length} to the supervisor queue`);
      return { widened: w.length, toSupervisor: s.length };
    });
  }
}

/**
 * A tenth of the shorter overflow wait (an item moves on at most 10 % late), at least the
 * scheduler interval and at most 30 s: items that wait for an agent who is there are looked at
 * again on every sweep, so sweeping every second for a 15-minute wait only costs.
 */
export function sweepIntervalMs(c: Pick<RoutingConfig, 'overflowAfterSeconds' | 'supervisorAfterSeconds' | 'schedulerIntervalMs'>): number {
  const tenth = Math.min(c.overflowAfterSeconds, c.supervisorAfterSeconds) * 100;
  return Math.max(c.schedulerIntervalMs, Math.min(tenth, 30_000));
}

import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

export type SlaClockName = 'first_response' | 'resolution';

export interface FiredTimer {
  id: string;
  tenantId: string;
  inquiryId: string;
  clock: SlaClockName;
  kind: 'warning' | 'breach';
  dueAt: Date;
  department: string;
}

export interface PausedTimer {
  id: string;
  clock: SlaClockName;
  fireAt: Date;
  dueAt: Date;
  pausedAt: Date;
}

@Injectable()
export class SlaTimersRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** One statement for all of an inquiry's timers (routing is per-query bound). */
  /** Written at commit with the batch's other timers (one statement). */
  insert(timers: { tenantId: string; inquiryId: string; clock: SlaClockName; kind: 'warning' | 'breach'; fireAt: Date; dueAt: Date }[]): void {
    for (const t of timers) {
      this.tx.insertAtCommit('routing.sla_timers', { tenant_id: t.tenantId, inquiry_id: t.inquiryId, clock: t.clock, kind: t.kind, fire_at: t.fireAt, due_at: t.dueAt });
    }
  }

  /** Stops the pending timers of a clock (answered → first response, resolved → both). */
  async stop(inquiryId: string, clocks: SlaClockName[]): Promise<void> {
    await this.tx.manager.query(
      `UPDATE routing.sla_timers SET stopped_at = now() WHERE inquiry_id = $1 AND clock = ANY($2) AND fired_at IS NULL AND stopped_at IS NULL`,
      [inquiryId, clocks],
    );
  }

  /** Pauses an inquiry's pending timers (awaiting the citizen): the scheduler passes them by. */
  async pause(inquiryId: string, at: Date): Promise<void> {
    await this.tx.manager.query(
      `UPDATE routing.sla_timers SET paused_at = $2 WHERE inquiry_id = $1 AND fired_at IS NULL AND stopped_at IS NULL AND paused_at IS NULL`,
      [inquiryId, at],
    );
  }

  /** The paused timers of an inquiry, locked. */
  async paused(inquiryId: string): Promise<PausedTimer[]> {
    const rows = await this.tx.manager.query(
      `SELECT id, clock, fire_at, due_at, paused_at FROM routing.sla_timers WHERE inquiry_id = $1 AND paused_at IS NOT NULL FOR UPDATE`,
      [inquiryId],
    );
    return rows.map((r: Record<string, any>) => ({ id: String(r.id), clock: r.clock, fireAt: r.fire_at, dueAt: r.due_at, pausedAt: r.paused_at }));
  }

  /** Runs a paused timer again with its moved times. */
  async resume(id: string, fireAt: Date, dueAt: Date): Promise<void> {
    await this.tx.manager.query(`UPDATE routing.sla_timers SET paused_at = NULL, fire_at = $2, due_at = $3 WHERE id = $1`, [id, fireAt, dueAt]);
  }

  /**
   * Claims due timers (SKIP LOCKED: two instances never take the same row) and marks them fired
   * in the caller's transaction, so each fires once and a crash before commit fires it again.
   */
  async claimDue(limit: number): Promise<FiredTimer[]> {
    const result = await this.tx.manager.query(
      `WITH due AS (
         SELECT id FROM routing.sla_timers WHERE fired_at IS NULL AND stopped_at IS NULL AND paused_at IS NULL AND fire_at <= now()
         ORDER BY fire_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE routing.sla_timers t SET fired_at = now() FROM due WHERE t.id = due.id
       RETURNING t.id, t.tenant_id, t.inquiry_id, t.clock, t.kind, t.due_at,
         (SELECT w.department FROM routing.work_items w WHERE w.inquiry_id = t.inquiry_id) AS department`,
      [limit],
    );
    // TypeORM answers an UPDATE with [rows, affected]
    const rows: Record<string, unknown>[] = Array.isArray(result[0]) ? result[0] : result;
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id), tenantId: r.tenant_id as string, inquiryId: r.inquiry_id as string, clock: r.clock as SlaClockName,
      kind: r.kind as 'warning' | 'breach', dueAt: r.due_at as Date, department: (r.department as string) ?? 'kontaktcenter',
    }));
  }
}

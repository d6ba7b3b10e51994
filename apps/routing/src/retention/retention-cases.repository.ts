import { Injectable } from '@nestjs/common';
import { RETENTION_SERVICES } from '@lotsen/contracts';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

export interface DueInquiry {
  inquiryId: string;
  tenantId: string;
  category: string | null;
  resolvedAt: Date;
}

/** Which resolved inquiries the rules make due by `asOf`: not under an active hold, not yet published. */
const DUE = `
  SELECT w.inquiry_id, w.tenant_id, w.category, w.resolved_at
  FROM routing.work_items w
  LEFT JOIN routing.retention_rules r ON r.tenant_id = w.tenant_id AND r.category = w.category
  LEFT JOIN routing.retention_rules d ON d.tenant_id = w.tenant_id AND d.category = '*'
  WHERE w.tenant_id = $1 AND w.status = 'resolved'
    AND COALESCE(r.action, d.action) = 'gallras'
    AND w.resolved_at + make_interval(months => COALESCE(r.months, d.months)) <= $2
    AND NOT EXISTS (SELECT 1 FROM routing.retention_cases c WHERE c.inquiry_id = w.inquiry_id)
    AND NOT EXISTS (SELECT 1 FROM routing.legal_holds h WHERE h.inquiry_id = w.inquiry_id AND h.lifted_at IS NULL)`;

export interface RunProgress {
  runId: string;
  asOf: Date;
  requestedBy: string;
  purpose: 'gallring' | 'erasure';
  reason: string | null;
  scheduled: number;
  createdAt: Date;
  /** Inquiries each service has confirmed. */
  done: Record<string, number>;
}

@Injectable()
export class RetentionCasesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async tenants(): Promise<string[]> {
    const rows: { tenant_id: string }[] = await this.tx.manager.query(`SELECT DISTINCT tenant_id FROM routing.retention_rules WHERE action = 'gallras'`);
    return rows.map((r) => r.tenant_id);
  }

  /** What a run as of `asOf` would take, per category (a dry run). */
  async preview(tenantId: string, asOf: Date): Promise<{ category: string | null; inquiries: number }[]> {
    return this.tx.manager.query(
      `SELECT category, count(*)::int AS inquiries FROM (${DUE}) due GROUP BY category ORDER BY category NULLS LAST`,
      [tenantId, asOf],
    );
  }

  /**
   * Claims up to `limit` due inquiries for a run (their work items locked with SKIP LOCKED, and a
   * case row each, so a second instance or a later run never publishes one again). The caller
   * publishes their events in the same transaction.
   */
  async claim(tenantId: string, asOf: Date, runId: string, limit: number): Promise<DueInquiry[]> {
    const rows = await this.tx.manager.query(
      `WITH due AS (${DUE} ORDER BY w.resolved_at LIMIT $4 FOR UPDATE OF w SKIP LOCKED)
       INSERT INTO routing.retention_cases (inquiry_id, tenant_id, run_id, category, resolved_at, due_at)
       SELECT inquiry_id, tenant_id, $3, category, resolved_at, $2 FROM due
       ON CONFLICT (inquiry_id) DO NOTHING
       RETURNING inquiry_id AS "inquiryId", tenant_id AS "tenantId", category, resolved_at AS "resolvedAt"`,
      [tenantId, asOf, runId, limit],
    );
    return returningRows<DueInquiry>(rows);
  }

  async createRun(run: { id: string; tenantId: string; asOf: Date; requestedBy: string; purpose?: 'gallring' | 'erasure'; reason?: string }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO routing.retention_runs (id, tenant_id, as_of, requested_by, purpose, reason, scheduled) VALUES ($1, $2, $3, $4, $5, $6, 0)`,
      [run.id, run.tenantId, run.asOf, run.requestedBy, run.purpose ?? 'gallring', run.reason ?? null],
    );
  }

  /** Claims the given resolved inquiries for an erasure run (the caller checked holds and rules). */
  async claimInquiries(tenantId: string, inquiryIds: string[], runId: string): Promise<DueInquiry[]> {
    const rows = await this.tx.manager.query(
      `INSERT INTO routing.retention_cases (inquiry_id, tenant_id, run_id, category, resolved_at, due_at)
       SELECT w.inquiry_id, w.tenant_id, $3, w.category, w.resolved_at, now() FROM routing.work_items w
       WHERE w.tenant_id = $1 AND w.inquiry_id = ANY($2::uuid[]) AND w.status = 'resolved'
       ON CONFLICT (inquiry_id) DO NOTHING
       RETURNING inquiry_id AS "inquiryId", tenant_id AS "tenantId", category, resolved_at AS "resolvedAt"`,
      [tenantId, inquiryIds, runId],
    );
    return returningRows<DueInquiry>(rows);
  }

  async countScheduled(runId: string, n: number): Promise<void> {
    await this.tx.manager.query(`UPDATE routing.retention_runs SET scheduled = scheduled + $2 WHERE id = $1`, [runId, n]);
  }

  async dropRunIfEmpty(runId: string): Promise<void> {
    await this.tx.manager.query(`DELETE FROM routing.retention_runs WHERE id = $1 AND scheduled = 0`, [runId]);
  }

  /** A service's confirmation; a redelivered one changes nothing. */
  async recordStep(step: { inquiryId: string; service: string; runId: string; rows: number; doneAt: Date }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO routing.retention_steps (inquiry_id, service, run_id, rows, done_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [step.inquiryId, step.service, step.runId, step.rows, step.doneAt],
    );
  }

  async runs(tenantId: string, limit: number): Promise<RunProgress[]> {
    const runs: Omit<RunProgress, 'done'>[] = await this.tx.manager.query(
      `SELECT id AS "runId", as_of AS "asOf", requested_by AS "requestedBy", purpose, reason, scheduled, created_at AS "createdAt"
       FROM routing.retention_runs WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [tenantId, limit],
    );
    if (!runs.length) return [];
    const steps: { run_id: string; service: string; n: number }[] = await this.tx.manager.query(
      `SELECT run_id, service, count(*)::int AS n FROM routing.retention_steps WHERE run_id = ANY($1::uuid[]) GROUP BY run_id, service`,
      [runs.map((r) => r.runId)],
    );
    return runs.map((r) => ({
      ...r,
      done: Object.fromEntries(RETENTION_SERVICES.map((s) => [s, steps.find((x) => x.run_id === r.runId && x.service === s)?.n ?? 0])),
    }));
  }

  async inquiry(tenantId: string, inquiryId: string) {
    const [c] = await this.tx.manager.query(
      `SELECT run_id AS "runId", category, resolved_at AS "resolvedAt", published_at AS "publishedAt" FROM routing.retention_cases WHERE tenant_id = $1 AND inquiry_id = $2`,
      [tenantId, inquiryId],
    );
    if (!c) return undefined;
    const steps: { service: string; rows: number; done_at: Date }[] = await this.tx.manager.query(
      `SELECT service, rows, done_at FROM routing.retention_steps WHERE inquiry_id = $1`,
      [inquiryId],
    );
    return {
      ...c,
      services: Object.fromEntries(RETENTION_SERVICES.map((s) => {
        const step = steps.find((x) => x.service === s);
        return [s, step ? { doneAt: step.done_at, rows: step.rows } : null];
      })),
    };
  }
}

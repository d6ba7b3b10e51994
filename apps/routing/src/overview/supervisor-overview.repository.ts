import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { HOLDS_CAPACITY } from '../work/work-items.repository';

export interface QueueFigures {
  department: string;
  queue: string;
  waiting: number;
  oldestEnqueuedAt: string;
  atRisk: number;
}

export interface OverviewItem {
  inquiryId: string;
  reference: string;
  department: string;
  queue: string;
  status: string;
  assignedTo: string | null;
  enqueuedAt: string;
}

export interface AgentFigures {
  id: string;
  name: string;
  presence: string;
  capacity: number;
  load: number;
  /** References of the open items the agent holds, oldest first, at most `currentLimit` of them. */
  current: string[];
}

/** Triage (routing was not sure) and the supervisor queue (overflow found nobody). */
const NEEDS_SUPERVISOR = `status = 'queued' AND (department = 'triage' OR queue = 'supervisor')`;
/** The due time that matters now: the first response until answered, then the resolution. */
const DUE = `COALESCE(CASE WHEN answered_at IS NULL THEN first_response_due_at END, resolution_due_at)`;
const ITEM_COLUMNS = `inquiry_id, reference, department, queue, status, assigned_to, enqueued_at`;

const toItem = (r: Record<string, any>): OverviewItem => ({
  inquiryId: r.inquiry_id, reference: r.reference, department: r.department, queue: r.queue, status: r.status,
  assignedTo: r.assigned_to, enqueuedAt: new Date(r.enqueued_at).toISOString(),
});

/** The supervisor's figures, computed in the database: every answer is bounded whatever the queues hold. */
@Injectable()
export class SupervisorOverviewRepository {
  constructor(private readonly tx: UnitOfWork) {}

  private q(sql: string, params: unknown[]) {
    return this.tx.manager.query(sql, params);
  }

  async queues(tenantId: string, riskBefore: Date): Promise<QueueFigures[]> {
    const rows = await this.q(
      `SELECT department, queue, count(*)::int AS waiting, min(enqueued_at) AS oldest, count(*) FILTER (WHERE ${DUE} < $2)::int AS at_risk
       FROM routing.work_items WHERE tenant_id = $1 AND status = 'queued'
       GROUP BY department, queue ORDER BY department, queue`,
      [tenantId, riskBefore],
    );
    return rows.map((r: Record<string, any>) => ({
      department: r.department, queue: r.queue, waiting: r.waiting, oldestEnqueuedAt: new Date(r.oldest).toISOString(), atRisk: r.at_risk,
    }));
  }

  triage(tenantId: string, limit: number): Promise<{ total: number; items: OverviewItem[] }> {
    return this.oldestFirst(tenantId, NEEDS_SUPERVISOR, limit);
  }

  /** Open items (not resolved), oldest first: what a supervisor may reassign. */
  open(tenantId: string, limit: number): Promise<{ total: number; items: OverviewItem[] }> {
    return this.oldestFirst(tenantId, `status <> 'resolved'`, limit);
  }

  /** The tenant's items matching `where` (code-built SQL): how many, and the oldest `limit` of them. */
  private async oldestFirst(tenantId: string, where: string, limit: number): Promise<{ total: number; items: OverviewItem[] }> {
    const [{ n }] = await this.q(`SELECT count(*)::int AS n FROM routing.work_items WHERE tenant_id = $1 AND ${where}`, [tenantId]);
    const rows = await this.q(
      `SELECT ${ITEM_COLUMNS} FROM routing.work_items WHERE tenant_id = $1 AND ${where} ORDER BY enqueued_at, inquiry_id LIMIT $2`,
      [tenantId, limit],
    );
    return { total: n, items: rows.map(toItem) };
  }

  /** Active agents with their load (items held against capacity) and their current items. */
  async agents(tenantId: string, limit: number, currentLimit: number): Promise<{ total: number; available: number; agents: AgentFigures[] }> {
    const [{ n, available }] = await this.q(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE presence = 'available')::int AS available FROM routing.agents WHERE tenant_id = $1 AND active`,
      [tenantId],
    );
    const rows = await this.q(
      `SELECT a.id, a.name, a.presence, a.capacity,
         (SELECT count(*)::int FROM routing.work_items w WHERE w.tenant_id = a.tenant_id AND w.assigned_to = a.id AND ${HOLDS_CAPACITY('w')}) AS load,
         ARRAY(SELECT w.reference FROM routing.work_items w WHERE w.tenant_id = a.tenant_id AND w.assigned_to = a.id AND w.status <> 'resolved'
               ORDER BY w.enqueued_at LIMIT $3) AS current
       FROM routing.agents a WHERE a.tenant_id = $1 AND a.active ORDER BY a.name, a.id LIMIT $2`,
      [tenantId, limit, currentLimit],
    );
    return {
      total: n, available,
      agents: rows.map((r: Record<string, any>) => ({ id: r.id, name: r.name, presence: r.presence, capacity: r.capacity, load: r.load, current: r.current })),
    };
  }
}

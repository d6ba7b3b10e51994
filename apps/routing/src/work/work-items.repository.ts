import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { Queue } from '../routing/decision';
import { AgentProfile, Candidate } from './ranking';

export type WorkStatus = 'queued' | 'assigned' | 'answered' | 'awaiting_citizen' | 'resolved';

export interface WorkItem {
  inquiryId: string;
  tenantId: string;
  reference: string;
  department: string;
  queue: Queue;
  category: string | null;
  topicDepartment: string;
  type: string;
  language: string;
  priority: number;
  urgent: boolean;
  status: WorkStatus;
  assignedTo: string | null;
  assignedAt: Date | null;
  overflowStage: number;
  enqueuedAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  answeredAt: Date | null;
  resolvedAt: Date | null;
  /** While awaiting the citizen: since when, and the status their reply brings back. */
  pausedAt: Date | null;
  statusBeforePause: WorkStatus | null;
  /** The case number the department's own case-management system gave it (diarienummer). */
  caseNumber: string | null;
  suggestions: unknown[];
}

export function toWorkItem(r: Record<string, any>): WorkItem {
  return {
    inquiryId: r.inquiry_id, tenantId: r.tenant_id, reference: r.reference, department: r.department, queue: r.queue, category: r.category,
    topicDepartment: r.topic_department, type: r.type, language: r.language, priority: r.priority, urgent: r.urgent, status: r.status,
    assignedTo: r.assigned_to, assignedAt: r.assigned_at, overflowStage: r.overflow_stage, enqueuedAt: r.enqueued_at,
    firstResponseDueAt: r.first_response_due_at, resolutionDueAt: r.resolution_due_at, answeredAt: r.answered_at, resolvedAt: r.resolved_at,
    pausedAt: r.paused_at ?? null, statusBeforePause: r.status_before_pause ?? null, caseNumber: r.case_number ?? null, suggestions: r.suggestions ?? [],
  };
}

const COLUMNS: Record<string, string> = {
  department: 'department', queue: 'queue', status: 'status', assignedTo: 'assigned_to', assignedAt: 'assigned_at', overflowStage: 'overflow_stage',
  enqueuedAt: 'enqueued_at', firstResponseDueAt: 'first_response_due_at', resolutionDueAt: 'resolution_due_at', answeredAt: 'answered_at',
  resolvedAt: 'resolved_at', pausedAt: 'paused_at', statusBeforePause: 'status_before_pause', caseNumber: 'case_number', priority: 'priority', category: 'category', topicDepartment: 'topic_department',
};

/**
 * SQL: work item `w` counts against its agent's capacity (their load). Take next, overflow and the
 * supervisor's overview all count it this way.
 */
export const HOLDS_CAPACITY = (w: string) => `${w}.status IN ('assigned', 'answered')`;

@Injectable()
export class WorkItemsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  private q(sql: string, params: unknown[] = []) {
    return this.tx.manager.query(sql, params);
  }

  /** A new item, written at commit with the other items of the consumer batch. */
  insert(w: Omit<WorkItem, 'assignedAt' | 'overflowStage' | 'enqueuedAt' | 'answeredAt' | 'resolvedAt' | 'pausedAt' | 'statusBeforePause' | 'caseNumber' | 'suggestions'> & { resolvedAt?: Date | null }): void {
    this.tx.insertAtCommit('routing.work_items', {
      inquiry_id: w.inquiryId, tenant_id: w.tenantId, reference: w.reference, department: w.department, queue: w.queue, category: w.category,
      topic_department: w.topicDepartment, type: w.type, language: w.language, priority: w.priority, urgent: w.urgent, status: w.status,
      assigned_to: w.assignedTo, first_response_due_at: w.firstResponseDueAt, resolution_due_at: w.resolutionDueAt, resolved_at: w.resolvedAt ?? null,
    });
  }

  async find(tenantId: string, id: string, lock = false): Promise<WorkItem | undefined> {
    const [r] = await this.q(`SELECT * FROM routing.work_items WHERE inquiry_id = $1 AND tenant_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [id, tenantId]);
    return r ? toWorkItem(r) : undefined;
  }

  async update(id: string, patch: Partial<WorkItem>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [k, v] of Object.entries(patch)) {
      const col = COLUMNS[k];
      if (!col) throw new Error(`work item field ${k} cannot be updated`);
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    }
    await this.q(`UPDATE routing.work_items SET ${sets.join(', ')}, updated_at = now() WHERE inquiry_id = $1`, params);
  }

  /** Items currently held by an agent (its load against capacity). */
  async load(tenantId: string, agentId: string): Promise<number> {
    const [r] = await this.q(
      `SELECT count(*)::int AS n FROM routing.work_items w WHERE w.tenant_id = $1 AND w.assigned_to = $2 AND ${HOLDS_CAPACITY('w')}`,
      [tenantId, agentId],
    );
    return r.n;
  }

  /**
   * Queued items this agent may take, best first by priority and due time (ranking finishes in
   * code): its team, its languages, a skill for the category or topic (unless the item has
   * overflowed, is in triage — its topic is unknown —, or the agent is a supervisor), and the
   * supervisor queue only for supervisors.
   */
  async candidates(tenantId: string, agent: AgentProfile, limit = 50): Promise<Candidate[]> {
    const supervisor = agent.role === 'supervisor';
    const rows = await this.q(
      `SELECT * FROM (
         SELECT w.inquiry_id, w.priority, w.first_response_due_at, w.enqueued_at, w.overflow_stage, w.queue,
           COALESCE((SELECT max(s.level) FROM routing.agent_skills s WHERE s.tenant_id = w.tenant_id AND s.agent_id = $2
             AND ((s.kind = 'category' AND s.code = w.category) OR (s.kind = 'department' AND s.code = w.topic_department))), 0) AS skill
         FROM routing.work_items w
         WHERE w.tenant_id = $1 AND w.status = 'queued'
           AND (CASE WHEN w.department = 'triage' THEN 'kontaktcenter' ELSE w.department END) = $3
           AND (w.queue <> 'supervisor' OR $5)
           AND (w.language = ANY($4::text[]) OR ($5 AND w.queue = 'supervisor'))
       ) c
       WHERE c.skill > 0 OR c.overflow_stage >= 1 OR c.queue = 'triage' OR $5
       ORDER BY c.priority, c.first_response_due_at NULLS LAST, c.enqueued_at
       LIMIT $6`,
      [tenantId, agent.id, agent.department, agent.languages, supervisor, limit],
    );
    return rows.map((r: Record<string, any>) => ({
      inquiryId: r.inquiry_id, priority: r.priority, dueAt: r.first_response_due_at, skill: Number(r.skill), enqueuedAt: r.enqueued_at,
    }));
  }

  /** Locks a still-queued item; undefined if another claim has it (locked or no longer queued). */
  async lockQueued(tenantId: string, id: string): Promise<WorkItem | undefined> {
    const [r] = await this.q(
      `SELECT * FROM routing.work_items WHERE inquiry_id = $1 AND tenant_id = $2 AND status = 'queued' FOR UPDATE SKIP LOCKED`,
      [id, tenantId],
    );
    return r ? toWorkItem(r) : undefined;
  }

  async list(tenantId: string, f: { department?: string; queue?: string; status?: string; assignedTo?: string; open?: boolean; limit: number }): Promise<WorkItem[]> {
    const where = ['tenant_id = $1'];
    if (f.open) where.push(`status <> 'resolved'`);
    const params: unknown[] = [tenantId];
    for (const [col, v] of [['department', f.department], ['queue', f.queue], ['status', f.status], ['assigned_to', f.assignedTo]] as const) {
      if (v === undefined) continue;
      params.push(v);
      where.push(`${col} = $${params.length}`);
    }
    params.push(f.limit);
    const rows = await this.q(
      `SELECT * FROM routing.work_items WHERE ${where.join(' AND ')} ORDER BY priority, first_response_due_at NULLS LAST, enqueued_at LIMIT $${params.length}`,
      params,
    );
    return rows.map(toWorkItem);
  }

  async addHistory(h: { inquiryId: string; tenantId: string; action: string; actor: string; details?: Record<string, unknown> }): Promise<void> {
    await this.q(`INSERT INTO routing.work_history (inquiry_id, tenant_id, action, actor, details) VALUES ($1,$2,$3,$4,$5)`, [
      h.inquiryId, h.tenantId, h.action, h.actor, JSON.stringify(h.details ?? {}),
    ]);
  }

  /** The same, written at commit with the batch's other history rows (nothing reads it back meanwhile). */
  addHistoryAtCommit(h: { inquiryId: string; tenantId: string; action: string; actor: string; details?: Record<string, unknown> }): void {
    this.tx.insertAtCommit('routing.work_history', { inquiry_id: h.inquiryId, tenant_id: h.tenantId, action: h.action, actor: h.actor, details: h.details ?? {} });
  }

  async history(inquiryId: string): Promise<{ action: string; actor: string; details: unknown; at: string }[]> {
    const rows = await this.q(`SELECT action, actor, details, at FROM routing.work_history WHERE inquiry_id = $1 ORDER BY id`, [inquiryId]);
    return rows.map((r: Record<string, any>) => ({ action: r.action, actor: r.actor, details: r.details, at: new Date(r.at).toISOString() }));
  }
}

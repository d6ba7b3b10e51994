import { UnitOfWork } from '@lotsen/persistence';
import { Principal, rolesOf } from '@lotsen/platform';

export interface AuditEntry {
  /** e.g. inquiry.read, thread.read, attachment.read, deliveries.read, template.change, agreement.change. */
  action: string;
  inquiryId?: string;
  /** What else was touched (a template, a category code). */
  target?: string;
  /** full | redacted | changed. */
  outcome: 'full' | 'redacted' | 'changed';
  /** The need-to-know basis (assigned, department, clearance, break-the-glass…). */
  basis?: string;
  /** The reason given for reading beyond need-to-know. */
  reason?: string;
}

export interface AuditRow {
  at: Date;
  actor: string;
  actorName: string | null;
  actorKind: string;
  roles: string[];
  action: string;
  inquiryId: string | null;
  target: string | null;
  outcome: string;
  basis: string | null;
  reason: string | null;
}

/** Who someone is in the trail: a person by their subject, a system by its key. */
export function actorOf(p: Principal): { actor: string; name: string | null; kind: 'person' | 'system' } {
  if (p.kind === 'person') return { actor: p.subjectId ?? p.keyId, name: p.name ?? null, kind: 'person' };
  return { actor: `key:${p.keyId}`, name: p.subjectId ?? p.channel ?? p.role ?? null, kind: 'system' };
}

/** One service's audit trail (its own schema); inserted in the caller's transaction when there is one. */
export class AuditTrail {
  constructor(private readonly tx: UnitOfWork, private readonly schema: string) {}

  async record(p: Principal, e: AuditEntry): Promise<void> {
    const a = actorOf(p);
    await this.tx.manager.query(
      `INSERT INTO "${this.schema}".audit_trail (tenant_id, actor, actor_name, actor_kind, roles, action, inquiry_id, target, outcome, basis, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [p.tenantId, a.actor, a.name, a.kind, rolesOf(p), e.action, e.inquiryId ?? null, e.target ?? null, e.outcome, e.basis ?? null, e.reason ?? null],
    );
  }

  async list(tenantId: string, f: { inquiryId?: string; limit: number }): Promise<AuditRow[]> {
    return this.tx.manager.query(
      `SELECT at, actor, actor_name AS "actorName", actor_kind AS "actorKind", roles, action, inquiry_id AS "inquiryId", target, outcome, basis, reason
       FROM "${this.schema}".audit_trail
       WHERE tenant_id = $1 AND ($2::uuid IS NULL OR inquiry_id = $2::uuid)
       ORDER BY at DESC, id DESC LIMIT $3`,
      [tenantId, f.inquiryId ?? null, f.limit],
    );
  }
}

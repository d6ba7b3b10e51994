import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

/** The tenant-wide default rule is stored under this category. */
export const DEFAULT_RULE = '*';

export interface RetentionRule {
  category: string;
  action: 'gallras' | 'bevaras';
  months: number | null;
  note: string | null;
  changedBy: string;
  changedAt: Date;
}

@Injectable()
export class RetentionRulesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async list(tenantId: string): Promise<RetentionRule[]> {
    return this.tx.manager.query(
      `SELECT category, action, months, note, changed_by AS "changedBy", changed_at AS "changedAt"
       FROM routing.retention_rules WHERE tenant_id = $1 ORDER BY category = '*' DESC, category`,
      [tenantId],
    );
  }

  async put(tenantId: string, rule: Omit<RetentionRule, 'changedAt'>): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO routing.retention_rules (tenant_id, category, action, months, note, changed_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, category) DO UPDATE SET action = $3, months = $4, note = $5, changed_by = $6, changed_at = now()`,
      [tenantId, rule.category, rule.action, rule.months, rule.note, rule.changedBy],
    );
  }

  async remove(tenantId: string, category: string): Promise<boolean> {
    const rows = await this.tx.manager.query(`DELETE FROM routing.retention_rules WHERE tenant_id = $1 AND category = $2 RETURNING 1`, [tenantId, category]);
    return (Array.isArray(rows[0]) ? rows[0] : rows).length > 0;
  }
}

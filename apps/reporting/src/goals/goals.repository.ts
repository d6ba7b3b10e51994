import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { Goal, GOAL_KPIS } from './goal-definitions';

@Injectable()
export class GoalsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async list(tenantId: string): Promise<Goal[]> {
    const rows: Array<{ kpi: string; target: number; threshold_seconds: number | null; updated_at: Date }> = await this.tx.manager.query(
      `SELECT kpi, target, threshold_seconds, updated_at FROM reporting.goals WHERE tenant_id = $1 ORDER BY kpi`,
      [tenantId],
    );
    return rows
      .filter((r) => GOAL_KPIS[r.kpi as keyof typeof GOAL_KPIS])
      .map((r) => ({
        kpi: r.kpi as Goal['kpi'], target: r.target, direction: GOAL_KPIS[r.kpi as keyof typeof GOAL_KPIS]!,
        thresholdSeconds: r.threshold_seconds, updatedAt: r.updated_at.toISOString(),
      }));
  }

  async upsert(tenantId: string, kpi: string, target: number, thresholdSeconds: number | null, by: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO reporting.goals (tenant_id, kpi, target, threshold_seconds, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, kpi) DO UPDATE SET target = EXCLUDED.target, threshold_seconds = EXCLUDED.threshold_seconds,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [tenantId, kpi, target, thresholdSeconds, by],
    );
  }

  async remove(tenantId: string, kpi: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`DELETE FROM reporting.goals WHERE tenant_id = $1 AND kpi = $2 RETURNING 1`, [tenantId, kpi]);
    return (Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows).length > 0;
  }
}

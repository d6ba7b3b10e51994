import type { Client } from 'pg';

/** The demo municipality's goals: the kind a Swedish municipality sets for its contact center. */
export const DEMO_GOALS: Array<{ kpi: string; target: number; thresholdSeconds?: number }> = [
  { kpi: 'answeredByCenterPct', target: 75 },
  { kpi: 'handledByCenterPct', target: 90 },
  { kpi: 'firstContactResolutionPct', target: 60 },
  { kpi: 'slaCompliancePct', target: 90 },
  { kpi: 'csatAverage', target: 4 },
  { kpi: 'phoneServiceLevelPct', target: 80, thresholdSeconds: 60 },
  { kpi: 'reopenRatePct', target: 5 },
];

/**
 * Seeds the demo municipality's reporting data (called by scripts/setup/seed-demo.ts inside its
 * transaction, after the staff API keys are written). Idempotent: goals an admin changed stay.
 */
export async function seedReportingDemo(db: Client, ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  for (const g of DEMO_GOALS) {
    await db.query(
      `INSERT INTO reporting.goals (tenant_id, kpi, target, threshold_seconds, updated_by) VALUES ($1, $2, $3, $4, 'demo-seed')
       ON CONFLICT (tenant_id, kpi) DO NOTHING`,
      [ctx.tenantId, g.kpi, g.target, g.thresholdSeconds ?? null],
    );
  }
}

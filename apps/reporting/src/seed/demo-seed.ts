import type { Client } from 'pg';
import { categories, demoCalendar } from '@lotsen/demo-municipality';

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
 * transaction, after the staff API keys are written): goals, the calendar routing starts from
 * (later changes arrive as tenant.calendar.changed) and the category names the dashboard shows.
 * Idempotent: goals an admin changed and a calendar announced since stay.
 */
export async function seedReportingDemo(db: Client, ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  for (const g of DEMO_GOALS) {
    await db.query(
      `INSERT INTO reporting.goals (tenant_id, kpi, target, threshold_seconds, updated_by) VALUES ($1, $2, $3, $4, 'demo-seed')
       ON CONFLICT (tenant_id, kpi) DO NOTHING`,
      [ctx.tenantId, g.kpi, g.target, g.thresholdSeconds ?? null],
    );
  }
  await db.query(
    `INSERT INTO reporting.tenant_calendars (tenant_id, spec, changed_at) VALUES ($1, $2, '-infinity') ON CONFLICT (tenant_id) DO NOTHING`,
    [ctx.tenantId, JSON.stringify(demoCalendar)],
  );
  for (const c of categories) {
    await db.query(
      `INSERT INTO reporting.category_names (tenant_id, code, names) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, code) DO UPDATE SET names = EXCLUDED.names`,
      [ctx.tenantId, c.code, JSON.stringify(c.name)],
    );
  }
}

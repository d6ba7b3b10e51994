import type { Client } from 'pg';

/**
 * Seeds the demo municipality's notifications data (called by scripts/setup/seed-demo.ts inside its
 * transaction, after the staff API keys are written). Must be idempotent: npm start may run it again.
 */
export async function seedNotificationsDemo(db: Client, ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  // The demo tenant sends from its contact center and apologises when an SLA is missed.
  await db.query(
    `INSERT INTO notifications.tenant_settings (tenant_id, name, from_address, reply_to, sms_sender, sla_apology_enabled, sla_apology_extension_hours)
     VALUES ($1, 'Demo kommun', 'Demo kommun <kontakt@demo.lotsen.se>', 'Demo kommun <kontakt@demo.lotsen.se>', 'DemoKommun', true, 72)
     ON CONFLICT (tenant_id) DO NOTHING`,
    [ctx.tenantId],
  );
}

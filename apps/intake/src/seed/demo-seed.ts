import { Client } from 'pg';

/** The demo municipality's inbound mail addresses (idempotent). */
export const DEMO_MAIL_ROUTES = ['kontakt@demo.lotsen.se', '*@demo.lotsen.se'];

export async function seedIntakeDemo(c: Client, ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  for (const address of DEMO_MAIL_ROUTES) {
    await c.query(
      `INSERT INTO intake.mail_routes (address, tenant_id) VALUES ($1, $2) ON CONFLICT (address) DO UPDATE SET tenant_id = EXCLUDED.tenant_id`,
      [address, ctx.tenantId],
    );
  }
}

import { Client } from 'pg';
import { categories } from '@lotsen/demo-municipality';

/** The demo municipality's inbound mail addresses (idempotent). */
export const DEMO_MAIL_ROUTES = ['kontakt@demo.lotsen.se', '*@demo.lotsen.se'];

export async function seedIntakeDemo(c: Client, ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  for (const address of DEMO_MAIL_ROUTES) {
    await c.query(
      `INSERT INTO intake.mail_routes (address, tenant_id) VALUES ($1, $2) ON CONFLICT (address) DO UPDATE SET tenant_id = EXCLUDED.tenant_id`,
      [address, ctx.tenantId],
    );
  }
  // Public only where the demo catalogue says so (faults in streets, parks, lighting, water).
  await c.query(
    `UPDATE intake.service_definitions SET public = (code = ANY($2::text[])) WHERE tenant_id = $1`,
    [ctx.tenantId, categories.filter((cat) => cat.public === true).map((cat) => cat.code)],
  );
}

import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { CHANNELS } from '@lotsen/contracts';
import { generateApiKey, hashApiKey } from '@lotsen/platform';
import { seedIntakeDemo } from '../../apps/intake/src/seed/demo-seed';
import { seedNotificationsDemo } from '../../apps/notifications/src/seed/demo-seed';
import { seedReportingDemo } from '../../apps/reporting/src/seed/demo-seed';
import { seedRoutingDemo } from '../../apps/routing/src/seed/demo-seed';
import { categories, demoTenant } from '@lotsen/demo-municipality';

export const DEMO_STAFF_ROLES = ['agent', 'supervisor', 'admin', 'department'] as const;

export interface DemoKeys {
  tenant: string;
  keys: Record<string, string>;
}

/** True if the demo tenant exists already. */
export async function demoSeeded(databaseUrl: string): Promise<boolean> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM intake.tenants WHERE id = $1', [demoTenant.id]);
    return Boolean(rowCount);
  } finally {
    await c.end();
  }
}

/**
 * Seeds the demo municipality in every service's schema (run by `npm start`, which owns all
 * schemas; the services themselves never touch another's tables) and issues fresh API keys:
 * one per channel and one per staff role. Earlier demo keys are revoked.
 */
export async function seedDemo(databaseUrl: string, extra?: (c: Client, keys: DemoKeys) => Promise<void>): Promise<DemoKeys> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  const keys: DemoKeys = { tenant: demoTenant.id, keys: {} };
  try {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO intake.tenants (id, name, reference_prefix, jurisdiction_id, timezone) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, jurisdiction_id = EXCLUDED.jurisdiction_id`,
      [demoTenant.id, demoTenant.name, demoTenant.referencePrefix, demoTenant.jurisdictionId, demoTenant.timezone],
    );
    for (const cat of categories) {
      await c.query(
        `INSERT INTO intake.service_definitions (tenant_id, code, name, description, group_name, keywords, department, fault_report, attributes)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
           group_name = EXCLUDED.group_name, keywords = EXCLUDED.keywords, department = EXCLUDED.department,
           fault_report = EXCLUDED.fault_report`,
        [demoTenant.id, cat.code, JSON.stringify(cat.name), JSON.stringify(cat.description), cat.group,
          [...cat.keywords.sv.slice(0, 3), ...cat.keywords.en.slice(0, 3)].map((k) => k.replace(/\*$/, '')), cat.department,
          cat.faultReport, JSON.stringify([])],
      );
    }
    await c.query(`UPDATE intake.api_keys SET revoked_at = now() WHERE tenant_id = $1 AND label LIKE 'demo %' AND revoked_at IS NULL`, [demoTenant.id]);
    for (const channel of CHANNELS) {
      const key = generateApiKey();
      keys.keys[channel] = key;
      await c.query(`INSERT INTO intake.api_keys (id, tenant_id, key_hash, label, channel) VALUES ($1,$2,$3,$4,$5)`,
        [randomUUID(), demoTenant.id, hashApiKey(key), `demo ${channel}`, channel]);
    }
    for (const role of DEMO_STAFF_ROLES) {
      const key = generateApiKey();
      keys.keys[role] = key;
      const subject = role === 'department' ? 'gata_park' : `demo-${role}`;
      await c.query(`INSERT INTO intake.api_keys (id, tenant_id, key_hash, label, role, subject_id) VALUES ($1,$2,$3,$4,$5,$6)`,
        [randomUUID(), demoTenant.id, hashApiKey(key), `demo ${role}`, role, subject]);
      for (const schema of ['routing', 'notifications', 'reporting']) {
        await c.query(`UPDATE ${schema}.api_keys SET revoked_at = now() WHERE tenant_id = $1 AND label = $2 AND revoked_at IS NULL`, [demoTenant.id, `demo ${role}`]);
        await c.query(`INSERT INTO ${schema}.api_keys (id, tenant_id, key_hash, label, role, subject_id) VALUES ($1,$2,$3,$4,$5,$6)`,
          [randomUUID(), demoTenant.id, hashApiKey(key), `demo ${role}`, role, subject]);
      }
    }
    const ctx = { tenantId: demoTenant.id, keys: keys.keys };
    await seedIntakeDemo(c, ctx);
    await seedRoutingDemo(c, ctx);
    await seedNotificationsDemo(c, ctx);
    await seedReportingDemo(c, ctx);
    if (extra) await extra(c, keys);
    await c.query('COMMIT');
    return keys;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}

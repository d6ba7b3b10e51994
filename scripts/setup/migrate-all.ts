import { Client } from 'pg';
import { createServiceDataSource, ensureDatabase, grantServiceRole, runMigrations, serviceRoleName } from '@lotsen/persistence';
import { intakeMigrations } from '../../apps/intake/src/migrations';
import { notificationsMigrations } from '../../apps/notifications/src/migrations';
import { reportingMigrations } from '../../apps/reporting/src/migrations';
import { routingMigrations } from '../../apps/routing/src/migrations';

export const SERVICE_MIGRATIONS = {
  intake: intakeMigrations,
  routing: routingMigrations,
  notifications: notificationsMigrations,
  reporting: reportingMigrations,
} as const;

export type ServiceName = keyof typeof SERVICE_MIGRATIONS;
export const SERVICES = Object.keys(SERVICE_MIGRATIONS) as ServiceName[];

/** Creates the database if needed and brings each service's schema up to date. */
export async function migrateAll(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  if (await ensureDatabase(databaseUrl)) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  for (const service of SERVICES) {
    const ds = createServiceDataSource({ url: databaseUrl, schema: service, migrations: SERVICE_MIGRATIONS[service], poolSize: 1 });
    await ds.initialize();
    try {
      const applied = await runMigrations(ds, service);
      log(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
    } finally {
      await ds.destroy();
    }
  }
  const owner = new Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    for (const service of SERVICES) await grantServiceRole(owner, service);
    log(`roles: ${SERVICES.map(serviceRoleName).join(', ')} may use only their own schema`);
  } finally {
    await owner.end();
  }
}

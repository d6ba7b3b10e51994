import { Client } from 'pg';
import { createServiceDataSource, ensureDatabase, grantServiceRole, runMigrations, serviceRoleName } from '@lotsen/persistence';
import { intakeMigrations } from '../../apps/intake/src/migrations';
import { notificationsMigrations } from '../../apps/notifications/src/migrations';
import { reportingMigrations } from '../../apps/reporting/src/migrations';
import { routingMigrations } from '../../apps/routing/src/migrations';
import { workspaceMigrations } from '../../apps/workspace/src/migrations';

export const SERVICE_MIGRATIONS = {
  intake: intakeMigrations,
  routing: routingMigrations,
  notifications: notificationsMigrations,
  reporting: reportingMigrations,
} as const;

export type ServiceName = keyof typeof SERVICE_MIGRATIONS;
export const SERVICES = Object.keys(SERVICE_MIGRATIONS) as ServiceName[];

/** The staff workspace keeps only sign-in sessions (and the live queue's consumer tables): no citizen data. */
export const WORKSPACE = 'workspace';
const SCHEMAS = { ...SERVICE_MIGRATIONS, [WORKSPACE]: workspaceMigrations };

/** Creates the database if needed and brings each service's schema up to date. */
export async function migrateAll(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  if (await ensureDatabase(databaseUrl)) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  for (const [service, migrations] of Object.entries(SCHEMAS)) {
    const ds = createServiceDataSource({ url: databaseUrl, schema: service, migrations, poolSize: 1 });
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
    for (const service of Object.keys(SCHEMAS)) await grantServiceRole(owner, service);
    log(`roles: ${Object.keys(SCHEMAS).map(serviceRoleName).join(', ')} may use only their own schema`);
  } finally {
    await owner.end();
  }
}

import { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations, ServiceDataSourceOptions, UnitOfWork } from '@lotsen/persistence';
import { createTestEnv, TestEnv } from './test-env';

export interface ServiceDatabase {
  env: TestEnv;
  ds: DataSource;
  tx: UnitOfWork;
  close(): Promise<void>;
}

/** A test database of its own with one service's schema migrated, a small pool and a UnitOfWork: for repository tests. */
export async function migratedServiceDatabase(
  schema: string, migrations: NonNullable<ServiceDataSourceOptions['migrations']>, poolSize = 2,
): Promise<ServiceDatabase> {
  const env = await createTestEnv();
  const ds = createServiceDataSource({ url: env.databaseUrl, schema, migrations, poolSize });
  await ds.initialize();
  await runMigrations(ds, schema);
  return { env, ds, tx: new UnitOfWork(ds), close: async () => { await ds.destroy(); await env.cleanup(); } };
}

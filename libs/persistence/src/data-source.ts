import { DataSource, MixedList, EntitySchema } from 'typeorm';
import { PreparingClient } from './named-statements';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema; tables, migrations table and search_path all live there. */
  schema: string;
  entities?: MixedList<Function | string | EntitySchema>;
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

export function createServiceDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities ?? [],
    migrations: o.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: o.applicationName ?? `lotsen-${o.schema}`,
    poolSize: o.poolSize ?? 10,
    extra: {
      Client: PreparingClient,
      // Fail fast instead of hanging when Postgres is down: callers answer 503.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      options: `-c search_path=${o.schema},public -c statement_timeout=30000 -c lock_timeout=10000`,
    },
  });
}

/** Creates the schema if needed and applies pending migrations (each in its own transaction). */
export async function runMigrations(ds: DataSource, schema: string): Promise<string[]> {
  await ds.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

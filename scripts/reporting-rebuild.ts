/**
 * `npm run reporting:rebuild`: recomputes every reporting projection (facts, rollups, topic
 * words) from the event store `reporting.events`. Safe while the service runs: one transaction.
 */
import 'reflect-metadata';
import { createServiceDataSource, runMigrations } from '@lotsen/persistence';
import { loadReportingConfig } from '../apps/reporting/src/reporting.config';
import { reportingMigrations } from '../apps/reporting/src/migrations';
import { rebuildProjections } from '../apps/reporting/src/rebuild/rebuild';

async function main(): Promise<void> {
  const config = loadReportingConfig(process.env);
  const ds = createServiceDataSource({ url: config.database.url, schema: 'reporting', migrations: reportingMigrations, poolSize: 1, applicationName: 'lotsen-reporting-rebuild' });
  await ds.initialize();
  try {
    await runMigrations(ds, 'reporting');
    const r = await rebuildProjections(ds, undefined, (l) => process.stdout.write(`  ${l}\n`));
    console.log(`reporting rebuilt from ${r.events} events: ${r.inquiries} inquiries, ${r.calls} calls, ${r.days} days of rollups in ${r.ms} ms`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(`rebuild failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});

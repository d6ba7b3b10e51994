import 'reflect-metadata';
import { startReporting } from './bootstrap';
import { loadReportingConfig } from './reporting.config';

startReporting(loadReportingConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

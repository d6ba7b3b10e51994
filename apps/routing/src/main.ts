import 'reflect-metadata';
import { startRouting } from './bootstrap';
import { loadRoutingConfig } from './routing.config';

startRouting(loadRoutingConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

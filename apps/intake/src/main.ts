import 'reflect-metadata';
import { loadIntakeConfig } from './intake.config';
import { startIntake } from './bootstrap';

startIntake(loadIntakeConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

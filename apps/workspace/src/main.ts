import 'reflect-metadata';
import { startWorkspace } from './bootstrap';
import { loadWorkspaceConfig } from './workspace.config';

startWorkspace(loadWorkspaceConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import { RunningService, startHttpService } from '@lotsen/platform';
import { WorkspaceConfig } from './workspace.config';
import { WorkspaceModule } from './workspace.module';

export function startWorkspace(config: WorkspaceConfig): Promise<RunningService> {
  return startHttpService(WorkspaceModule.forRoot(config), {
    service: 'workspace',
    title: 'Lotsen workspace',
    description: 'The staff workspace: sign-in sessions, the application, the services called as the signed-in person, live updates.',
    logLevel: config.logLevel,
    port: config.port,
    host: config.host,
    consumer: true,
  });
}

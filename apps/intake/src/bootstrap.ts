import { RunningService, startHttpService } from '@lotsen/platform';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

export function startIntake(config: IntakeConfig): Promise<RunningService> {
  return startHttpService(IntakeModule.forRoot(config), {
    service: 'intake',
    title: 'Lotsen intake',
    description: 'One door for every citizen inquiry: the inquiry API and Open311 GeoReport v2.',
    logLevel: config.logLevel,
    port: config.port,
    host: config.host,
    consumer: true,
  });
}

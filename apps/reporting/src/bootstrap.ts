import { RunningService, startHttpService } from '@lotsen/platform';
import { ReportingConfig } from './reporting.config';
import { ReportingModule } from './reporting.module';

export function startReporting(config: ReportingConfig): Promise<RunningService> {
  return startHttpService(ReportingModule.forRoot(config), {
    service: 'reporting',
    title: 'Lotsen reporting',
    description: 'Key figures of the contact center: volumes, answer rates, SLA, satisfaction.',
    logLevel: config.logLevel,
    port: config.port,
    host: config.host,
    consumer: true,
  });
}

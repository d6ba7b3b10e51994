import { RunningService, startHttpService } from '@lotsen/platform';
import { RoutingConfig } from './routing.config';
import { RoutingModule } from './routing.module';

export function startRouting(config: RoutingConfig): Promise<RunningService> {
  return startHttpService(RoutingModule.forRoot(config), {
    service: 'routing',
    title: 'Lotsen routing',
    description: 'Who owns each inquiry next: classification, agreements, skills-based assignment, SLA clocks.',
    logLevel: config.logLevel,
    port: config.port,
    host: config.host,
    consumer: true,
    // model files (POST /v1/models) are a few MB of JSON
    bodyLimit: 8 * 1024 * 1024,
  });
}

import { NestFastifyApplication } from '@nestjs/platform-fastify';
import formbody from '@fastify/formbody';
import { parse as parseQuery } from 'querystring';
import { startEventConsumer } from '@lotsen/messaging';
import { createHttpApp, listen } from '@lotsen/platform';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

export interface RunningService {
  app: NestFastifyApplication;
  url: string;
}

/** Builds, starts (consumer + HTTP) and returns the intake service; used by main.ts and tests. */
export async function startIntake(config: IntakeConfig): Promise<RunningService> {
  const app = await createHttpApp(IntakeModule.forRoot(config), {
    service: 'intake',
    title: 'Lotsen intake',
    description: 'One door for every citizen inquiry: the inquiry API and Open311 GeoReport v2.',
    logLevel: config.logLevel,
  });
  // Open311 posts form-encoded bodies; repeated keys (media_url=a&media_url=b) become arrays.
  await app.register(formbody as never, { parser: (s: string) => parseQuery(s) } as never);
  await startEventConsumer(app);
  const url = await listen(app, config.port, config.host);
  return { app, url };
}

import type { FastifyInstance } from 'fastify';
import { parseTrustProxy, RunningService, startHttpService } from '@lotsen/platform';
import { UPLOAD_ROUTE } from './attachments/attachments.controller';
import { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';
import { FORM_PATH } from './pages/form-page';

/** Larger bodies only where they belong: a staff upload (base64) and the citizen form (long text, any script). */
function raiseBodyLimits(fastify: FastifyInstance, config: IntakeConfig): void {
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    if (route.url === UPLOAD_ROUTE) route.bodyLimit = Math.ceil(config.maxUploadBytes * 1.37) + 4096;
    else if (route.url === FORM_PATH) route.bodyLimit = 512 * 1024;
  });
}

export function startIntake(config: IntakeConfig): Promise<RunningService> {
  return startHttpService(IntakeModule.forRoot(config), {
    service: 'intake',
    title: 'Lotsen intake',
    description: 'One door for every citizen inquiry: the inquiry API, Open311 GeoReport v2, phone events, e-mail (SMTP) and the citizen pages.',
    logLevel: config.logLevel,
    port: config.port,
    host: config.host,
    consumer: true,
    trustProxy: parseTrustProxy(config.trustProxy),
    configure: async (app) => raiseBodyLimits(app.getHttpAdapter().getInstance() as unknown as FastifyInstance, config),
  });
}

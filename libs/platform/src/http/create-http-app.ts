import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { startEventConsumer } from '@lotsen/messaging';
import { Metrics } from '../metrics/metrics';
import { createLogger, PinoNestLogger } from '../logging/logger';
import { maskPii } from '../logging/pii-mask';
import { ProblemFilter } from '../problem/problem.filter';
import { createValidationPipe } from '../problem/validation';
import { TrustProxySetting } from './trust-proxy';

export interface HttpAppOptions {
  service: string;
  title: string;
  description: string;
  version?: string;
  /** Request body limit in bytes (default 64 KB). */
  bodyLimit?: number;
  logLevel?: string;
  /** Proxies whose X-Forwarded-For sets the client address (default: none, the peer is the client). */
  trustProxy?: TrustProxySetting;
}

/**
 * A service's HTTP app on Fastify: problem+json for every error, validation at the edge,
 * JSON logs without personal data, security headers, metrics and OpenAPI at /docs.
 */
export async function createHttpApp(module: unknown, o: HttpAppOptions): Promise<NestFastifyApplication> {
  const log = createLogger(o.service, o.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: o.bodyLimit ?? 64 * 1024,
    trustProxy: o.trustProxy ?? false,
    logger: false,
    // Open311 clients append paths to a base URL that ends with a slash.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger: new PinoNestLogger(log),
    bufferLogs: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    }
    return payload;
  });

  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    if (route !== '/health/live' && route !== '/health/ready' && route !== '/metrics') {
      log.info({ method: req.method, url: maskPii(req.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    }
  });

  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const docs = new DocumentBuilder()
    .setTitle(o.title)
    .setDescription(o.description)
    .setVersion(o.version ?? '1.0')
    .addApiKey({ type: 'apiKey', name: 'x-api-key', in: 'header' }, 'api-key')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, docs), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** Listens and logs where; port 0 picks a free port (tests). Returns the base URL. */
export async function listen(app: INestApplication, port: number, host: string): Promise<string> {
  await app.listen(port, host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  new Logger('Http').log(`listening on ${url}`);
  return url;
}

export interface RunningService {
  app: NestFastifyApplication;
  url: string;
}

/**
 * Creates the app, lets the service `configure` Fastify (e.g. body parsers), starts its event
 * consumer and listens. Used by every service's main.ts and by the tests.
 */
export async function startHttpService(
  module: unknown,
  o: HttpAppOptions & { port: number; host: string; consumer: boolean; configure?: (app: NestFastifyApplication) => Promise<void> },
): Promise<RunningService> {
  const app = await createHttpApp(module, o);
  if (o.configure) await o.configure(app);
  if (o.consumer) await startEventConsumer(app);
  const url = await listen(app, o.port, o.host);
  return { app, url };
}

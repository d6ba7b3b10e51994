import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '@lotsen/persistence';
import { problem, ProblemBody, ProblemException } from './problem';

const logger = new Logger('Problem');

const SLUGS: Record<number, string> = {
  400: 'malformed-request', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed',
  406: 'not-acceptable', 409: 'conflict', 413: 'payload-too-large', 415: 'unsupported-media-type', 429: 'too-many-requests',
};

/** Maps any error to an RFC 9457 body: 4xx for what the client did, 503 when a dependency is down. */
export function toProblem(err: unknown, instance?: string): ProblemBody {
  if (err instanceof ProblemException) return { ...err.body, instance };
  if (err instanceof HttpException) {
    // Includes Fastify's own errors (bad JSON, body too large, media type), mapped by Nest.
    const status = err.getStatus();
    const res = err.getResponse();
    let detail = typeof res === 'string' ? res : (res as { message?: string | string[] }).message;
    if (Array.isArray(detail)) detail = detail.join('; ');
    if (status === 413) detail = 'The request body is larger than the limit.';
    if (status === 404 && !detail?.trim()) detail = 'Not found.';
    return problem(status, SLUGS[status] ?? 'http-error', detail, { instance });
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (isDatabaseUnavailable(err)) {
    return problem(503, 'database-unavailable', 'The service cannot reach its database right now; nothing was stored. Try again shortly.', { instance });
  }
  // Fastify's own errors (body parsing, size, media type) carry a 4xx statusCode.
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const slug = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload-too-large'
      : e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported-media-type'
      : 'malformed-request';
    const detail = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is larger than the limit.'
      : slug === 'malformed-request' ? `The request could not be parsed: ${e.message}` : e.message;
    return problem(e.statusCode, slug, detail, { instance });
  }
  logger.error(err instanceof Error ? err : new Error(String(err)));
  return problem(500, 'internal', 'An unexpected error occurred.', { instance });
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): void {
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toProblem(exception, req.url.split('?')[0]);
    // A limit that will lift says when, in the header clients (and FixMyStreet's retries) read.
    if (body.status === 429 && typeof body.retryAfterSeconds === 'number') void reply.header('retry-after', String(body.retryAfterSeconds));
    // A route may render its own error format (Open311 answers <errors> XML).
    const custom = (req as { problemRenderer?: (b: ProblemBody, r: FastifyReply) => void }).problemRenderer;
    if (custom) return custom(body, reply);
    sendProblem(reply, body);
  }
}

import { Injectable } from '@nestjs/common';
import { ProblemException } from '@lotsen/platform';
import { WorkspaceConfig } from '../workspace.config';

export const UPSTREAMS = ['intake', 'routing', 'notifications', 'reporting'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

/** Request headers a page may pass on to a service; everything else (cookies above all) stays here. */
const FORWARDED = ['accept', 'content-type', 'idempotency-key', 'x-access-reason', 'accept-language'];
const TIMEOUT_MS = 15_000;

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Calls one of the four services as the signed-in person (their access token as Bearer). */
@Injectable()
export class UpstreamClient {
  constructor(private readonly config: WorkspaceConfig) {}

  target(service: string): Upstream {
    if (!(UPSTREAMS as readonly string[]).includes(service)) throw ProblemException.of(404, 'not-found', `No service "${service.slice(0, 40)}".`);
    return service as Upstream;
  }

  async call(service: Upstream, path: string, init: { method: string; headers: Record<string, string | string[] | undefined>; body?: unknown; accessToken: string }): Promise<UpstreamAnswer> {
    if (!/^v1\/[^\s]*$/.test(path) || path.includes('..')) throw ProblemException.of(404, 'not-found', 'Only the services\' /v1 API is reachable here.');
    const headers: Record<string, string> = { authorization: `Bearer ${init.accessToken}` };
    for (const h of FORWARDED) {
      const v = init.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const hasBody = init.body !== undefined && init.method !== 'GET' && init.method !== 'HEAD';
    if (hasBody) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.config.upstream[service]}/${path}`, {
        method: init.method, headers, body: hasBody ? JSON.stringify(init.body) : undefined, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual',
      });
    } catch {
      // The page names the part that is away and keeps the rest working.
      throw ProblemException.of(503, 'service-unavailable', `The ${service} service cannot be reached just now.`, { service } as never);
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(await res.arrayBuffer()) };
  }
}

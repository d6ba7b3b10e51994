import { All, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../sessions/current-session';
import { SessionService } from '../sessions/session.service';
import { WorkspaceConfig } from '../workspace.config';
import { UpstreamClient } from './upstream';

/**
 * /api/<service>/v1/… → that service's /v1/…, as the signed-in person. The browser never holds
 * the token: it sends the session cookie (and the CSRF token for changes), the workspace adds
 * the Bearer token, refreshed when it is about to expire.
 */
@ApiExcludeController()
@Controller('api')
export class ProxyController {
  constructor(
    private readonly config: WorkspaceConfig,
    private readonly current: CurrentSession,
    private readonly sessions: SessionService,
    private readonly upstream: UpstreamClient,
  ) {}

  @All(':service/*')
  async forward(@Param('service') service: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const target = this.upstream.target(service);
    const row = await this.current.require(req, this.config.publicUrl);
    const accessToken = await this.sessions.accessToken(row);
    const path = req.url.slice(`/api/${service}/`.length);
    const answer = await this.upstream.call(target, path, { method: req.method, headers: req.headers, body: req.body, accessToken });
    reply.status(answer.status).header('content-type', answer.contentType).header('cache-control', 'no-store').send(answer.body);
  }
}

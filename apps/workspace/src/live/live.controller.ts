import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../sessions/current-session';
import { WorkspaceConfig } from '../workspace.config';
import { LiveHub } from './live-hub';

const HEARTBEAT_MS = 25_000;

/** Server-sent events: each open page of a tenant hears what changed, and reloads what it shows. */
@ApiExcludeController()
@Controller('api')
export class LiveController {
  constructor(private readonly config: WorkspaceConfig, private readonly current: CurrentSession, private readonly hub: LiveHub) {}

  @Get('live')
  async stream(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const session = await this.current.require(req, this.config.publicUrl);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write(': connected\n\n');
    const unsubscribe = this.hub.subscribe(session.tenantId, {
      send: (u) => res.write(`event: update\ndata: ${JSON.stringify(u)}\n\n`),
      end: () => res.end(),
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}

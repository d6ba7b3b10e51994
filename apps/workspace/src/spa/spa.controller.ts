import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '@lotsen/platform';
import { SpaFiles } from './spa-files';

@ApiExcludeController()
@Controller()
export class SpaController {
  constructor(private readonly files: SpaFiles) {}

  /** The application shell; it asks /api/me who is signed in and sends them to sign in if nobody is. */
  @Get()
  index(@Res() reply: FastifyReply) {
    const f = this.files.file('index.html')!;
    reply.header('content-type', f.type).header('cache-control', 'no-store').send(f.body);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply) {
    const f = this.files.file(`assets/${name}`);
    if (!f) throw ProblemException.of(404, 'not-found', 'No such file.');
    reply.header('content-type', f.type).header('cache-control', 'public, max-age=31536000, immutable').send(f.body);
  }
}

import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, Public } from '@lotsen/platform';
import { PAGE_CSP } from '../pages/html-page';
import { optOutConfirmPage, optOutDonePage, optOutInvalidPage } from './opt-out-page';
import { OptOutService } from './opt-out.service';

function html(reply: FastifyReply, status: number, page: string): string {
  void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store');
  return page;
}

/** The opt-out link of every message (also the List-Unsubscribe target, one-click per RFC 8058). */
@ApiTags('preferences')
@Controller('v1/opt-out')
export class OptOutController {
  constructor(private readonly optOut: OptOutService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'Opt-out page: asks for confirmation (a GET changes nothing).' })
  async page(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const claim = this.optOut.verify(token);
    if (!claim) return html(reply, 404, optOutInvalidPage());
    if ((await this.optOut.state(claim)) === 'opted_out') return html(reply, 200, optOutDonePage(claim.language));
    return html(reply, 200, optOutConfirmPage(claim.language, token));
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stops further messages to the address behind the token (idempotent).' })
  async confirm(@Param('token') token: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const wantsJson = String(req.headers.accept ?? '').includes('application/json');
    const claim = this.optOut.verify(token);
    if (!claim) {
      if (wantsJson) throw ProblemException.of(404, 'not-found', 'This opt-out link is invalid.');
      return html(reply, 404, optOutInvalidPage());
    }
    await this.optOut.optOut(claim);
    if (wantsJson) return { status: 'opted_out' };
    return html(reply, 200, optOutDonePage(claim.language));
  }
}

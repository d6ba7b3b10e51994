import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '@lotsen/platform';
import { CurrentSession } from '../sessions/current-session';
import { clearCookie, LOGIN_COOKIE, readCookie, SESSION_COOKIE, setCookie } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';
import { WorkspaceConfig } from '../workspace.config';
import { RelyingParty } from './relying-party';

/** Only a path of our own, so sign-in cannot be used to send someone elsewhere. */
function localPath(p: unknown): string {
  return typeof p === 'string' && /^\/(?![/\\])[^\s]{0,500}$/.test(p) ? p : '/';
}

@ApiExcludeController()
@Controller()
export class AuthController {
  constructor(
    private readonly config: WorkspaceConfig,
    private readonly rp: RelyingParty,
    private readonly sessions: SessionService,
    private readonly current: CurrentSession,
  ) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  @Get('auth/login')
  async login(@Query('returnTo') returnTo: string | undefined, @Res() reply: FastifyReply) {
    let started: Awaited<ReturnType<RelyingParty['startLogin']>>;
    try {
      started = await this.rp.startLogin(localPath(returnTo));
    } catch {
      throw ProblemException.of(503, 'sign-in-unavailable', 'The sign-in service cannot be reached; try again in a moment.');
    }
    setCookie(reply, LOGIN_COOKIE, this.sessions.sealLogin(started.pending), { secure: this.secure, path: '/auth', maxAgeSeconds: 600 });
    reply.header('cache-control', 'no-store').redirect(started.url, 302);
  }

  @Get('auth/callback')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const pending = this.sessions.openLogin(readCookie(req, LOGIN_COOKIE));
    if (!pending) throw ProblemException.of(400, 'sign-in-expired', 'This sign-in was not started here or has expired; start again.');
    let tokens;
    try {
      tokens = await this.rp.finishLogin(new URL(req.url, this.config.publicUrl), pending);
    } catch (err) {
      throw ProblemException.of(400, 'sign-in-failed', `The provider's answer was not accepted (${err instanceof Error ? err.name : 'error'}); start again.`);
    }
    const { id } = await this.sessions.create(tokens);
    clearCookie(reply, LOGIN_COOKIE, { secure: this.secure, path: '/auth' });
    setCookie(reply, SESSION_COOKIE, id, { secure: this.secure });
    reply.header('cache-control', 'no-store').redirect(pending.returnTo, 302);
  }

  /** Who is signed in, and the CSRF token the page sends with every change. */
  @Get('api/me')
  async me(@Req() req: FastifyRequest) {
    const row = await this.current.require(req, this.config.publicUrl);
    return this.sessions.view(row);
  }

  /** Ends the session here and answers where the provider ends its own (RP-initiated logout). */
  @Post('auth/logout') @HttpCode(200)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.current.require(req, this.config.publicUrl);
    const idToken = await this.sessions.end(readCookie(req, SESSION_COOKIE));
    clearCookie(reply, SESSION_COOKIE, { secure: this.secure });
    return { redirect: (await this.rp.logoutUrl(idToken)) ?? '/' };
  }
}

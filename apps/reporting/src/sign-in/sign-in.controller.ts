import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieHeader, Public, readCookie } from '@lotsen/platform';
import { PendingSignIn, SESSION_COOKIE, SIGN_IN_COOKIE, StaffSession } from './session-cookie';
import { StaffSignIn } from './staff-sign-in.service';

/** The dashboard's sign-in pages: to the provider and back, and sign-out everywhere. */
@ApiExcludeController()
@Public()
@Controller('auth')
export class SignInController {
  constructor(private readonly signIn: StaffSignIn) {}

  @Get('login')
  async login(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.signIn.enabled) return page(reply, 404, 'Sign-in is not set up here (OIDC_ISSUER, OIDC_CLIENT_ID).');
    try {
      const { url, pending } = await this.signIn.start(origin(req) + '/auth/callback');
      // Not returned: a Fastify reply is thenable, and it is sent here.
      reply.header('set-cookie', cookieHeader(SIGN_IN_COOKIE, this.signIn.seal(pending), { maxAgeSeconds: 600, secure: secure(req), path: '/auth' }))
        .header('cache-control', 'no-store').redirect(url, 303);
      return;
    } catch {
      return page(reply, 503, 'The sign-in service cannot be reached right now. Try again in a minute; if you are already signed in elsewhere, your work continues.');
    }
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const pending = this.signIn.unseal<PendingSignIn>(readCookie(req.headers.cookie, SIGN_IN_COOKIE));
    if (!pending) return page(reply, 400, 'This sign-in has expired. <a href="/auth/login">Sign in again</a>.');
    try {
      const session = await this.signIn.finish(new URL(req.url, origin(req)), pending);
      reply
        .header('set-cookie', [
          cookieHeader(SESSION_COOKIE, this.signIn.seal(session), { maxAgeSeconds: 24 * 3600, secure: secure(req) }),
          cookieHeader(SIGN_IN_COOKIE, '', { maxAgeSeconds: 0, secure: secure(req), path: '/auth' }),
        ])
        .header('cache-control', 'no-store').redirect('/', 303);
      return;
    } catch {
      return page(reply, 400, 'The sign-in did not complete. <a href="/auth/login">Sign in again</a>.');
    }
  }

  @Get('logout')
  async logout(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const session = this.signIn.unseal<StaffSession>(readCookie(req.headers.cookie, SESSION_COOKIE));
    const url = this.signIn.enabled ? await this.signIn.endUrl(session, origin(req) + '/') : '/';
    return reply.header('set-cookie', cookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secure(req) })).header('cache-control', 'no-store').redirect(url, 303);
  }
}

function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host}`;
}

function secure(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

function page(reply: FastifyReply, status: number, message: string) {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lotsen – sign in</title></head><body><main><h1>Sign in</h1><p>${message}</p></main></body></html>`);
}

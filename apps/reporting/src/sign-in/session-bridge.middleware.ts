import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'http';
import { cookieHeader, readCookie } from '@lotsen/platform';
import { SESSION_COOKIE, StaffSession } from './session-cookie';
import { StaffSignIn } from './staff-sign-in.service';

/**
 * A browser signed in to the dashboard reads with its session: the cookie's access token becomes
 * the request's Bearer token (the same checks as any other), refreshed first when it is about to
 * expire. Only for reads (GET/HEAD): a change needs an explicit Authorization header, so a forged
 * cross-site form can change nothing.
 */
@Injectable()
export class SessionBridge implements NestMiddleware {
  constructor(private readonly signIn: StaffSignIn) {}

  async use(req: IncomingMessage, res: ServerResponse, next: () => void) {
    try {
      if ((req.method === 'GET' || req.method === 'HEAD') && !req.headers.authorization && !req.headers['x-api-key']) {
        const sealed = readCookie(req.headers.cookie, SESSION_COOKIE);
        const session = sealed ? this.signIn.unseal<StaffSession>(sealed) : undefined;
        if (session) {
          const current = await this.signIn.current(session);
          const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
          if (!current) res.setHeader('set-cookie', cookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure }));
          else {
            req.headers.authorization = `Bearer ${current.session.accessToken}`;
            if (current.changed) res.setHeader('set-cookie', cookieHeader(SESSION_COOKIE, this.signIn.seal(current.session), { maxAgeSeconds: 24 * 3600, secure }));
          }
        }
      }
    } finally {
      next();
    }
  }
}

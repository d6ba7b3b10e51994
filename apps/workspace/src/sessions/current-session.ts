import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '@lotsen/platform';
import { SessionService } from './session.service';
import { readCookie, SESSION_COOKIE } from './session-cookie';
import { SessionRow } from './sessions.repository';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's session, or 401; state-changing requests must also carry the CSRF token and come from our own origin. */
@Injectable()
export class CurrentSession {
  constructor(private readonly sessions: SessionService) {}

  async require(req: FastifyRequest, publicUrl: string): Promise<SessionRow> {
    const row = await this.sessions.find(readCookie(req, SESSION_COOKIE));
    if (!row) throw ProblemException.of(401, 'not-signed-in', 'Sign in to the workspace (your session may have ended after inactivity).');
    if (!SAFE.has(req.method)) {
      const origin = req.headers.origin;
      if (origin && origin !== new URL(publicUrl).origin) throw ProblemException.of(403, 'csrf', 'Cross-origin request refused.');
      const header = req.headers['x-csrf-token'];
      this.sessions.checkCsrf(row, typeof header === 'string' ? header : undefined);
    }
    return row;
  }
}

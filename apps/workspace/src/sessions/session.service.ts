import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { TokenVerifier } from '@lotsen/identity';
import { UnitOfWork } from '@lotsen/persistence';
import { ProblemException } from '@lotsen/platform';
import { PendingLogin, RelyingParty, TokenSet } from '../auth/relying-party';
import { WorkspaceConfig } from '../workspace.config';
import { SessionRow, SessionsRepository } from './sessions.repository';
import { TokenSealer } from './token-sealer';

/** What the browser may know about who is signed in (never the tokens). */
export interface SignedIn {
  subject: string;
  name: string;
  tenantId: string;
  roles: string[];
  departments: string[];
  csrfToken: string;
}

interface SealedTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
}

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Sessions removed per statement by housekeeping: short statements beside live sign-ins. */
const REMOVAL_BATCH = 1_000;

/**
 * Sessions of signed-in staff: created from a finished code exchange, found by the cookie's
 * random id, ended by sign-out or after inactivity; the access token is refreshed silently
 * shortly before it expires, and only this service ever sees it.
 */
@Injectable()
export class SessionService {
  private readonly log = new Logger('Sessions');
  private readonly sealer: TokenSealer;
  private readonly verifier: TokenVerifier | undefined;

  constructor(
    private readonly config: WorkspaceConfig,
    private readonly repo: SessionsRepository,
    private readonly tx: UnitOfWork,
    private readonly rp: RelyingParty,
  ) {
    this.sealer = new TokenSealer(config.sessionSecret);
    this.verifier = config.identity.issuer ? new TokenVerifier(config.identity) : undefined;
  }

  sealLogin(p: PendingLogin): string {
    return this.sealer.seal({ ...p, at: Date.now() });
  }

  /** The login a callback belongs to; a login left unfinished for ten minutes is over. */
  openLogin(sealed: string | undefined): PendingLogin | undefined {
    const p = sealed ? this.sealer.open<PendingLogin & { at: number }>(sealed) : undefined;
    return p && Date.now() - p.at < 10 * 60_000 ? p : undefined;
  }

  /** A new session for a finished sign-in; answers the cookie's value. */
  async create(tokens: TokenSet): Promise<{ id: string; session: SignedIn }> {
    const who = await this.identify(tokens.accessToken);
    const id = randomBytes(32).toString('base64url');
    const row = {
      idHash: hashId(id), tenantId: who.tenantId, subject: who.subjectId ?? '', name: who.name ?? who.subjectId ?? '',
      roles: who.roles ?? [], departments: who.departments ?? [], csrfToken: randomBytes(24).toString('base64url'),
      tokens: this.sealer.seal(sealedOf(tokens)), accessExpiresAt: new Date(Date.now() + tokens.expiresIn * 1000),
    };
    await this.tx.run(() => this.repo.insert(row));
    return { id, session: signedIn(row) };
  }

  private async identify(accessToken: string) {
    if (!this.verifier) throw ProblemException.of(503, 'sign-in-unavailable', 'Staff sign-in is not configured (OIDC_ISSUER).');
    try {
      return await this.verifier.verify(accessToken);
    } catch (err) {
      throw ProblemException.of(403, 'not-staff', `The provider's token does not make you staff here (${err instanceof ProblemException ? err.message : 'rejected'}).`);
    }
  }

  /** The session behind a cookie, touched; undefined when there is none or it has been idle too long. */
  async find(cookie: string | undefined): Promise<SessionRow | undefined> {
    if (!cookie || cookie.length > 100) return undefined;
    return this.tx.run(() => this.repo.touch(hashId(cookie), this.config.sessionIdleSeconds));
  }

  view(row: SessionRow): SignedIn {
    return signedIn(row);
  }

  /** A state-changing request carries the session's CSRF token in X-CSRF-Token. */
  checkCsrf(row: SessionRow, header: string | undefined): void {
    const given = Buffer.from(header ?? '');
    const expected = Buffer.from(row.csrfToken);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw ProblemException.of(403, 'csrf', 'This request lacks the workspace CSRF token; reload the page.');
    }
  }

  /** The person's current access token, refreshed first when it is about to expire. */
  async accessToken(row: SessionRow): Promise<string> {
    const tokens = this.sealer.open<SealedTokens>(row.tokens);
    if (!tokens) throw ProblemException.of(401, 'session-ended', 'Your session has ended; sign in again.');
    if (row.accessExpiresAt.getTime() - Date.now() > this.config.refreshAheadSeconds * 1000) return tokens.accessToken;
    if (!tokens.refreshToken) throw ProblemException.of(401, 'session-ended', 'Your sign-in has expired; sign in again.');
    let fresh: TokenSet;
    try {
      fresh = await this.rp.refresh(tokens.refreshToken);
    } catch (err) {
      // Another request of the same page may have used the refresh token a moment ago.
      const current = await this.tx.run(() => this.repo.find(row.idHash));
      if (current && current.tokens !== row.tokens) return this.accessToken(current);
      this.log.warn(`refresh refused: ${err instanceof Error ? err.name : 'error'}`);
      throw ProblemException.of(401, 'session-ended', 'Your sign-in could not be renewed; sign in again.');
    }
    const sealed = this.sealer.seal(sealedOf({ ...fresh, idToken: fresh.idToken ?? tokens.idToken }));
    const replaced = await this.tx.run(() => this.repo.replaceTokens(row.idHash, row.tokens, sealed, new Date(Date.now() + fresh.expiresIn * 1000)));
    if (!replaced) {
      const current = await this.tx.run(() => this.repo.find(row.idHash));
      const winner = current && this.sealer.open<SealedTokens>(current.tokens);
      if (winner) return winner.accessToken;
    }
    return fresh.accessToken;
  }

  /** Ends the session; answers the id token for the provider's logout. */
  async end(cookie: string | undefined): Promise<string | undefined> {
    if (!cookie || cookie.length > 100) return undefined;
    const row = await this.tx.run(() => this.repo.remove(hashId(cookie)));
    return row ? this.sealer.open<SealedTokens>(row.tokens)?.idToken : undefined;
  }

  /** Removes the sessions idle past the limit (refused on use already), a batch at a time. */
  removeIdle(stopped: () => boolean = () => false): Promise<number> {
    return this.repo.removeIdle(this.config.sessionIdleSeconds, REMOVAL_BATCH, stopped);
  }
}

function sealedOf(t: { accessToken: string; refreshToken?: string; idToken?: string }): SealedTokens {
  return { accessToken: t.accessToken, refreshToken: t.refreshToken, idToken: t.idToken };
}

function signedIn(r: Pick<SessionRow, 'subject' | 'name' | 'tenantId' | 'roles' | 'departments' | 'csrfToken'>): SignedIn {
  return { subject: r.subject, name: r.name, tenantId: r.tenantId, roles: r.roles, departments: r.departments, csrfToken: r.csrfToken };
}

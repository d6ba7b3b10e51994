import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, randomBytes } from 'crypto';
import { ProblemException } from '../problem/problem';

/**
 * Who is calling: a system's API key (one tenant, a channel or a staff role) or a person signed in
 * with OpenID Connect (a Bearer access token, see @lotsen/identity).
 */
export interface Principal {
  keyId: string;
  tenantId: string;
  channel?: string;
  /** The first of `roles`: what a key was issued for, or a person's main role. */
  role?: string;
  /** The staff member behind a personal key or token (routing's agents); a department key's department. */
  subjectId?: string;
  /** 'person' for a signed-in member of staff; keys are systems. */
  kind?: 'person' | 'system';
  /** A person's display name, for the audit trail. */
  name?: string;
  /** Every Lotsen role a person holds (a key holds its one role). */
  roles?: string[];
  /** Departments whose caseworker the person is. */
  departments?: string[];
  /** Secret matters the person may read (department codes, e.g. socialtjanst). */
  clearances?: string[];
}

/** Every role of a caller: a token's roles, or a key's one role. */
export function rolesOf(p: Principal | undefined): string[] {
  if (!p) return [];
  return p.roles ?? (p.role ? [p.role] : []);
}

/** The departments whose work the caller does: a caseworker's departments, or a department key's own. */
export function departmentsOf(p: Principal | undefined): string[] {
  if (!p) return [];
  if (p.departments) return p.departments;
  return p.role === 'department' && p.subjectId ? [p.subjectId] : [];
}

/** Verifies `Authorization: Bearer` access tokens; throws a 401/503 ProblemException when it cannot. */
export interface BearerTokenVerifier {
  verify(token: string): Promise<Principal>;
}
export const BEARER_TOKEN_VERIFIER = Symbol('BEARER_TOKEN_VERIFIER');

export interface ApiKeyLookup {
  findActiveByHash(keyHash: string): Promise<Principal | undefined>;
}
export const API_KEY_LOOKUP = Symbol('API_KEY_LOOKUP');

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** `lk_` + 32 random base64url characters; only its hash is stored. */
export function generateApiKey(): string {
  return `lk_${randomBytes(24).toString('base64url')}`;
}

const PUBLIC = 'lotsen:public';
const ROLES = 'lotsen:roles';
/** No API key needed (citizen pages, health, Open311 reads). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only keys with one of these staff roles (a channel key is refused). */
export const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal | undefined => {
  return ctx.switchToHttp().getRequest().principal;
});

const CACHE_MS = 15000;

/**
 * Checks `Authorization: Bearer` (people, when a verifier is configured) or `x-api-key` against
 * the service's own key table (hashed, systems), with a short cache.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { principal?: Principal; until: number }>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_LOOKUP) private readonly lookup: ApiKeyLookup,
    @Optional() @Inject(BEARER_TOKEN_VERIFIER) private readonly bearer?: BearerTokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const authorization = req.headers.authorization;
    if (typeof authorization === 'string' && /^bearer\s/i.test(authorization)) {
      // A token that fails is refused even on public routes: the caller meant to be somebody.
      if (!this.bearer) throw ProblemException.of(401, 'sign-in-not-configured', 'This service accepts no access tokens: OIDC_ISSUER is not set.');
      req.principal = await this.bearer.verify(authorization.replace(/^bearer\s+/i, '').trim());
      this.checkRoles(ctx, req.principal);
      return true;
    }
    const header = req.headers['x-api-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) {
      if (isPublic) return true;
      throw ProblemException.of(401, 'missing-api-key', 'Send your API key in the x-api-key header.');
    }
    const principal = await this.resolve(String(key));
    if (!principal) {
      if (isPublic) return true;
      throw ProblemException.of(401, 'invalid-api-key', 'The API key is unknown or revoked.');
    }
    req.principal = principal;
    this.checkRoles(ctx, principal);
    return true;
  }

  private checkRoles(ctx: ExecutionContext, principal: Principal): void {
    const roles = this.reflector.getAllAndOverride<string[]>(ROLES, [ctx.getHandler(), ctx.getClass()]);
    if (roles?.length && !rolesOf(principal).some((r) => roles.includes(r))) {
      throw ProblemException.of(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}.`);
    }
  }

  private async resolve(key: string): Promise<Principal | undefined> {
    if (key.length > 200) return undefined;
    const hash = hashApiKey(key);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await this.lookup.findActiveByHash(hash);
    if (this.cache.size > 10000) this.cache.clear();
    this.cache.set(hash, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }
}

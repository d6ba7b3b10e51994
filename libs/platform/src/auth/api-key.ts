import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, randomBytes } from 'crypto';
import { ProblemException } from '../problem/problem';

/** Who is calling: a key belongs to one tenant and either a channel or a staff role. */
export interface Principal {
  keyId: string;
  tenantId: string;
  channel?: string;
  role?: string;
  /** The staff member behind a personal key (routing's agents). */
  subjectId?: string;
}

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

/** Checks `x-api-key` against the service's own key table (hashed), with a short cache. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { principal?: Principal; until: number }>();

  constructor(private readonly reflector: Reflector, @Inject(API_KEY_LOOKUP) private readonly lookup: ApiKeyLookup) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [ctx.getHandler(), ctx.getClass()]);
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
    const roles = this.reflector.getAllAndOverride<string[]>(ROLES, [ctx.getHandler(), ctx.getClass()]);
    if (roles?.length && !(principal.role && roles.includes(principal.role))) {
      throw ProblemException.of(403, 'forbidden', `This needs a staff key with one of the roles: ${roles.join(', ')}.`);
    }
    return true;
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

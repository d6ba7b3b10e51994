import { Logger } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { BearerTokenVerifier, Principal, ProblemException } from '@lotsen/platform';
import { IdentityConfig } from './identity-config';
import { grantsFor } from './role-mapping';

type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

/** Longest token accepted: a JWT access token is a few kilobytes; anything larger is not one. */
const MAX_TOKEN_LENGTH = 16 * 1024;

/**
 * Validates staff access tokens (JWT) against the provider's published keys: signature with an
 * asymmetric algorithm from the allow-list, issuer, audience, exp/nbf with a small tolerance.
 * Keys are fetched once and cached; an unknown `kid` refetches them (key rotation). When the
 * provider cannot be reached, the keys seen last keep verifying tokens until those expire.
 * Tokens never reach a log line, not even in part.
 */
export class TokenVerifier implements BearerTokenVerifier {
  private readonly logger = new Logger('Identity');
  private remote?: Promise<RemoteSet>;

  constructor(private readonly config: IdentityConfig) {}

  async verify(token: string): Promise<Principal> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw unauthorized('invalid-token', 'The access token is malformed.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      throw this.refusal(err);
    }
    return this.principal(payload);
  }

  /** The person behind a verified token, with the roles their groups give them in their tenant. */
  private principal(payload: JWTPayload): Principal {
    const claim = payload[this.config.tenantClaim];
    const tenantId = typeof claim === 'string' && claim ? claim : this.config.defaultTenant;
    if (!tenantId) throw ProblemException.of(403, 'no-tenant', `The token names no municipality (claim "${this.config.tenantClaim}").`);
    const groups = this.config.groupClaims.flatMap((c) => {
      const v = payload[c];
      return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : typeof v === 'string' ? v.split(' ') : [];
    });
    const grants = grantsFor(this.config.groupMapping, tenantId, groups);
    const sub = String(payload.sub);
    const name = [payload.name, payload.preferred_username].find((n): n is string => typeof n === 'string' && n.length > 0) ?? sub;
    return {
      kind: 'person', keyId: `oidc:${sub}`, tenantId, subjectId: sub, name,
      role: grants.roles[0], roles: grants.roles, departments: grants.departments, clearances: grants.clearances,
    };
  }

  private readonly keys: JWTVerifyGetKey = async (header, token) => {
    const remote = await this.remoteSet();
    try {
      return await remote(header, token);
    } catch (err) {
      // Provider unreachable while the cache is stale: the keys it published last still hold.
      const cached = remote.jwks();
      if (cached && isUnreachable(err)) return createLocalJWKSet(cached)(header, token);
      throw err;
    }
  };

  private remoteSet(): Promise<RemoteSet> {
    if (!this.config.issuer) throw ProblemException.of(401, 'sign-in-not-configured', 'This service accepts no access tokens.');
    this.remote ??= this.discoverJwksUri().then((uri) => createRemoteJWKSet(new URL(uri), { timeoutDuration: 3000, cooldownDuration: this.config.jwksCooldownSeconds * 1000, cacheMaxAge: this.config.jwksCacheSeconds * 1000 }));
    // A failed discovery is tried again with the next token.
    this.remote.catch(() => { this.remote = undefined; });
    return this.remote;
  }

  private async discoverJwksUri(): Promise<string> {
    if (this.config.jwksUri) return this.config.jwksUri;
    const url = `${this.config.issuer!.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(url, { signal: AbortSignal.timeout(3000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new errors.JWKSInvalid(`discovery answered ${res.status}`);
    const doc = (await res.json()) as { issuer?: string; jwks_uri?: string };
    if (doc.issuer !== this.config.issuer || typeof doc.jwks_uri !== 'string') throw new errors.JWKSInvalid('discovery document does not match OIDC_ISSUER');
    return doc.jwks_uri;
  }

  private refusal(err: unknown): ProblemException {
    if (err instanceof ProblemException) return err;
    if (err instanceof errors.JWTExpired) return unauthorized('token-expired', 'The access token has expired; sign in again or refresh it.');
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.claim === 'nbf' || err.claim === 'iat') return unauthorized('token-not-yet-valid', 'The access token is not valid yet.');
      if (err.claim === 'iss') return unauthorized('wrong-issuer', 'The access token comes from another identity provider.');
      if (err.claim === 'aud') return unauthorized('wrong-audience', 'The access token is meant for another service.');
      return unauthorized('invalid-token', `The access token lacks a valid "${err.claim}" claim.`);
    }
    if (err instanceof errors.JOSEAlgNotAllowed) return unauthorized('algorithm-not-allowed', 'The access token is signed with an algorithm this service does not accept.');
    if (err instanceof errors.JWKSNoMatchingKey) return unauthorized('unknown-key', 'The access token is signed with a key the identity provider does not publish.');
    if (err instanceof errors.JWSSignatureVerificationFailed) return unauthorized('invalid-signature', 'The access token signature does not verify.');
    if (isUnreachable(err) || err instanceof errors.JWKSInvalid) {
      this.logger.warn(`identity provider unreachable, no keys cached: ${err instanceof Error ? err.name : 'error'}`);
      return ProblemException.of(503, 'identity-provider-unavailable', 'The identity provider cannot be reached to verify the sign-in; try again shortly.');
    }
    if (err instanceof errors.JOSEError || ['TypeError', 'SyntaxError'].includes((err as Error)?.name)) return unauthorized('invalid-token', 'The access token is malformed.');
    return unauthorized('invalid-token', 'The access token could not be verified.');
  }
}

function unauthorized(slug: string, detail: string): ProblemException {
  return ProblemException.of(401, slug, detail);
}

function isUnreachable(err: unknown): boolean {
  if (err instanceof errors.JWKSTimeout) return true;
  // By name: fetch's errors may come from another realm than this module's TypeError.
  const { name, message } = (err ?? {}) as { name?: string; message?: string };
  // fetch() rejects with a TypeError (cause: ECONNREFUSED…); the JWKS endpoint answering 5xx is a JOSEError.
  if (name === 'TypeError' && /fetch failed/i.test(message ?? '')) return true;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  return err instanceof errors.JOSEError && /Expected 200 OK/i.test(err.message);
}

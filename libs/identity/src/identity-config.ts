import { IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Env, intEnv } from '@lotsen/config';
import { GroupMapping, parseGroupMapping } from './role-mapping';

/** Asymmetric signatures only: `none` and shared-secret HS* would let anyone holding the secret mint staff. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/**
 * Staff sign-in: the municipality's OpenID Provider. Without OIDC_ISSUER a service accepts API keys
 * only (and refuses Bearer tokens with 401); with it, the audience is required too.
 */
export class IdentityConfig {
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  issuer?: string;

  /** The `aud` every access token for the Lotsen services carries (a resource indicator, or Entra's App ID URI). */
  @ValidateIf((c: IdentityConfig) => Boolean(c.issuer)) @IsString() @Matches(/\S/, { message: 'must be set when OIDC_ISSUER is' })
  audience?: string;

  /** The relying party (dashboard, workspace) registered at the provider. */
  @IsOptional() @IsString()
  clientId?: string;

  @IsOptional() @IsString()
  clientSecret?: string;

  /** Where the keys are; found through discovery when not given. */
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  jwksUri?: string;

  /** How long fetched keys count as current; after that they are fetched again (and kept if the provider is down). */
  @IsInt() @Min(0) @Max(86400)
  jwksCacheSeconds: number;

  /** After a fetch, a token under an unknown key waits this long before the keys are fetched again (rotation vs. a flood of forged kids). */
  @IsInt() @Min(0) @Max(3600)
  jwksCooldownSeconds: number;

  /** Seconds of clock difference accepted for exp/nbf/iat. */
  @IsInt() @Min(0) @Max(300)
  clockToleranceSeconds: number;

  @IsArray() @IsIn(ACCEPTED_ALGORITHMS as unknown as string[], { each: true })
  algorithms: string[];

  /** Claim naming the tenant (municipality); OIDC_DEFAULT_TENANT for a provider that serves one. */
  @IsString()
  tenantClaim: string;

  @IsOptional() @IsString()
  defaultTenant?: string;

  /** Claims holding the person's groups or app roles (Keycloak/Entra groups, Entra app roles). */
  @IsArray() @IsString({ each: true })
  groupClaims: string[];

  /** Per tenant: provider group → Lotsen role, department or clearance (see docs/identity.md). */
  @IsObject()
  groupMapping: GroupMapping;
}

function list(value: string | undefined, fallback: string[]): string[] {
  if (value === undefined || value.trim() === '') return fallback;
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

/** The OIDC_* settings every service reads alike. */
export function readIdentityConfig(env: Env) {
  return {
    issuer: env.OIDC_ISSUER || undefined,
    audience: env.OIDC_AUDIENCE || undefined,
    clientId: env.OIDC_CLIENT_ID || undefined,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    jwksUri: env.OIDC_JWKS_URI || undefined,
    jwksCacheSeconds: intEnv(env.OIDC_JWKS_CACHE_SECONDS, 600),
    jwksCooldownSeconds: intEnv(env.OIDC_JWKS_COOLDOWN_SECONDS, 30),
    clockToleranceSeconds: intEnv(env.OIDC_CLOCK_TOLERANCE_SECONDS, 30),
    algorithms: list(env.OIDC_ALGORITHMS, [...ACCEPTED_ALGORITHMS]),
    tenantClaim: env.OIDC_TENANT_CLAIM || 'lotsen_tenant',
    defaultTenant: env.OIDC_DEFAULT_TENANT || undefined,
    groupClaims: list(env.OIDC_GROUP_CLAIMS, ['groups', 'roles']),
    groupMapping: parseGroupMapping(env.OIDC_GROUP_MAPPING),
  };
}

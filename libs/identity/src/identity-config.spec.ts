import { defineConfig } from '@lotsen/config';
import { IdentityConfig, readIdentityConfig } from './identity-config';

const load = defineConfig(IdentityConfig, readIdentityConfig);

describe('identity configuration (checked at start-up)', () => {
  it('without OIDC_ISSUER: API keys only, nothing else required', () => {
    expect(load({})).toMatchObject({ issuer: undefined, clockToleranceSeconds: 30, groupClaims: ['groups', 'roles'], tenantClaim: 'lotsen_tenant' });
  });

  it('an issuer needs the audience the tokens carry', () => {
    expect(() => load({ OIDC_ISSUER: 'https://login.example.org/realms/kommun' })).toThrow(/audience/);
    expect(load({ OIDC_ISSUER: 'https://login.example.org/realms/kommun', OIDC_AUDIENCE: 'lotsen-api' }).audience).toBe('lotsen-api');
  });

  it('refuses symmetric or absent signature algorithms, a bad issuer URL and a malformed group mapping', () => {
    const base = { OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'a' };
    expect(() => load({ ...base, OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow(/algorithms/);
    expect(() => load({ ...base, OIDC_ALGORITHMS: 'none' })).toThrow(/algorithms/);
    expect(() => load({ ...base, OIDC_ISSUER: 'idp.example.org' })).toThrow(/issuer/);
    expect(() => load({ ...base, OIDC_GROUP_MAPPING: '{"demo": {"g1": "superuser"}}' })).toThrow(/g1/);
    expect(() => load({ ...base, OIDC_GROUP_MAPPING: 'not json' })).toThrow(/JSON/);
    expect(load({ ...base, OIDC_GROUP_MAPPING: '{"demo": {"g1": "clearance:socialtjanst"}}' }).groupMapping).toEqual({ demo: { g1: 'clearance:socialtjanst' } });
  });
});

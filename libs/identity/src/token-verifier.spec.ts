// The verifier against a real HTTP JWKS endpoint: key rotation, and a provider that goes away.
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import type { CryptoKey } from 'jose';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { IdentityConfig, readIdentityConfig } from './identity-config';
import { TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  let server: Server;
  let issuer: string;
  let published: JWK[] = [];
  const keys: Record<string, CryptoKey> = {};

  async function addKey(kid: string) {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    keys[kid] = privateKey;
    published = [...published, { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }];
  }
  const token = (kid: string, claims: Record<string, unknown> = {}) =>
    new SignJWT({ groups: ['lotsen-department-gata_park'], lotsen_tenant: 'demo', name: 'Gustav Ek', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid }).setIssuer(issuer).setAudience('urn:lotsen:api').setSubject('gustav').setIssuedAt().setExpirationTime('5m').sign(keys[kid]);
  const verifier = (extra: Record<string, string> = {}) =>
    new TokenVerifier(readIdentityConfig({ OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'urn:lotsen:api', OIDC_JWKS_CACHE_SECONDS: '0', ...extra }) as IdentityConfig);

  beforeEach(async () => {
    published = [];
    await addKey('k1');
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') return void res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  it('maps the groups claim to roles and departments of the tenant', async () => {
    const p = await verifier().verify(await token('k1'));
    expect(p).toMatchObject({ kind: 'person', tenantId: 'demo', subjectId: 'gustav', name: 'Gustav Ek', role: 'department', roles: ['department'], departments: ['gata_park'], clearances: [] });
  });

  it('a tenant mapping translates provider group ids (Entra object ids) to roles and clearances', async () => {
    const v = verifier({ OIDC_GROUP_MAPPING: JSON.stringify({ demo: { 'a1b2-ifo': 'department:socialtjanst', 'c3d4-sekr': 'clearance:socialtjanst' } }) });
    const p = await v.verify(await token('k1', { groups: ['a1b2-ifo', 'c3d4-sekr', 'unrelated'] }));
    expect(p).toMatchObject({ roles: ['department'], departments: ['socialtjanst'], clearances: ['socialtjanst'] });
    // The mapping is per tenant: the same group ids mean nothing in another municipality.
    const other = await v.verify(await token('k1', { groups: ['a1b2-ifo'], lotsen_tenant: 'nacka' }));
    expect(other).toMatchObject({ roles: [], departments: [] });
  });

  it('accepts a token under a key the provider rotated in after the first fetch', async () => {
    const v = verifier({ OIDC_JWKS_CACHE_SECONDS: '600', OIDC_JWKS_COOLDOWN_SECONDS: '0' });
    await v.verify(await token('k1'));
    await addKey('k2');
    await expect(v.verify(await token('k2'))).resolves.toMatchObject({ subjectId: 'gustav' });
  });

  it('keeps verifying with the keys seen last when the provider cannot be reached', async () => {
    const v = verifier();
    const t = await token('k1');
    await v.verify(t);
    await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    await expect(v.verify(t)).resolves.toMatchObject({ subjectId: 'gustav' });
    server.listen(0); // afterEach closes it again
  });

  it('answers 503 (not 500) when the provider was never reachable', async () => {
    const v = new TokenVerifier(readIdentityConfig({ OIDC_ISSUER: 'http://127.0.0.1:1', OIDC_AUDIENCE: 'urn:lotsen:api' }) as IdentityConfig);
    await expect(v.verify(await token('k1'))).rejects.toMatchObject({ body: { status: 503, type: 'https://lotsen.dev/problems/identity-provider-unavailable' } });
  });
});

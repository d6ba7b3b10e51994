// Staff access tokens at every service: what a token that is not right gets (401, each for its
// reason), a valid token without the role (403), and the identity provider going away.
import type { CryptoKey } from 'jose';
import { base64url, generateKeyPair, importJWK, JWTPayload, SignJWT } from 'jose';
import { setLogSink } from '@lotsen/platform';
import { startPlatform, TestPlatform } from '../support/platform';

describe('staff access tokens', () => {
  let p: TestPlatform;
  /** One staff read per service that a supervisor may make. */
  let reads: Array<[string, string]>;
  const logs: string[] = [];

  beforeAll(async () => {
    setLogSink({ write: (line: string) => logs.push(line) });
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting'], { LOG_LEVEL: 'debug' });
    reads = [
      ['intake', `${p.urls.intake}/v1/inquiries/00000000-0000-4000-8000-000000000000`],
      ['routing', `${p.urls.routing}/v1/departments`],
      ['notifications', `${p.urls.notifications}/v1/deliveries?inquiryId=00000000-0000-4000-8000-000000000000`],
      ['reporting', `${p.urls.reporting}/v1/kpis`],
    ];
  }, 60000);
  afterAll(async () => {
    setLogSink(undefined);
    await p?.close();
  });

  let stranger: Promise<CryptoKey> | undefined;
  const get = (url: string, token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

  /** A token as the embedded provider would issue it for the supervisor, with `changes` applied. */
  async function mint(changes: JWTPayload = {}, opts: { key?: 'provider' | 'stranger'; alg?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: p.identity.provider.issuer, aud: p.identity.audience, sub: 'demo-supervisor', name: 'Sven Berg', groups: ['lotsen-supervisor'],
      lotsen_tenant: 'demo', iat: now, exp: now + 300, ...changes,
    };
    if (opts.key === 'stranger') {
      stranger ??= generateKeyPair('RS256').then((k) => k.privateKey);
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'not-published' }).sign(await stranger);
    }
    const key = await importJWK(p.identity.provider.signingKey, 'RS256');
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: p.identity.provider.signingKey.kid, typ: 'at+jwt' }).sign(key);
  }

  it('a signed-in supervisor reads in every service with the access token from the provider', async () => {
    const token = await p.identity.token('sven');
    for (const [service, url] of reads) {
      const res = await get(url, token);
      // intake: the id is unknown, so 404; the token itself was accepted.
      expect([service, res.status]).toEqual([service, service === 'intake' ? 404 : 200]);
    }
  });

  const bad: Array<[string, () => Promise<string>, string]> = [
    ['expired', () => mint({ exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }), 'token-expired'],
    ['not yet valid', () => mint({ nbf: Math.floor(Date.now() / 1000) + 3600 }), 'token-not-yet-valid'],
    ['for another audience', () => mint({ aud: 'urn:someone:else' }), 'wrong-audience'],
    ['from another issuer', () => mint({ iss: 'http://127.0.0.1:1/elsewhere' }), 'wrong-issuer'],
    ['signed with a key the provider does not publish', () => mint({}, { key: 'stranger' }), 'unknown-key'],
    ['unsigned (alg none)', async () => {
      const real = await mint();
      return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${real.split('.')[1]}.`;
    }, 'algorithm-not-allowed'],
    ['signed with HS256 over the published key', async () => {
      const real = await mint();
      const forged = `${base64url.encode(JSON.stringify({ alg: 'HS256', kid: p.identity.provider.signingKey.kid }))}.${real.split('.')[1]}`;
      const sig = require('crypto').createHmac('sha256', JSON.stringify(p.identity.provider.signingKey)).update(forged).digest('base64url');
      return `${forged}.${sig}`;
    }, 'algorithm-not-allowed'],
    ['tampered (groups changed after signing)', async () => {
      const [h, , s] = (await mint({ groups: ['lotsen-agent'] })).split('.');
      const payload = JSON.parse(Buffer.from((await mint({ groups: ['lotsen-agent'] })).split('.')[1], 'base64url').toString());
      return `${h}.${base64url.encode(JSON.stringify({ ...payload, groups: ['lotsen-admin', 'lotsen-clearance-socialtjanst'] }))}.${s}`;
    }, 'invalid-signature'],
    ['not a JWT at all', async () => 'lk_looks-like-a-key', 'invalid-token'],
  ];

  it.each(bad)('a token %s is refused with 401 problem+json by every service', async (_what, make, slug) => {
    const token = await make();
    for (const [service, url] of reads) {
      const res = await get(url, token);
      const body = (await res.json()) as { type: string };
      expect([service, res.status, res.headers.get('content-type')?.split(';')[0], body.type]).toEqual([service, 401, 'application/problem+json', `https://lotsen.dev/problems/${slug}`]);
      expect(JSON.stringify(body)).not.toContain(token.split('.')[1] || token);
    }
  });

  it('a valid token without the role gets 403 (an auditor asking for the work queue, an agent changing templates)', async () => {
    const auditor = await p.identity.token('astrid');
    const agent = await p.identity.token('amira');
    const work = await get(`${p.urls.routing}/v1/work`, auditor);
    expect(work.status).toBe(403);
    expect(work.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const put = await fetch(`${p.urls.notifications}/v1/templates/inquiry.received/sv`, {
      method: 'PUT', headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'x', body: 'y' }),
    });
    expect(put.status).toBe(403);
  });

  it('API keys still work for systems beside tokens', async () => {
    const res = await fetch(`${p.urls.routing}/v1/departments`, { headers: { 'x-api-key': p.keys.department } });
    expect(res.status).toBe(200);
  });

  // Last: it stops the provider.
  it('with the identity provider gone, a token verified before keeps working and nothing crashes', async () => {
    const token = await p.identity.token('sven');
    for (const [, url] of reads) await get(url, token);
    await p.identity.provider.close();
    for (const [service, url] of reads) {
      expect([service, (await get(url, token)).status]).toEqual([service, service === 'intake' ? 404 : 200]);
      // A token under a key nobody has seen cannot be checked now: refused, the service stays up.
      expect([service, (await get(url, await mint({}, { key: 'stranger' }))).status]).toEqual([service, 401]);
      expect((await fetch(url.replace(/\/v1\/.*/, '/health/live'))).status).toBe(200);
    }
  });

  it('writes no access token, not even a part of one, to any log line', async () => {
    const token = await p.identity.token('sven');
    const all = logs.join('');
    expect(all).toContain('"service":"routing"');
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.eyJ/);
    for (const part of token.split('.')) expect(all).not.toContain(part);
  });
});

/**
 * Signs a demo member of staff in to the embedded provider the way a browser does (authorization
 * code + PKCE, the same login form) and exchanges the code with openid-client. `npm run token`
 * and the tests use it: no special grant exists that production would not have.
 */
import type * as OpenIdClient from 'openid-client';

// An ES module; Node 20 requires it natively and jest transforms it.
const oidc = (): typeof OpenIdClient => require('openid-client');

export interface SignInOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  audience: string;
  username: string;
  password: string;
}

export async function signInWithPassword(o: SignInOptions): Promise<{ accessToken: string; idToken?: string; refreshToken?: string; expiresIn?: number }> {
  const client = oidc();
  const config = await client.discovery(new URL(o.issuer), o.clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorize = client.buildAuthorizationUrl(config, {
    redirect_uri: o.redirectUri, scope: 'openid profile groups', response_type: 'code', state, resource: o.audience,
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  let res = await go(authorize.href);
  let location = res.headers.get('location');
  if (!location) throw new Error(`the provider did not start a sign-in (${res.status}): ${(await res.text()).replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").slice(-300)}`);
  const loginPage = new URL(location, o.issuer);
  await go(loginPage.href);
  res = await go(`${loginPage.href}/login`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: o.username, password: o.password }).toString(),
  });
  // Back to the authorization endpoint, which answers with the code at the redirect URI.
  for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) {
    location = new URL(res.headers.get('location')!, o.issuer).href;
    if (location.startsWith(o.redirectUri)) break;
    res = await go(location);
  }
  if (!location || !location.startsWith(o.redirectUri)) throw new Error(res.status === 401 ? 'wrong user name or password' : `sign-in did not finish (${res.status})`);
  const tokens = await client.authorizationCodeGrant(config, new URL(location), { pkceCodeVerifier: verifier, expectedState: state }, { resource: o.audience });
  return { accessToken: tokens.access_token, idToken: tokens.id_token, refreshToken: tokens.refresh_token, expiresIn: tokens.expires_in };
}

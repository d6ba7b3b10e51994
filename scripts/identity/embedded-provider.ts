/**
 * The embedded OpenID Provider for development and tests: the certified `oidc-provider` with the
 * demo staff as its users, on 127.0.0.1. Browsers sign in with the authorization code flow and
 * PKCE; access tokens are JWTs for the Lotsen services' audience (resource indicators), carrying
 * the person's name, groups and tenant. Production points OIDC_ISSUER at the municipality's own
 * provider instead and never runs this.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { randomBytes, timingSafeEqual } from 'crypto';
import { exportJWK, generateKeyPair, JWK } from 'jose';
import { DemoUser } from './demo-staff';
import { memoryAdapter } from './memory-adapter';

export interface EmbeddedProviderOptions {
  users: Record<string, DemoUser>;
  tenantId: string;
  audience: string;
  /** Redirect URIs of the browser client (the dashboard, the workspace). */
  redirectUris: string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  accessTokenTtlSeconds?: number;
  /** A session ends after this much inactivity (default 8 hours, a working day). */
  sessionIdleSeconds?: number;
}

export interface EmbeddedProvider {
  issuer: string;
  /** Public client for browsers (code + PKCE). */
  browserClientId: string;
  /** Public client for `npm run token` (code + PKCE, loopback redirect). */
  cliClientId: string;
  cliRedirectUri: string;
  /** The signing key (private): tests mint tampered and expired tokens with it. */
  signingKey: JWK;
  /** Lets an application at this origin (a service on a free port) sign people in and out. */
  allowApplication(origin: string): Promise<void>;
  close(): Promise<void>;
}

/** The `aud` of the embedded provider's access tokens (OIDC_AUDIENCE of the services). */
export const EMBEDDED_AUDIENCE = 'urn:lotsen:api';
export const BROWSER_CLIENT_ID = 'lotsen-staff';
export const CLI_CLIENT_ID = 'lotsen-cli';

function loadProvider(): new (issuer: string, config: object) => any {
  // An ES module; Node 20 requires it natively and jest transforms it.
  const mod = require('oidc-provider');
  return mod.default ?? mod;
}

export async function startEmbeddedProvider(o: EmbeddedProviderOptions): Promise<EmbeddedProvider> {
  const Provider = loadProvider();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: `lotsen-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' };
  const host = o.host ?? '127.0.0.1';
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, res) => { res.statusCode = 503; res.end(); };
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(o.port ?? 0, host, () => resolve()); });
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const cliRedirectUri = `${issuer}/cli/callback`;
  const accounts = new Map(Object.entries(o.users).map(([username, u]) => [u.sub, { username, ...u }]));
  const claimsOf = (sub: string) => {
    const u = accounts.get(sub);
    return u ? { sub, name: u.name, preferred_username: u.username, groups: u.groups, lotsen_tenant: o.tenantId } : undefined;
  };
  const ttl = o.accessTokenTtlSeconds ?? 600;
  const idle = o.sessionIdleSeconds ?? 8 * 3600;

  const Adapter = memoryAdapter();
  // The browser client lives in the adapter, not the static list, so applications started later
  // (on free ports in tests) can be added to its redirect URIs.
  const redirectUris = new Set(o.redirectUris);
  const saveBrowserClient = () => new Adapter('Client').upsert(BROWSER_CLIENT_ID, {
    client_id: BROWSER_CLIENT_ID, token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
    redirect_uris: [...redirectUris], post_logout_redirect_uris: [...new Set([...redirectUris].map((u) => new URL(u).origin + '/'))],
  });
  await saveBrowserClient();

  const provider = new Provider(issuer, {
    adapter: Adapter,
    clients: [
      { client_id: CLI_CLIENT_ID, token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: [cliRedirectUri] },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'groups', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups', 'lotsen_tenant'] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const claims = claimsOf(sub);
      return claims ? { accountId: sub, claims: async () => claims } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => o.audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => {
          if (resource !== o.audience) throw new (require('oidc-provider').errors.InvalidTarget)();
          return { scope: 'lotsen', audience: o.audience, accessTokenTTL: ttl, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // What a service needs to decide access, in the access token itself.
    extraTokenClaims: async (_ctx: unknown, token: { kind: string; accountId?: string }) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const c = claimsOf(token.accountId);
      return c && { name: c.name, groups: c.groups, lotsen_tenant: c.lotsen_tenant };
    },
    // The demo's clients are the municipality's own: no consent screen, the grant is implied.
    loadExistingGrant: async (ctx: any) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile groups offline_access');
      grant.addResourceScope(o.audience, 'lotsen');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx: unknown, client: any) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: ttl, AuthorizationCode: 60, IdToken: ttl, RefreshToken: idle, Interaction: 600, Session: idle, Grant: idle },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    renderError: async (ctx: any, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in failed', `<p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
    },
  });
  // Plain-HTTP loopback in development and tests.
  provider.proxy = false;
  const callback = provider.callback();

  handler = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
    if (!m) return void callback(req, res);
    (m[2] && req.method === 'POST' ? login(req, res) : showLogin(req, res)).catch((err) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Sign-in', `<p>This sign-in has expired; start again from the application.</p><!-- ${escapeHtml(err instanceof Error ? err.name : 'error')} -->`));
    });
  };

  async function showLogin(req: IncomingMessage, res: ServerResponse, error?: string) {
    const details = await provider.interactionDetails(req, res);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(page('Sign in to Lotsen', `
      ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
      <form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
        <p><label for="username">User name</label><br><input id="username" name="username" autocomplete="username" required autofocus></p>
        <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
        <p><button type="submit">Sign in</button></p>
      </form>`));
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const user = o.users[form.get('username') ?? ''];
    const given = Buffer.from(form.get('password') ?? '');
    const ok = user && given.length === Buffer.byteLength(user.password) && timingSafeEqual(given, Buffer.from(user.password));
    if (!ok) {
      res.statusCode = 401;
      return showLogin(req, res, 'Wrong user name or password.');
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer, browserClientId: BROWSER_CLIENT_ID, cliClientId: CLI_CLIENT_ID, cliRedirectUri, signingKey,
    allowApplication: async (origin) => {
      redirectUris.add(`${origin.replace(/\/$/, '')}/auth/callback`);
      await saveBrowserClient();
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { body += c; if (body.length > 10_000) req.destroy(); });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}[role=alert]{color:#a00}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

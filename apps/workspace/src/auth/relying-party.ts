import { Injectable } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import { WorkspaceConfig } from '../workspace.config';

// An ES module; Node 20 requires it natively and jest transforms it.
const oidc = (): typeof OpenIdClient => require('openid-client');

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresIn: number;
}

export interface PendingLogin {
  state: string;
  verifier: string;
  nonce: string;
  returnTo: string;
}

const SCOPE = 'openid profile groups offline_access';

/**
 * The workspace as the provider's relying party: authorization code with PKCE (S256), a client
 * secret when one is configured (a confidential client), refresh, RP-initiated logout. The
 * provider's metadata is discovered on first use and again after a failure, so the workspace
 * starts while the provider is down and signs people in once it is back.
 */
@Injectable()
export class RelyingParty {
  private discovered?: Promise<OpenIdClient.Configuration>;

  constructor(private readonly config: WorkspaceConfig) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  get configured(): boolean {
    return Boolean(this.config.identity.issuer && this.config.identity.clientId);
  }

  private configuration(): Promise<OpenIdClient.Configuration> {
    const { issuer, clientId, clientSecret } = this.config.identity;
    if (!issuer || !clientId) return Promise.reject(new Error('OIDC_ISSUER and OIDC_CLIENT_ID are not set'));
    if (!this.discovered) {
      const c = oidc();
      const insecure = issuer.startsWith('http:') ? [c.allowInsecureRequests] : [];
      this.discovered = c.discovery(new URL(issuer), clientId, clientSecret, clientSecret ? undefined : c.None(), { execute: insecure });
      this.discovered.catch(() => { this.discovered = undefined; });
    }
    return this.discovered;
  }

  async startLogin(returnTo: string): Promise<{ url: string; pending: PendingLogin }> {
    const c = oidc();
    const config = await this.configuration();
    const pending: PendingLogin = { state: c.randomState(), verifier: c.randomPKCECodeVerifier(), nonce: c.randomNonce(), returnTo };
    const url = c.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri, scope: SCOPE, response_type: 'code', state: pending.state, nonce: pending.nonce,
      code_challenge: await c.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
      ...(this.config.identity.audience ? { resource: this.config.identity.audience } : {}),
    });
    return { url: url.href, pending };
  }

  async finishLogin(callbackUrl: URL, pending: PendingLogin): Promise<TokenSet> {
    const c = oidc();
    const tokens = await c.authorizationCodeGrant(
      await this.configuration(), callbackUrl,
      { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce },
      this.resource(),
    );
    return toTokenSet(tokens);
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    const tokens = await oidc().refreshTokenGrant(await this.configuration(), refreshToken, this.resource());
    return { ...toTokenSet(tokens), refreshToken: tokens.refresh_token ?? refreshToken };
  }

  /** The provider's logout address (RP-initiated logout), or undefined when it has none. */
  async logoutUrl(idToken: string | undefined): Promise<string | undefined> {
    try {
      const config = await this.configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return oidc().buildEndSessionUrl(config, { post_logout_redirect_uri: `${this.config.publicUrl}/`, ...(idToken ? { id_token_hint: idToken } : {}) }).href;
    } catch {
      return undefined;
    }
  }

  private resource(): Record<string, string> {
    return this.config.identity.audience ? { resource: this.config.identity.audience } : {};
  }
}

function toTokenSet(t: OpenIdClient.TokenEndpointResponse): TokenSet {
  return { accessToken: t.access_token, refreshToken: t.refresh_token, idToken: t.id_token, expiresIn: t.expires_in ?? 300 };
}

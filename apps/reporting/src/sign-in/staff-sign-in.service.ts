import { Inject, Injectable, Logger } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import { ReportingConfig } from '../reporting.config';
import { CookieSealer, PendingSignIn, StaffSession } from './session-cookie';

// An ES module; Node 20 requires it natively and jest transforms it.
const oidc = (): typeof OpenIdClient => require('openid-client');

export class SignInUnavailable extends Error {}

/**
 * The dashboard's sign-in as an OpenID Connect relying party (openid-client): authorization code
 * with PKCE, tokens kept in a sealed httpOnly cookie, refreshed silently before they expire, an
 * end after inactivity, and sign-out at the provider too (RP-initiated logout).
 */
@Injectable()
export class StaffSignIn {
  private readonly logger = new Logger('SignIn');
  private readonly sealer: CookieSealer;
  private discovered?: Promise<OpenIdClient.Configuration>;

  constructor(@Inject(ReportingConfig) private readonly config: ReportingConfig) {
    this.sealer = new CookieSealer(config.sessionSecret);
  }

  get enabled(): boolean {
    return Boolean(this.config.identity.issuer && this.config.identity.clientId);
  }

  seal(value: object): string {
    return this.sealer.seal(value);
  }

  unseal<T>(value: string | undefined): T | undefined {
    return this.sealer.unseal<T>(value);
  }

  async start(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
    const client = oidc();
    const config = await this.configuration();
    const pending: PendingSignIn = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: 'openid profile groups offline_access', response_type: 'code', state: pending.state, nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
      ...(this.config.identity.audience ? { resource: this.config.identity.audience } : {}),
    });
    return { url: url.href, pending };
  }

  async finish(currentUrl: URL, pending: PendingSignIn): Promise<StaffSession> {
    const client = oidc();
    const tokens = await client.authorizationCodeGrant(await this.configuration(), currentUrl, {
      pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce,
    }, this.resource());
    return this.session(tokens);
  }

  /** The session's access token, refreshed when it is about to expire; undefined when the session is over. */
  async current(session: StaffSession): Promise<{ session: StaffSession; changed: boolean } | undefined> {
    const now = Math.floor(Date.now() / 1000);
    if (now - session.seenAt > this.config.sessionIdleSeconds) return undefined;
    if (session.expiresAt - now > this.config.sessionRefreshBeforeSeconds) return { session: { ...session, seenAt: now }, changed: now - session.seenAt > 60 };
    if (!session.refreshToken) return undefined;
    try {
      const tokens = await oidc().refreshTokenGrant(await this.configuration(), session.refreshToken, this.resource());
      return { session: this.session(tokens, session), changed: true };
    } catch (err) {
      // The provider refused (session ended there) or is unreachable: the access token may still hold.
      this.logger.warn(`token refresh failed: ${err instanceof Error ? err.name : 'error'}`);
      return session.expiresAt > now ? { session, changed: false } : undefined;
    }
  }

  /** Where the browser goes to sign out at the provider too. */
  async endUrl(session: StaffSession | undefined, postLogoutRedirectUri: string): Promise<string> {
    try {
      return oidc().buildEndSessionUrl(await this.configuration(), {
        post_logout_redirect_uri: postLogoutRedirectUri, ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
      }).href;
    } catch {
      return postLogoutRedirectUri;
    }
  }

  private session(tokens: OpenIdClient.TokenEndpointResponse, previous?: StaffSession): StaffSession {
    const now = Math.floor(Date.now() / 1000);
    return {
      accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? previous?.refreshToken, idToken: tokens.id_token ?? previous?.idToken,
      expiresAt: now + (tokens.expires_in ?? 300), seenAt: now,
    };
  }

  private resource(): Record<string, string> | undefined {
    return this.config.identity.audience ? { resource: this.config.identity.audience } : undefined;
  }

  private configuration(): Promise<OpenIdClient.Configuration> {
    const { issuer, clientId, clientSecret } = this.config.identity;
    if (!issuer || !clientId) return Promise.reject(new SignInUnavailable('OIDC_ISSUER and OIDC_CLIENT_ID are not set'));
    const client = oidc();
    this.discovered ??= client.discovery(new URL(issuer), clientId, undefined, clientSecret ? client.ClientSecretPost(clientSecret) : client.None(), {
      // Plain http only for a provider on this machine (the embedded one in development).
      execute: /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(issuer) ? [client.allowInsecureRequests] : [],
      timeout: 5,
    }).catch((err) => {
      this.discovered = undefined;
      throw new SignInUnavailable(err instanceof Error ? err.message : String(err));
    });
    return this.discovered;
  }
}

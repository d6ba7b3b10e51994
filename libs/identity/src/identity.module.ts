import { DynamicModule, Global, Module } from '@nestjs/common';
import { BEARER_TOKEN_VERIFIER } from '@lotsen/platform';
import { IdentityConfig } from './identity-config';
import { TokenVerifier } from './token-verifier';

/** Lets the service's guard accept staff access tokens beside API keys (nothing to do without OIDC_ISSUER). */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    const providers = config.issuer ? [{ provide: BEARER_TOKEN_VERIFIER, useValue: new TokenVerifier(config) }] : [];
    return { module: IdentityModule, providers, exports: providers.map((p) => p.provide) };
  }
}

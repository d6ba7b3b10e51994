import { IsInt, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { commonSecrets, defineConfig, intEnv, readCommonConfig, ServiceCommonConfig } from '@lotsen/config';
import { Type } from 'class-transformer';
import { IdentityConfig, readIdentityConfig } from '@lotsen/identity';

export class ReportingConfig extends ServiceCommonConfig {
  /** Staff sign-in (OIDC_*): Bearer access tokens beside API keys. */
  @ValidateNested() @Type(() => IdentityConfig)
  identity: IdentityConfig;

  /**
   * The background projector folds a stream once no event came for it for this long (queries
   * still catch up on everything first): an inquiry's first events arrive within about a second,
   * and folding them together moves each rollup row once instead of once per event.
   */
  @IsInt() @Min(0) @Max(60_000)
  projectionSettleMs: number;

  /** Seals the dashboard's sign-in cookie (REPORTING_SESSION_SECRET); every instance needs the same. */
  @IsString() @MinLength(16)
  sessionSecret: string;

  /** A dashboard session ends after this much inactivity (default 8 hours, a working day). */
  @IsInt() @Min(60) @Max(7 * 24 * 3600)
  sessionIdleSeconds: number;

  /** The access token is refreshed when it has less than this left. */
  @IsInt() @Min(0) @Max(24 * 3600)
  sessionRefreshBeforeSeconds: number;
}

export const loadReportingConfig = defineConfig(ReportingConfig, (env) => ({
  identity: readIdentityConfig(env),
  ...readCommonConfig(env, 'REPORTING', 3004),
  projectionSettleMs: intEnv(env.REPORTING_PROJECTION_SETTLE_MS, 1000),
  sessionSecret: env.REPORTING_SESSION_SECRET ?? 'lotsen-development-session-secret',
  sessionIdleSeconds: intEnv(env.SESSION_IDLE_SECONDS, 8 * 3600),
  sessionRefreshBeforeSeconds: intEnv(env.REPORTING_SESSION_REFRESH_BEFORE_SECONDS, 60),
}), { secrets: (env) => commonSecrets(env, 'REPORTING') });

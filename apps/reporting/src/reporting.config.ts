import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';
import { commonSecrets, defineConfig, intEnv, readCommonConfig, ServiceCommonConfig } from '@lotsen/config';
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
}

export const loadReportingConfig = defineConfig(ReportingConfig, (env) => ({
  identity: readIdentityConfig(env),
  ...readCommonConfig(env, 'REPORTING', 3004),
  projectionSettleMs: intEnv(env.REPORTING_PROJECTION_SETTLE_MS, 1000),
}), { secrets: (env) => commonSecrets(env, 'REPORTING') });

import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { boolEnv, defineConfig, intEnv, readCommonConfig, ServiceCommonConfig } from '@lotsen/config';

export class IntakeConfig extends ServiceCommonConfig {
  /** Seals idempotent replies (they hold the tracking token) at rest. */
  @IsString() @MinLength(16)
  secret: string;

  /** Public base URL of the citizen pages, for tracking links. */
  @IsString()
  publicUrl: string;

  @IsInt() @Min(1) @Max(1000)
  citizenLookupsPerMinute: number;

  @IsBoolean()
  relay: boolean;
}

export const DEV_SECRET = 'lotsen-development-secret-change-me';

export const loadIntakeConfig = defineConfig(IntakeConfig, (env) => ({
  ...readCommonConfig(env, 'INTAKE', 3001),
  secret: env.INTAKE_SECRET ?? DEV_SECRET,
  publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${env.INTAKE_PORT ?? 3001}`,
  citizenLookupsPerMinute: intEnv(env.CITIZEN_LOOKUPS_PER_MINUTE, 30),
  relay: boolEnv(env.OUTBOX_RELAY, true),
}));


import { ArrayNotEmpty, IsArray, IsNumber, IsString, Max, Min, ValidateNested } from 'class-validator';
import { commonSecrets, defineConfig, devDataPath, Env, intEnv, readCommonConfig, ServiceCommonConfig, typicalInquiriesPath } from '@lotsen/config';
import { Type } from 'class-transformer';
import { IdentityConfig, readIdentityConfig } from '@lotsen/identity';

export class RoutingConfig extends ServiceCommonConfig {
  /** Staff sign-in (OIDC_*): Bearer access tokens beside API keys. */
  @ValidateNested() @Type(() => IdentityConfig)
  identity: IdentityConfig;

  /** Below this calibrated department confidence an inquiry goes to the human triage queue. */
  @IsNumber() @Min(0) @Max(1)
  confidenceThreshold: number;

  /** A queued item waiting this long with no qualified agent available widens its skill requirement. */
  @IsNumber() @Min(1)
  overflowAfterSeconds: number;

  /** ... and after this long it goes to the supervisor queue. */
  @IsNumber() @Min(1)
  supervisorAfterSeconds: number;

  /** How often the SLA/overflow scheduler looks for due timers. */
  @IsNumber() @Min(10) @Max(60000)
  schedulerIntervalMs: number;

  /** Business time passes this many times faster than real time (1 in production; tests shorten clocks). */
  @IsNumber() @Min(0.001) @Max(1e7)
  slaClockSpeed: number;

  /** How often the retention scheduler looks for inquiries whose time has come (gallring). */
  @IsNumber() @Min(1000) @Max(86_400_000)
  retentionIntervalMs: number;

  /** Inquiries per retention transaction; between two the scheduler pauses, so live traffic goes first. */
  @IsNumber() @Min(1) @Max(10_000)
  retentionBatchSize: number;

  /** The least pause between two batches. */
  @IsNumber() @Min(0) @Max(60_000)
  retentionPauseMs: number;

  /** Inquiries per second a run publishes, and so removes in every service: its pace beside live traffic. */
  @IsNumber() @Min(1) @Max(100_000)
  retentionRatePerSecond: number;

  /** Labelled examples the initial model and every retraining starts from. */
  @IsArray() @ArrayNotEmpty() @IsString({ each: true })
  trainingDataPaths: string[];

  /**
   * A retrained model replaces the active one only if at least as good on the municipality's
   * inquiries since the active model was made; with fewer than this many, there is nothing to
   * judge by and it is activated unjudged.
   */
  @IsNumber() @Min(1) @Max(100000)
  retrainMinHeldOut: number;

  /** The most recent labelled inquiries at most in that held-out slice. */
  @IsNumber() @Min(1) @Max(100000)
  retrainHeldOutSize: number;
}

function numEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
}

/**
 * The labelled examples to train from: ROUTING_TRAINING_DATA (JSONL files, comma-separated),
 * else the dev inquiries and the demo catalogue's typical inquiries.
 */
export function trainingDataPaths(env: Env = process.env): string[] {
  const given = env.ROUTING_TRAINING_DATA?.split(',').map((f) => f.trim()).filter(Boolean);
  return given?.length ? given : [devDataPath(), typicalInquiriesPath()];
}

/**
 * ROUTING_SEED_MODEL_CACHE: a directory where the demo seed keeps the model it trained, by a
 * digest of its training data and catalogue (the test run sets one per run); unset, it trains.
 */
export function seedModelCacheDir(env: Env = process.env): string | undefined {
  return env.ROUTING_SEED_MODEL_CACHE?.trim() || undefined;
}

export const loadRoutingConfig = defineConfig(RoutingConfig, (env: Env) => ({
  identity: readIdentityConfig(env),
  ...readCommonConfig(env, 'ROUTING', 3002),
  confidenceThreshold: numEnv(env.ROUTING_CONFIDENCE_THRESHOLD, 0.5),
  overflowAfterSeconds: intEnv(env.ROUTING_OVERFLOW_AFTER_SECONDS, 900),
  supervisorAfterSeconds: intEnv(env.ROUTING_SUPERVISOR_AFTER_SECONDS, 1800),
  schedulerIntervalMs: intEnv(env.ROUTING_SCHEDULER_INTERVAL_MS, 1000),
  slaClockSpeed: numEnv(env.ROUTING_SLA_CLOCK_SPEED, 1),
  retentionIntervalMs: intEnv(env.ROUTING_RETENTION_INTERVAL_MS, 3_600_000),
  retentionBatchSize: intEnv(env.ROUTING_RETENTION_BATCH_SIZE, 50),
  retentionPauseMs: intEnv(env.ROUTING_RETENTION_PAUSE_MS, 100),
  retentionRatePerSecond: intEnv(env.ROUTING_RETENTION_RATE, 60),
  trainingDataPaths: trainingDataPaths(env),
  retrainMinHeldOut: intEnv(env.ROUTING_RETRAIN_MIN_HELD_OUT, 20),
  retrainHeldOutSize: intEnv(env.ROUTING_RETRAIN_HELD_OUT_SIZE, 200),
}), { secrets: (env) => commonSecrets(env, 'ROUTING') });

import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Env, intEnv, Secret } from './define-config';

export class DatabaseConfig {
  @Secret()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  url: string;

  @IsInt() @Min(1) @Max(200)
  poolSize: number;
}

export class BrokerConfig {
  @Secret()
  @Matches(/^amqps?:\/\//, { message: 'must be an amqp:// URL' })
  url: string;

  /** Prefix for every exchange and queue name, so test runs and side-by-side installs never collide. */
  @Matches(/^[a-z0-9_.-]*$/)
  namespace: string;

  @IsInt() @Min(1) @Max(10000)
  prefetch: number;

  @IsInt() @Min(1) @Max(100)
  deliveryLimit: number;

  /** Most events handled in one consumer transaction. */
  @IsInt() @Min(1) @Max(1000)
  batchSize: number;

  /** Consumer batches handled side by side (each holds one database connection). */
  @IsInt() @Min(1) @Max(32)
  workers: number;
}

/** Removal of rows with no legal weight (inbox, idempotency records, sessions), well past any redelivery or replay. */
export class HousekeepingConfig {
  @IsInt() @Min(1) @Max(3650)
  afterDays: number;

  @IsInt() @Min(1000) @Max(86_400_000)
  intervalMs: number;
}

export class ServiceCommonConfig {
  @IsInt() @Min(0) @Max(65535)
  port: number;

  @IsString() @IsNotEmpty()
  host: string;

  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  logLevel: string;

  @ValidateNested() @Type(() => DatabaseConfig)
  database: DatabaseConfig;

  @ValidateNested() @Type(() => BrokerConfig)
  broker: BrokerConfig;

  @ValidateNested() @Type(() => HousekeepingConfig)
  housekeeping: HousekeepingConfig;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/lotsen';
export const DEFAULT_BROKER_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** The settings every service shares; `prefix` is the service's env prefix, e.g. INTAKE. */
export function readCommonConfig(env: Env, prefix: string, defaultPort: number) {
  return {
    port: intEnv(env[`${prefix}_PORT`], defaultPort),
    host: env[`${prefix}_HOST`] ?? env.HOST ?? '0.0.0.0',
    logLevel: env.LOG_LEVEL ?? 'info',
    database: {
      url: env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
      poolSize: intEnv(env[`${prefix}_DB_POOL_SIZE`] ?? env.DB_POOL_SIZE, 10),
    },
    broker: {
      url: env.AMQP_URL ?? DEFAULT_BROKER_URL,
      namespace: env.BROKER_NAMESPACE ?? '',
      // Few, large consumer transactions: on two cores 2 workers × up to 100 events carried 15–25 %
      // more end to end than 4 × 50 (bench/RESULTS.md). At low load a batch is still one message.
      prefetch: intEnv(env[`${prefix}_PREFETCH`] ?? env.AMQP_PREFETCH, 200),
      deliveryLimit: intEnv(env.AMQP_DELIVERY_LIMIT, 5),
      batchSize: intEnv(env[`${prefix}_BATCH_SIZE`] ?? env.AMQP_BATCH_SIZE, 100),
      workers: intEnv(env[`${prefix}_CONSUMER_WORKERS`] ?? env.AMQP_CONSUMER_WORKERS, 2),
    },
    housekeeping: {
      afterDays: intEnv(env.HOUSEKEEPING_AFTER_DAYS, 30),
      intervalMs: intEnv(env.HOUSEKEEPING_INTERVAL_MS, 3_600_000),
    },
  };
}

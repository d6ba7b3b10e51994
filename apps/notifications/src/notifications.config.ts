import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArrayMinSize, IsArray, IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { boolEnv, commonSecrets, defineConfig, intEnv, readCommonConfig, Secret, ServiceCommonConfig } from '@lotsen/config';
import { CALLING_CODE, parseCallingCodes } from './channels/sms-countries';
import { Type } from 'class-transformer';
import { IdentityConfig, readIdentityConfig } from '@lotsen/identity';

export class NotificationsConfig extends ServiceCommonConfig {
  /** Staff sign-in (OIDC_*): Bearer access tokens beside API keys. */
  @ValidateNested() @Type(() => IdentityConfig)
  identity: IdentityConfig;

  /** smtp://user:pass@host:port, smtps://…, or file:///dir (development: one .eml per message). */
  @Secret()
  @Matches(/^(smtps?|file):\/\//, { message: 'must be an smtp://, smtps:// or file:// URL' })
  smtpUrl: string;

  @IsInt() @Min(1) @Max(100)
  smtpMaxConnections: number;

  /** https://user:pass@api.46elks.com/a1 (46elks' API shape) or file:///dir. */
  @Secret()
  @Matches(/^(https?|file):\/\//, { message: 'must be an https://, http:// or file:// URL' })
  smsUrl: string;

  /** Signs opt-out links and keys addresses in the suppression list (HMAC-SHA256). */
  @Secret() @IsString() @MinLength(16)
  secret: string;

  /** Intake's public base URL: tracking links are `{citizenBaseUrl}/v1/inquiries/{reference}?token=…`. */
  @Matches(/^https?:\/\//)
  citizenBaseUrl: string;

  /** This service's public base URL, for survey and opt-out links. */
  @Matches(/^https?:\/\//)
  publicUrl: string;

  /** `From` when a tenant has none configured. */
  @IsString() @MinLength(3)
  defaultFrom: string;

  /** SMS sender when a tenant has none (3–11 letters/digits or a number). */
  @IsString()
  defaultSmsSender: string;

  /** At most one status update per inquiry within this many seconds. */
  @IsInt() @Min(0) @Max(7 * 24 * 3600)
  statusWindowSeconds: number;

  /** Dispatcher: deliveries in flight at once / claimed per round. */
  @IsInt() @Min(1) @Max(1000)
  dispatchBatchSize: number;

  /** Dispatcher: poll interval for scheduled retries and other instances' work. */
  @IsInt() @Min(20) @Max(60_000)
  dispatchPollMs: number;

  @IsInt() @Min(10) @Max(24 * 3600 * 1000)
  retryBaseMs: number;

  @IsInt() @Min(10) @Max(7 * 24 * 3600 * 1000)
  retryMaxMs: number;

  @IsInt() @Min(1) @Max(50)
  maxAttempts: number;

  /** A row left in `sending` longer than this (its sender crashed) is sent again: the duplicate window. */
  @IsInt() @Min(1000) @Max(24 * 3600 * 1000)
  sendingTimeoutMs: number;

  /** On shutdown, wait this long for sends in flight so their results are recorded. */
  @IsInt() @Min(0) @Max(120_000)
  shutdownGraceMs: number;

  /**
   * A hard bounce (the provider refused the address) stops every message to it for this many
   * days, then the address is tried again: addresses are fixed, mailboxes come back.
   */
  @IsInt() @Min(1) @Max(3650)
  bounceSuppressionDays: number;

  /** Country calling codes an SMS may go to, for tenants that set none of their own (default Sweden, 46). */
  @IsArray() @ArrayMinSize(1) @Matches(CALLING_CODE, { each: true, message: 'each SMS country must be a calling code such as 46' })
  smsCountries: string[];

  /** At most this many receipts and status updates to one address (e-mail or number) per hour; the rest are logged as suppressed. */
  @IsInt() @Min(1) @Max(10_000)
  receiptsPerAddressPerHour: number;

  /** Run the dispatcher in this process (default true). */
  @IsBoolean()
  dispatcher: boolean;
}

/** Development only: it is public, and with it anyone could sign an opt-out for any address. */
export const DEV_NOTIFICATIONS_SECRET = 'lotsen-notifications-development-secret';

const devDir = (name: string) => pathToFileURL(path.join(process.cwd(), '.lotsen', name)).toString();

export const loadNotificationsConfig = defineConfig(NotificationsConfig, (env) => {
  const port = intEnv(env.NOTIFICATIONS_PORT, 3003);
  return {
    identity: readIdentityConfig(env),
    ...readCommonConfig(env, 'NOTIFICATIONS', 3003),
    smtpUrl: env.NOTIFICATIONS_SMTP_URL || devDir('outbox-mail'),
    smtpMaxConnections: intEnv(env.NOTIFICATIONS_SMTP_MAX_CONNECTIONS, 5),
    smsUrl: env.NOTIFICATIONS_SMS_URL || devDir('outbox-sms'),
    secret: env.NOTIFICATIONS_SECRET ?? DEV_NOTIFICATIONS_SECRET,
    citizenBaseUrl: (env.CITIZEN_BASE_URL ?? env.PUBLIC_URL ?? `http://127.0.0.1:${env.INTAKE_PORT || 3001}`).replace(/\/+$/, ''),
    publicUrl: (env.NOTIFICATIONS_PUBLIC_URL ?? `http://127.0.0.1:${port || 3003}`).replace(/\/+$/, ''),
    defaultFrom: env.NOTIFICATIONS_FROM ?? 'Demo kommun <kontakt@demo.lotsen.se>',
    defaultSmsSender: env.NOTIFICATIONS_SMS_SENDER ?? 'Lotsen',
    statusWindowSeconds: intEnv(env.NOTIFICATIONS_STATUS_WINDOW_SECONDS, 600),
    dispatchBatchSize: intEnv(env.NOTIFICATIONS_DISPATCH_BATCH_SIZE, 100),
    dispatchPollMs: intEnv(env.NOTIFICATIONS_DISPATCH_POLL_MS, 1000),
    retryBaseMs: intEnv(env.NOTIFICATIONS_RETRY_BASE_MS, 5000),
    retryMaxMs: intEnv(env.NOTIFICATIONS_RETRY_MAX_MS, 3600_000),
    maxAttempts: intEnv(env.NOTIFICATIONS_MAX_ATTEMPTS, 8),
    sendingTimeoutMs: intEnv(env.NOTIFICATIONS_SENDING_TIMEOUT_MS, 120_000),
    shutdownGraceMs: intEnv(env.NOTIFICATIONS_SHUTDOWN_GRACE_MS, 10_000),
    dispatcher: boolEnv(env.NOTIFICATIONS_DISPATCHER, true),
    bounceSuppressionDays: intEnv(env.NOTIFICATIONS_BOUNCE_SUPPRESSION_DAYS, 30),
    smsCountries: parseCallingCodes(env.NOTIFICATIONS_SMS_COUNTRIES ?? '46'),
    receiptsPerAddressPerHour: intEnv(env.NOTIFICATIONS_RECEIPTS_PER_ADDRESS_PER_HOUR, 10),
  };
}, {
  // Outside development the mail and SMS providers are named explicitly: the file:// defaults
  // would quietly write citizens' messages to disk instead of sending them.
  secrets: (env) => [
    ...commonSecrets(env, 'NOTIFICATIONS'),
    { name: 'NOTIFICATIONS_SECRET', value: env.NOTIFICATIONS_SECRET, development: [DEV_NOTIFICATIONS_SECRET] },
    { name: 'NOTIFICATIONS_SMTP_URL', value: env.NOTIFICATIONS_SMTP_URL, url: true },
    { name: 'NOTIFICATIONS_SMS_URL', value: env.NOTIFICATIONS_SMS_URL, url: true },
  ],
});

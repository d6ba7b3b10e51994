import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { boolEnv, commonSecrets, defineConfig, intEnv, readCommonConfig, Secret, ServiceCommonConfig } from '@lotsen/config';
import { IsTrustProxy } from '@lotsen/platform';
import { readSubmissionLimits, SubmissionLimitsConfig } from './inquiries/submission-limits';
import { IdentityConfig, readIdentityConfig } from '@lotsen/identity';

const MB = 1024 * 1024;

/** The inbound SMTP listener the municipality's mail system forwards to. */
export class SmtpListenerConfig {
  @IsBoolean()
  enabled: boolean;

  /**
   * Set when the port (or the listener) was asked for explicitly: then a port in use stops the
   * service. On the default port, a second instance on the same host (benches, chaos runs) logs
   * an error and runs without SMTP instead.
   */
  @IsBoolean()
  required: boolean;

  /** 0 picks a free port (tests). */
  @IsInt() @Min(0) @Max(65535)
  port: number;

  @IsString()
  host: string;

  /** Name in the greeting and Received lines. */
  @IsString() @MinLength(1)
  hostname: string;

  /** Whole message as received (DATA); larger is refused with 552 (also announced as SIZE). */
  @IsInt() @Min(1024) @Max(100 * MB)
  maxMessageBytes: number;

  /** The header block; larger is refused with 552. */
  @IsInt() @Min(1024) @Max(4 * MB)
  maxHeaderBytes: number;

  @IsInt() @Min(0) @Max(100)
  maxAttachments: number;

  /** Per attachment (decoded bytes, stored as received: never decompressed). */
  @IsInt() @Min(1024) @Max(100 * MB)
  maxAttachmentBytes: number;

  /** MIME parts per message (the message itself, containers and leaves); more is refused with 552 before parsing. */
  @IsInt() @Min(1) @Max(10000)
  maxMimeParts: number;

  /** Attachment bytes stored for one message, all files together; more is refused with 552. */
  @IsInt() @Min(1024) @Max(100 * MB)
  maxAttachmentBytesPerMessage: number;

  /**
   * Bytes stored for one sender (From address, else MAIL FROM) in the last 24 hours: attachments,
   * and the raw mails of auto-replies and bounces. Past it, 452: the sending server tries later.
   */
  @IsInt() @Min(1024) @Max(10 * 1024 * MB)
  maxStoredBytesPerSenderDay: number;

  /** More Received headers than this is a mail loop. */
  @IsInt() @Min(5) @Max(200)
  maxReceivedHeaders: number;

  @IsInt() @Min(1) @Max(10000)
  maxClients: number;
}

export class IntakeConfig extends ServiceCommonConfig {
  /** Staff sign-in (OIDC_*): Bearer access tokens beside API keys. */
  @ValidateNested() @Type(() => IdentityConfig)
  identity: IdentityConfig;

  /** Seals idempotent replies (they hold the tracking token) at rest; signs the citizen form's CSRF tokens. */
  @Secret() @IsString() @MinLength(16)
  secret: string;

  /** Public base URL of the citizen pages, for tracking links. */
  @IsString()
  publicUrl: string;

  @IsInt() @Min(1) @Max(1000)
  citizenLookupsPerMinute: number;

  /** TRUST_PROXY as given (parsed by the HTTP layer): whose X-Forwarded-For names the client. Off by default. */
  @IsTrustProxy()
  trustProxy: string;

  @ValidateNested() @Type(() => SubmissionLimitsConfig)
  submissionLimits: SubmissionLimitsConfig;

  @IsBoolean()
  relay: boolean;

  @ValidateNested() @Type(() => SmtpListenerConfig)
  smtp: SmtpListenerConfig;

  /** A staff upload (scanned letter); the request body may be a third larger (base64). */
  @IsInt() @Min(1024) @Max(50 * MB)
  maxUploadBytes: number;
}

/** Development only: outside development INTAKE_SECRET must be set, and to something else. */
export const DEV_SECRET = 'lotsen-development-secret-change-me';

export const loadIntakeConfig = defineConfig(IntakeConfig, (env) => ({
  identity: readIdentityConfig(env),
  ...readCommonConfig(env, 'INTAKE', 3001),
  secret: env.INTAKE_SECRET ?? DEV_SECRET,
  publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${env.INTAKE_PORT ?? 3001}`,
  citizenLookupsPerMinute: intEnv(env.CITIZEN_LOOKUPS_PER_MINUTE, 30),
  trustProxy: env.TRUST_PROXY ?? '',
  submissionLimits: readSubmissionLimits(env),
  relay: boolEnv(env.OUTBOX_RELAY, true),
  smtp: {
    enabled: boolEnv(env.INTAKE_SMTP_ENABLED, true),
    required: Boolean(env.INTAKE_SMTP_PORT) || Boolean(env.INTAKE_SMTP_ENABLED),
    // An intake on a free HTTP port (tests, side-by-side instances) takes a free SMTP port too.
    port: intEnv(env.INTAKE_SMTP_PORT, env.INTAKE_PORT === '0' ? 0 : 2525),
    host: env.INTAKE_SMTP_HOST ?? env.INTAKE_HOST ?? env.HOST ?? '0.0.0.0',
    hostname: env.INTAKE_SMTP_HOSTNAME ?? 'lotsen-intake',
    maxMessageBytes: intEnv(env.INTAKE_SMTP_MAX_MESSAGE_BYTES, 10 * MB),
    maxHeaderBytes: intEnv(env.INTAKE_SMTP_MAX_HEADER_BYTES, 64 * 1024),
    maxAttachments: intEnv(env.INTAKE_SMTP_MAX_ATTACHMENTS, 20),
    maxAttachmentBytes: intEnv(env.INTAKE_SMTP_MAX_ATTACHMENT_BYTES, 10 * MB),
    maxMimeParts: intEnv(env.INTAKE_SMTP_MAX_MIME_PARTS, 100),
    maxAttachmentBytesPerMessage: intEnv(env.INTAKE_SMTP_MAX_ATTACHMENT_BYTES_PER_MESSAGE, 8 * MB),
    maxStoredBytesPerSenderDay: intEnv(env.INTAKE_SMTP_MAX_STORED_BYTES_PER_SENDER_DAY, 100 * MB),
    maxReceivedHeaders: intEnv(env.INTAKE_SMTP_MAX_RECEIVED, 30),
    maxClients: intEnv(env.INTAKE_SMTP_MAX_CLIENTS, 100),
  },
  maxUploadBytes: intEnv(env.INTAKE_MAX_UPLOAD_BYTES, 10 * MB),
}), {
  secrets: (env) => [...commonSecrets(env, 'INTAKE'), { name: 'INTAKE_SECRET', value: env.INTAKE_SECRET, development: [DEV_SECRET] }],
});

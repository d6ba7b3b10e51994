import type { Env } from './define-config';

/**
 * Development is what runs without NODE_ENV (`npm start`), or with `development` / `test`.
 * Anything else — `production`, which every container and manifest sets, but also a mistyped or
 * site-specific value — is treated as production: strict is the safe side to be wrong on.
 */
export function isDevelopment(env: Env): boolean {
  const mode = (env.NODE_ENV ?? '').trim().toLowerCase();
  return mode === '' || mode === 'development' || mode === 'test';
}

/** A secret a service reads from the environment, and the values it must never run with outside development. */
export interface SecretVariable {
  /** The variable to name in the error (e.g. INTAKE_SECRET, or "INTAKE_DATABASE_URL or DATABASE_URL"). */
  name: string;
  value: string | undefined;
  /** Values shipped in the source for development (the fallbacks, well-known defaults). */
  development?: string[];
  /** A URL whose user info is the secret: placeholders and development credentials are looked for there. */
  url?: boolean;
}

const PLACEHOLDER = /change[-_ ]?me/i;

/** The credentials of Postgres' and RabbitMQ's images and of the development defaults. */
const DEVELOPMENT_CREDENTIALS = new Set(['guest:guest', 'postgres:postgres', 'postgres:']);

function userInfo(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.username || u.password ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Outside development, every listed secret must be set, must not be a template placeholder
 * (`CHANGE-ME…`) and must not be a development value. The problems name the variable and
 * never its value.
 */
export function productionSecretProblems(env: Env, secrets: SecretVariable[]): string[] {
  if (isDevelopment(env)) return [];
  const problems: string[] = [];
  for (const s of secrets) {
    const value = s.value?.trim();
    const where = `${s.name} (NODE_ENV=${env.NODE_ENV})`;
    if (!value) problems.push(`${where}: required outside development; set it from the platform's secret store`);
    else if (s.development?.includes(value)) problems.push(`${where}: is the development value from the source code; set a secret of your own`);
    else if (PLACEHOLDER.test(value)) problems.push(`${where}: is a placeholder from a template; set the real value`);
    else if (s.url && DEVELOPMENT_CREDENTIALS.has(userInfo(value) ?? '')) problems.push(`${where}: uses a well-known development credential; give it its own user and password`);
  }
  return problems;
}

/** The database and broker URLs every service reads (readCommonConfig): they carry passwords. */
export function commonSecrets(env: Env, prefix: string): SecretVariable[] {
  const dbName = `${prefix}_DATABASE_URL`;
  return [
    { name: env[dbName] !== undefined ? dbName : env.DATABASE_URL !== undefined ? 'DATABASE_URL' : `${dbName} or DATABASE_URL`, value: env[dbName] ?? env.DATABASE_URL, url: true },
    { name: 'AMQP_URL', value: env.AMQP_URL, url: true },
  ];
}

/** A URL with its password (and any user name) replaced, for messages. */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s"]*@/gi, '$1***@');
}

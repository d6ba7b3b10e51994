import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { commonSecrets, defineConfig, intEnv, readCommonConfig, Secret, ServiceCommonConfig } from '@lotsen/config';
import { IdentityConfig, readIdentityConfig } from '@lotsen/identity';

const URL_RULE = /^https?:\/\/[^\s]+$/;

/** Where the workspace finds the four services it calls on the signed-in person's behalf. */
export class UpstreamConfig {
  @Matches(URL_RULE) intake: string;
  @Matches(URL_RULE) routing: string;
  @Matches(URL_RULE) notifications: string;
  @Matches(URL_RULE) reporting: string;
}

export class WorkspaceConfig extends ServiceCommonConfig {
  /** The OpenID Provider (OIDC_*); the workspace is its relying party (OIDC_CLIENT_ID, optional OIDC_CLIENT_SECRET). */
  @ValidateNested() @Type(() => IdentityConfig)
  identity: IdentityConfig;

  @ValidateNested() @Type(() => UpstreamConfig)
  upstream: UpstreamConfig;

  /** The address browsers use (the OIDC redirect URI is derived from it); https makes the cookie Secure. */
  @Matches(URL_RULE)
  publicUrl: string;

  /** Seals the tokens kept in the session store, so a copy of the table is no set of live tokens. */
  @Secret() @IsString() @MinLength(16)
  sessionSecret: string;

  /** A session ends after this much inactivity (a working day by default). */
  @IsInt() @Min(60) @Max(7 * 24 * 3600)
  sessionIdleSeconds: number;

  /** The access token is refreshed when it has less than this left. */
  @IsInt() @Min(0) @Max(3600)
  refreshAheadSeconds: number;
}

export const DEV_SESSION_SECRET = 'lotsen-workspace-development-secret-change-me';

export const loadWorkspaceConfig = defineConfig(WorkspaceConfig, (env) => {
  const common = readCommonConfig(env, 'WORKSPACE', 3005);
  return {
    identity: readIdentityConfig(env),
    ...common,
    upstream: {
      intake: env.WORKSPACE_INTAKE_URL ?? `http://127.0.0.1:${env.INTAKE_PORT ?? 3001}`,
      routing: env.WORKSPACE_ROUTING_URL ?? `http://127.0.0.1:${env.ROUTING_PORT ?? 3002}`,
      notifications: env.WORKSPACE_NOTIFICATIONS_URL ?? `http://127.0.0.1:${env.NOTIFICATIONS_PORT ?? 3003}`,
      reporting: env.WORKSPACE_REPORTING_URL ?? `http://127.0.0.1:${env.REPORTING_PORT ?? 3004}`,
    },
    publicUrl: (env.WORKSPACE_PUBLIC_URL ?? `http://127.0.0.1:${common.port}`).replace(/\/+$/, ''),
    sessionSecret: env.WORKSPACE_SESSION_SECRET ?? DEV_SESSION_SECRET,
    sessionIdleSeconds: intEnv(env.WORKSPACE_SESSION_IDLE_SECONDS, 8 * 3600),
    refreshAheadSeconds: intEnv(env.WORKSPACE_REFRESH_AHEAD_SECONDS, 60),
  };
}, {
  secrets: (env) => [...commonSecrets(env, 'WORKSPACE'), { name: 'WORKSPACE_SESSION_SECRET', value: env.WORKSPACE_SESSION_SECRET, development: [DEV_SESSION_SECRET] }],
});

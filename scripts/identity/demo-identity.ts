/**
 * `npm start`'s identity provider: the embedded one with the demo staff, unless OIDC_ISSUER points
 * at a real provider. Users and passwords persist in `.lotsen/demo.json` under `users` (git-ignored).
 */
import { DemoUser, demoUsers } from './demo-staff';
import { EMBEDDED_AUDIENCE, startEmbeddedProvider } from './embedded-provider';

export const DEFAULT_PROVIDER_PORT = 3009;

export interface DemoIdentity {
  issuer: string;
  audience: string;
  clientId: string;
  cliClientId: string;
  cliRedirectUri: string;
}

export interface DemoFileIdentity {
  users?: Record<string, DemoUser>;
  identity?: DemoIdentity;
}

/** Starts the embedded provider; answers the env the services need and what goes into demo.json. */
export async function startDemoIdentity(previous: DemoFileIdentity, tenantId: string, env = process.env) {
  const users = demoUsers(previous.users);
  const port = Number(env.OIDC_PROVIDER_PORT ?? DEFAULT_PROVIDER_PORT);
  const reportingPort = env.REPORTING_PORT ?? '3004';
  const workspacePort = env.WORKSPACE_PORT ?? '3005';
  const provider = await startEmbeddedProvider({
    users, tenantId, audience: EMBEDDED_AUDIENCE, port,
    redirectUris: [`http://127.0.0.1:${reportingPort}/auth/callback`, `http://localhost:${reportingPort}/auth/callback`, `http://127.0.0.1:${workspacePort}/auth/callback`],
  });
  const identity: DemoIdentity = {
    issuer: provider.issuer, audience: EMBEDDED_AUDIENCE, clientId: provider.browserClientId, cliClientId: provider.cliClientId, cliRedirectUri: provider.cliRedirectUri,
  };
  const serviceEnv = { OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: EMBEDDED_AUDIENCE, OIDC_CLIENT_ID: provider.browserClientId };
  return { provider, users, identity, serviceEnv };
}

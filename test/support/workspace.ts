import { execFileSync } from 'child_process';
import { createServer } from 'net';
import { join } from 'path';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import type { RunningService } from '@lotsen/platform';
import { startWorkspace } from '../../apps/workspace/src/bootstrap';
import { loadWorkspaceConfig } from '../../apps/workspace/src/workspace.config';
import { ServiceName } from '../../scripts/setup/migrate-all';
import { DemoUser, demoUsers } from '../../scripts/identity/demo-staff';
import { EMBEDDED_AUDIENCE, EmbeddedProvider, startEmbeddedProvider } from '../../scripts/identity/embedded-provider';
import { startPlatform, TestPlatform } from './platform';

export interface WorkspaceRig {
  platform: TestPlatform;
  /** The provider the services and the workspace trust here (its redirect URI is the workspace's). */
  provider: EmbeddedProvider;
  users: Record<string, DemoUser>;
  workspace: RunningService;
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The browser application, built once (Vite skips the build when nothing changed). */
export function buildWorkspaceApplication(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-workspace-ui.js')], { stdio: 'pipe', timeout: 180_000 });
}

/**
 * The platform's services and the workspace in front of them, on free ports, with an embedded
 * provider whose browser client redirects to this workspace (the redirect URI must be known
 * before the provider starts, so the workspace's port is chosen first).
 */
export async function startWorkspaceRig(services: ServiceName[], env: Record<string, string> = {}, providerOptions: { accessTokenTtlSeconds?: number } = {}): Promise<WorkspaceRig> {
  buildWorkspaceApplication();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const users = demoUsers();
  const provider = await startEmbeddedProvider({ users, tenantId: 'demo', audience: EMBEDDED_AUDIENCE, redirectUris: [`${url}/auth/callback`], ...providerOptions });
  let platform: TestPlatform | undefined;
  try {
    platform = await startPlatform(services, { OIDC_ISSUER: provider.issuer });
    const config = loadWorkspaceConfig({
      ...platform.serviceEnv,
      WORKSPACE_PORT: String(port),
      WORKSPACE_DATABASE_URL: serviceDatabaseUrl(platform.env.databaseUrl, 'workspace'),
      WORKSPACE_PUBLIC_URL: url,
      ...Object.fromEntries(services.map((s) => [`WORKSPACE_${s.toUpperCase()}_URL`, platform!.urls[s]!])),
      ...env,
    });
    const workspace = await startWorkspace(config);
    const p = platform;
    return {
      platform: p, provider, users, workspace, url,
      async close() {
        await workspace.app.close().catch(() => undefined);
        await p.close();
        await provider.close();
      },
    };
  } catch (err) {
    await platform?.close();
    await provider.close();
    throw err;
  }
}

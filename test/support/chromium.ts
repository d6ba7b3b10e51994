import { execSync } from 'child_process';
import { existsSync } from 'fs';

export const CHROMIUM = '/usr/bin/chromium';
/**
 * For a beforeAll that calls ensureChromium: the install runs synchronously inside the hook, so
 * the hook's timeout must outlast both apt-get attempts (a fresh CI machine installs it there).
 */
export const BROWSER_SETUP_TIMEOUT_MS = 15 * 60_000;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * Debian's chromium for browser tests: installed with apt-get when missing (CI runs as root),
 * after an `apt-get update` if the first attempt fails; a clear error if that is impossible.
 * Two test files may install it at once (parallel workers): apt waits for the other's lock.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const apt = 'apt-get -o DPkg::Lock::Timeout=300';
  const attempts = [`${apt} install -y chromium`, `${apt} update && ${apt} install -y chromium`];
  const errors: string[] = [];
  for (const cmd of attempts) {
    try {
      execSync(cmd, { stdio: 'pipe', timeout: 400_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (err) {
      errors.push(`${cmd}: ${((err as { stderr?: Buffer }).stderr?.toString() ?? (err as Error).message).trim().split('\n').slice(-2).join(' ')}`);
    }
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  throw new Error(`The browser test needs Debian's chromium at ${CHROMIUM} and could not install it (run as root: apt-get update && apt-get install -y chromium).\n${errors.join('\n')}`);
}

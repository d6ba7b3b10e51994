/**
 * `npm run token -- <demo user>` (development only): prints an access token for a demo member of
 * staff from the embedded provider that `npm start` runs, for curl and scripts:
 *   curl -H "Authorization: Bearer $(npm run -s token -- sven)" http://127.0.0.1:3002/v1/work
 * It signs in exactly as a browser would (authorization code + PKCE, the login form) with the
 * password from `.lotsen/demo.json`: the embedded provider has no grant that production lacks.
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { DemoFileIdentity } from './identity/demo-identity';
import { signInWithPassword } from './identity/sign-in';

const FILE = join(resolve(__dirname, '..', '..'), '.lotsen', 'demo.json');

async function main() {
  const username = process.argv[2];
  if (!existsSync(FILE)) throw new Error('no .lotsen/demo.json: run `npm start` first');
  const demo = JSON.parse(readFileSync(FILE, 'utf8')) as DemoFileIdentity;
  if (!demo.identity || !demo.users) throw new Error('.lotsen/demo.json has no demo users: `npm start` runs the embedded identity provider unless OIDC_ISSUER is set');
  const user = username ? demo.users[username] : undefined;
  if (!user) throw new Error(`usage: npm run token -- <${Object.keys(demo.users).join('|')}>`);
  const { issuer, cliClientId, cliRedirectUri, audience } = demo.identity;
  const tokens = await signInWithPassword({ issuer, clientId: cliClientId, redirectUri: cliRedirectUri, audience, username: username!, password: user.password });
  process.stdout.write(tokens.accessToken + '\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

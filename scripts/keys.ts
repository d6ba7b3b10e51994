/**
 * `npm run keys -- issue --tenant demo --channel web [--label "web form"]`
 * `npm run keys -- issue --tenant demo --role agent [--subject <agent id>] [--label …]`
 * `npm run keys -- revoke --tenant demo --label <label>`
 * `npm run keys -- list --tenant demo`
 * API keys are stored as SHA-256 hashes: a channel key in intake's schema, a staff key in every
 * service's schema (each service checks its own table). Runs as the owner role (DATABASE_URL).
 */
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL } from '@lotsen/config';
import { CHANNELS, STAFF_ROLES } from '@lotsen/contracts';
import { generateApiKey, hashApiKey } from '@lotsen/platform';

const STAFF_SCHEMAS = ['intake', 'routing', 'notifications', 'reporting'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const command = process.argv[2];
  const tenant = arg('tenant');
  if (!command || !tenant) throw new Error('usage: npm run keys -- issue|revoke|list --tenant <id> [--channel c | --role r] [--label l] [--subject s]');
  const db = new Client({ connectionString: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL });
  await db.connect();
  try {
    if (command === 'issue') {
      const channel = arg('channel');
      const role = arg('role');
      if (Boolean(channel) === Boolean(role)) throw new Error('give exactly one of --channel or --role');
      if (channel && !(CHANNELS as readonly string[]).includes(channel)) throw new Error(`channel must be one of ${CHANNELS.join(', ')}`);
      if (role && !(STAFF_ROLES as readonly string[]).includes(role)) throw new Error(`role must be one of ${STAFF_ROLES.join(', ')}`);
      const key = generateApiKey();
      const label = arg('label') ?? `${channel ?? role} ${new Date().toISOString().slice(0, 10)} ${randomUUID().slice(0, 8)}`;
      await db.query('BEGIN');
      await db.query(`INSERT INTO intake.api_keys (id, tenant_id, key_hash, label, channel, role, subject_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), tenant, hashApiKey(key), label, channel ?? null, role ?? null, role ? arg('subject') ?? null : null]);
      if (role) {
        for (const schema of STAFF_SCHEMAS.slice(1)) {
          await db.query(`INSERT INTO ${schema}.api_keys (id, tenant_id, key_hash, label, role, subject_id) VALUES ($1, $2, $3, $4, $5, $6)`,
            [randomUUID(), tenant, hashApiKey(key), label, role, arg('subject') ?? null]);
        }
      }
      await db.query('COMMIT');
      console.log(`issued "${label}" for ${tenant}: ${key}`);
    } else if (command === 'revoke') {
      const label = arg('label');
      if (!label) throw new Error('give --label');
      let n = 0;
      for (const schema of STAFF_SCHEMAS) {
        n += (await db.query(`UPDATE ${schema}.api_keys SET revoked_at = now() WHERE tenant_id = $1 AND label = $2 AND revoked_at IS NULL`, [tenant, label])).rowCount ?? 0;
      }
      console.log(n ? `revoked "${label}" (${n} rows)` : `no active key labelled "${label}"`);
    } else if (command === 'list') {
      const { rows } = await db.query(`SELECT label, channel, role, created_at, revoked_at FROM intake.api_keys WHERE tenant_id = $1 ORDER BY created_at`, [tenant]);
      for (const r of rows) console.log(`${r.revoked_at ? 'revoked' : 'active '}  ${(r.channel ?? r.role).padEnd(11)} ${r.label}  (${r.created_at.toISOString().slice(0, 10)})`);
    } else {
      throw new Error(`unknown command ${command}`);
    }
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import { Client } from 'pg';

/** The Postgres role a service connects as in production: it can use only its own schema. */
export function serviceRoleName(schema: string): string {
  return `lotsen_${schema}`;
}

/** `url` with the service's own role as user (password, if any, comes from the environment). */
export function serviceDatabaseUrl(url: string, schema: string, password?: string): string {
  const u = new URL(url);
  u.username = serviceRoleName(schema);
  u.password = password ?? '';
  return u.toString();
}

/**
 * Creates the service role if needed and grants it exactly: connect to the database, use and
 * create objects in its own schema (the intake service creates one reference sequence per tenant
 * and year), and read/write the schema's tables and sequences, now and for tables later
 * migrations add, except that append-only tables take no UPDATE/DELETE/TRUNCATE. Run by the
 * owner role after migrations; idempotent.
 */
export async function grantServiceRole(owner: Client, schema: string): Promise<void> {
  const role = serviceRoleName(schema);
  const database = (await owner.query('SELECT current_database() AS d')).rows[0].d as string;
  try {
    await owner.query(`CREATE ROLE "${role}" LOGIN`);
  } catch (err) {
    // Roles are cluster-wide: another database's setup (or a parallel test run) made it first.
    const code = (err as { code?: string }).code;
    if (code !== '42710' && code !== '23505') throw err;
  }
  await owner.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
  await owner.query(`GRANT USAGE, CREATE ON SCHEMA "${schema}" TO "${role}"`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`);
  await owner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`);
  await owner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "${schema}" TO "${role}"`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${role}"`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "${role}"`);
  // Tables whose comment says append-only (audit trails): the service adds rows, never rewrites them.
  const { rows } = await owner.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') LIKE 'append-only%'`,
    [schema],
  );
  for (const r of rows) await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${schema}"."${r.relname}" FROM "${role}"`);
}

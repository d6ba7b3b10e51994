import { Client } from 'pg';

/** Hot statement texts and their names; a text is kept on every pooled connection, so bounded. */
const names = new Map<string, string>();
const MAX_PREPARED = 200;

/**
 * Marks `sql` as a hot statement. On each connection of a service pool it is then parsed once as a
 * named prepared statement, and after five runs Postgres keeps a generic plan instead of planning
 * it again: the reporting roll-up spent 6 ms planning each call, and planning was a quarter of
 * Postgres' statement time in an end-to-end run. Only for texts built from code (no values spliced in).
 */
export function prepared(sql: string): string {
  if (!names.has(sql) && names.size < MAX_PREPARED) names.set(sql, `lotsen_${names.size + 1}`);
  return sql;
}

/**
 * How long a connection keeps its cached plans. Postgres plans a prepared statement again only
 * when something invalidates its plan (ANALYZE, DDL). Where autovacuum never analyzes (as on the
 * machines here) or before its first run on a new database, a generic plan chosen while a table
 * was nearly empty stays while the table grows: intake's status changes went on hash-joining a
 * sequential scan of all of intake.inquiries, 12 ms a call by the end of a 9,500-inquiry run,
 * and the platform slowed down the longer it ran. DISCARD PLANS keeps the parsed statements; the
 * next runs plan again against the tables as they are now.
 */
export const REPLAN_AFTER_MS = 10_000;

/** pg client of the service pools: sends marked statements by name (TypeORM passes text, values). */
export class PreparingClient extends Client {
  /** When this connection's plans were last dropped (at first: when it was made). */
  plansSince = Date.now();
}

const plainQuery = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
PreparingClient.prototype.query = function query(this: PreparingClient, config: unknown, values?: unknown, callback?: unknown): unknown {
  const name = typeof config === 'string' && Array.isArray(values) ? names.get(config) : undefined;
  if (!name) return plainQuery.call(this, config, values, callback);
  const now = Date.now();
  if (now - this.plansSince >= REPLAN_AFTER_MS) {
    this.plansSince = now;
    // Queued ahead of the statement on this connection. It fails only where the statement would
    // too (an aborted transaction, a lost connection): then the next interval tries again.
    (plainQuery.call(this, 'DISCARD PLANS') as Promise<unknown>).catch(() => undefined);
  }
  return plainQuery.call(this, { name, text: config, values }, callback);
} as Client['query'];

import { Client } from 'pg';

/** Hot statement texts and their names; a text is kept on every pooled connection, so bounded. */
const names = new Map<string, string>();
const MAX_PREPARED = 200;

/** A piece of statement text built from code (a schema or table name, a column list): never a value. */
export class CodeText {
  constructor(readonly text: string) {}
}

/** Marks code-built text for use inside `named` (the reader sees that it is not a value). */
export function code(text: string | CodeText): CodeText {
  return text instanceof CodeText ? text : new CodeText(text);
}

/**
 * A hot statement, as a tagged template: ``named`SELECT … WHERE id = $1` ``. On each connection of
 * a service pool its text is parsed once as a named prepared statement, and after five runs
 * Postgres keeps a generic plan instead of planning it again: the reporting roll-up spent 6 ms
 * planning each call, and planning was a quarter of Postgres' statement time in an end-to-end run.
 *
 * Each distinct text is kept on every connection, so the text must never carry a value: values go
 * in `$n` parameters, and the only pieces a template takes are `code(...)` text. (A value spliced in
 * would also be an injection.) At most MAX_PREPARED texts are named; the rest run unnamed.
 */
export function named(strings: TemplateStringsArray, ...pieces: CodeText[]): string {
  let text = strings[0];
  for (let i = 0; i < pieces.length; i++) {
    if (!(pieces[i] instanceof CodeText)) throw new TypeError('named`…` takes only code(…) pieces: values go in $n parameters');
    text += pieces[i].text + strings[i + 1];
  }
  return nameStatement(text);
}

/** Names a statement text built from code elsewhere (the collected writes' statements). */
export function nameStatement(text: string): string {
  if (!names.has(text) && names.size < MAX_PREPARED) names.set(text, `lotsen_${names.size + 1}`);
  return text;
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

/**
 * pg client of the service pools: sends named statements by their name. TypeORM hands pg the text
 * and the values, so the client looks the name up by text. (`query` is assigned below, not
 * declared: pg's overloads of it cannot be restated in a subclass.)
 */
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

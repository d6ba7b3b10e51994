import { EntityManager } from 'typeorm';
import { nameStatement } from './named-statements';

/** One SQL statement with its positional parameters ($1 …). */
export interface Statement {
  sql: string;
  params: unknown[];
  /** Gets what the statement answered (RETURNING rows), once it ran; not for INSERTs merged with others. */
  onResult?: (result: unknown) => void;
}

/** Rows a transaction collected under one key, and the statement that writes them all. */
export interface DeferredWrites {
  items: unknown[];
  statement: (items: unknown[]) => Statement;
  /** Items with the same value go in separate statements, in order (see CollectOptions). */
  distinctBy?: (item: unknown) => string;
}

/** Writes what was collected (see collectedStatements). */
export async function writeCollected(m: EntityManager, collected: Map<symbol, DeferredWrites>): Promise<void> {
  await runStatements(m, collectedStatements(collected));
}

/** Runs the statements in order, each answer to its onResult. */
export async function runStatements(m: EntityManager, statements: Statement[]): Promise<void> {
  for (const s of statements) {
    // Not `s.onResult?.(await …)`: an absent callee would skip evaluating (running) the statement.
    const result = await m.query(s.sql, s.params);
    s.onResult?.(result);
  }
}

/**
 * Takes what was collected as few statements as possible: plain INSERT statements become the
 * CTEs of one statement (each runs once, to completion, whether read or not; constraints are
 * checked at its end). Statements with their own WITH stay on their own.
 */
export function collectedStatements(collected: Map<symbol, DeferredWrites>): Statement[] {
  const statements: Statement[] = [];
  for (const [key, entry] of collected) {
    collected.delete(key);
    for (const items of distinctRounds(entry)) statements.push(entry.statement(items));
  }
  const plain = statements.filter((s) => /^\s*INSERT\b/i.test(s.sql) && !s.onResult);
  const result = statements.filter((x) => !plain.includes(x));
  if (plain.length === 1) result.push(plain[0]);
  if (plain.length > 1) {
    const params: unknown[] = [];
    const parts = plain.map((s, i) => {
      const offset = params.length;
      params.push(...s.params);
      return `w${i} AS (${s.sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`)})`;
    });
    result.push({ sql: `WITH ${parts.join(',\n')} SELECT 1`, params });
  }
  // Collected statements are built from code (values go in parameters), so few distinct texts.
  return result.map((s) => ({ ...s, sql: nameStatement(s.sql) }));
}

/** The entry's items as statements' worth: the k-th item of each distinct value goes in the k-th. */
function distinctRounds(entry: DeferredWrites): unknown[][] {
  if (!entry.distinctBy) return [entry.items];
  const rounds: unknown[][] = [];
  const seen = new Map<string, number>();
  for (const item of entry.items) {
    const value = entry.distinctBy(item);
    const round = seen.get(value) ?? 0;
    seen.set(value, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}

const tableKeys = new Map<string, symbol>();

/**
 * The collect key and statement for plain rows of `table` (column → value, via JSON). `select`
 * gives a column an SQL expression over the row instead of the value as is.
 */
export function rowsInsert(table: string, select: Record<string, string> = {}): { key: symbol; statement: (rows: Array<Record<string, unknown>>) => Statement } {
  let key = tableKeys.get(table);
  if (!key) tableKeys.set(table, (key = Symbol(table)));
  return {
    key,
    statement: (rows) => {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const values = columns.map((c) => select[c] ?? c);
      return {
        sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)`,
        params: [JSON.stringify(rows)],
      };
    },
  };
}

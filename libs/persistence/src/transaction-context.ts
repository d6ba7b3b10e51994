import { AsyncLocalStorage } from 'async_hooks';
import { DataSource, EntityManager } from 'typeorm';

interface TxState {
  manager: EntityManager;
  afterCommit: Array<() => void>;
  collected: Map<symbol, Collected>;
}

interface Collected {
  items: unknown[];
  flush: (items: unknown[], manager: EntityManager) => Promise<void>;
}

/**
 * The unit of work of a use-case: `run` opens one database transaction and every repository
 * and the outbox use it through `manager`, so a state change and its events commit together.
 */
export class TransactionContext {
  private readonly als = new AsyncLocalStorage<TxState>();

  constructor(readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.als.getStore();
    if (current) return work(current.manager);
    const hooks: Array<() => void> = [];
    const result = await this.dataSource.transaction((manager) => {
      const state: TxState = { manager, afterCommit: hooks, collected: new Map() };
      return this.als.run(state, async () => {
        const value = await work(manager);
        await flush(state);
        return value;
      });
    });
    for (const hook of hooks) hook();
    return result;
  }

  /**
   * Collects `item` under `key` in the surrounding transaction; `flush` writes all items of the
   * key in one statement just before commit (many rows, one round trip).
   */
  collect<T>(key: symbol, item: T, flush: (items: T[], manager: EntityManager) => Promise<void>): void {
    const state = this.als.getStore();
    if (!state) throw new Error('TransactionContext.collect must run inside TransactionContext.run');
    const entry = state.collected.get(key);
    if (entry) entry.items.push(item);
    else state.collected.set(key, { items: [item], flush: flush as Collected['flush'] });
  }

  /**
   * Inserts `row` (column → value) into `table` at commit, together with the other rows collected
   * for that table in this transaction (json_populate_recordset: one statement). For rows nothing
   * in the same transaction reads back. A JSON null becomes SQL NULL.
   */
  insertAtCommit(table: string, row: Record<string, unknown>): void {
    let key = tableKeys.get(table);
    if (!key) tableKeys.set(table, (key = Symbol(table)));
    this.collect(key, row, (rows, m) => {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].join(', ');
      return m.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
    });
  }

  /** Writes what was collected so far now (before a savepoint is released). */
  async flushCollected(): Promise<void> {
    const state = this.als.getStore();
    if (state) await flush(state);
  }

  /** Forgets what was collected since the last flush (its savepoint was rolled back). */
  discardCollected(): void {
    this.als.getStore()?.collected.clear();
  }

  /** The transaction's manager inside `run`, else the pool's (auto-commit) manager. */
  get manager(): EntityManager {
    return this.als.getStore()?.manager ?? this.dataSource.manager;
  }

  get active(): boolean {
    return this.als.getStore() !== undefined;
  }

  /** Runs `hook` once the surrounding transaction has committed (e.g. wake the outbox relay). */
  afterCommit(hook: () => void): void {
    const state = this.als.getStore();
    if (state) state.afterCommit.push(hook);
    else hook();
  }
}

const tableKeys = new Map<string, symbol>();

async function flush(state: TxState): Promise<void> {
  for (const [key, entry] of state.collected) {
    state.collected.delete(key);
    await entry.flush(entry.items, state.manager);
  }
}

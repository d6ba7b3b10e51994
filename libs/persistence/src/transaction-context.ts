import { AsyncLocalStorage } from 'async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { CollectedWrites, rowsInsert, Statement, writeCollected } from './collected-writes';

interface TxState {
  manager: EntityManager;
  afterCommit: Array<() => void>;
  collected: Map<symbol, CollectedWrites>;
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
        await writeCollected(manager, state.collected);
        return value;
      });
    });
    for (const hook of hooks) hook();
    return result;
  }

  /**
   * Collects `item` under `key` in the surrounding transaction; `statement` writes all items of
   * the key, and the writes of all keys go to the database together just before commit (many
   * rows, few round trips). For writes nothing in the same transaction reads back.
   */
  collect<T>(key: symbol, item: T, statement: (items: T[]) => Statement): void {
    const state = this.als.getStore();
    if (!state) throw new Error('TransactionContext.collect must run inside TransactionContext.run');
    const entry = state.collected.get(key);
    if (entry) entry.items.push(item);
    else state.collected.set(key, { items: [item], statement: statement as CollectedWrites['statement'] });
  }

  /**
   * Inserts `row` (column → value) into `table` at commit. A JSON null becomes SQL NULL; `select`
   * can give a column an expression instead (e.g. `coalesce(doc, 'null'::jsonb)`).
   */
  insertAtCommit(table: string, row: Record<string, unknown>, select?: Record<string, string>): void {
    const { key, statement } = rowsInsert(table, select);
    this.collect(key, row, statement);
  }

  /** Writes what was collected so far now (before a savepoint is released). */
  async flushCollected(): Promise<void> {
    const state = this.als.getStore();
    if (state) await writeCollected(state.manager, state.collected);
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

import { AsyncLocalStorage } from 'async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DeferredWrites, rowsInsert, Statement, writeCollected } from './deferred-writes';
import { GroupCommit } from './group-commit';

interface TxState {
  manager: EntityManager;
  afterCommit: Array<() => void>;
  collected: Map<symbol, DeferredWrites>;
  locals: Map<symbol, unknown>;
  /** True while the collected writes are being sent (their own statements must not flush again). */
  flushing: boolean;
}

/** Statements that must not first write what was collected: they open or undo the transaction. */
const TRANSACTION_CONTROL = /^\s*(START|BEGIN|ROLLBACK)\b/i;

/**
 * The unit of work of a use-case: `run` opens one database transaction and every repository
 * and the outbox use it through `manager`, so a state change and its events commit together.
 *
 * Writes can be collected (`collect`, `insertAtCommit`) so that many rows go out as one
 * statement. Collected rows are written before any other statement of the unit runs, so a read
 * always sees them; code never flushes by hand. Units that only collected share a group commit.
 */
export class UnitOfWork {
  private readonly als = new AsyncLocalStorage<TxState>();
  private readonly writes: GroupCommit;

  constructor(readonly dataSource: DataSource) {
    this.writes = new GroupCommit(dataSource);
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.als.getStore();
    if (current) return work(current.manager);
    const runner = this.dataSource.createQueryRunner();
    // The transaction begins with its first statement. A unit of work that only collected writes
    // sends them as one auto-committed statement (atomic on its own): one round trip instead of
    // START, the statement and COMMIT.
    const query = runner.query.bind(runner);
    const state: TxState = { manager: runner.manager, afterCommit: [], collected: new Map(), locals: new Map(), flushing: false };
    runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
      // startTransaction marks the transaction active before it sends START (through this method).
      if (!runner.isTransactionActive) await runner.startTransaction();
      if (state.collected.size && !state.flushing && !TRANSACTION_CONTROL.test(args[0])) await flush(state);
      return query(...args);
    }) as QueryRunner['query'];
    try {
      const result = await this.als.run(state, async () => {
        const value = await work(runner.manager);
        if (!runner.isTransactionActive) {
          // Nothing was read or written yet: the collected writes may share a statement with
          // other such units (group commit, see GroupCommit).
          await this.writes.write(state.collected);
        } else {
          await flush(state);
          await runner.commitTransaction();
        }
        return value;
      });
      for (const hook of state.afterCommit) hook();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /**
   * Collects `item` under `key` in the surrounding transaction; `statement` writes all items of
   * the key, and the writes of all keys go to the database together just before commit (many
   * rows, few round trips). For writes nothing in the same transaction reads back.
   */
  collect<T>(key: symbol, item: T, statement: (items: T[]) => Statement, options: CollectOptions<T> = {}): void {
    const state = this.als.getStore();
    if (!state) throw new Error('UnitOfWork.collect must run inside UnitOfWork.run');
    const entry = state.collected.get(key);
    if (entry) entry.items.push(item);
    else state.collected.set(key, { items: [item], statement: statement as DeferredWrites['statement'], distinctBy: options.distinctBy as DeferredWrites['distinctBy'] });
  }

  /**
   * Inserts `row` (column → value) into `table` at commit. A JSON null becomes SQL NULL; `select`
   * can give a column an expression instead (e.g. `coalesce(doc, 'null'::jsonb)`).
   */
  insertAtCommit(table: string, row: Record<string, unknown>, select?: Record<string, string>): void {
    const { key, statement } = rowsInsert(table, select);
    this.collect(key, row, statement);
  }

  /**
   * A value that lives as long as the surrounding transaction (e.g. rows a consumer batch
   * prepared set-based for its events' handlers); `init` makes it on first use.
   */
  local<T>(key: symbol, init: () => T): T {
    const state = this.als.getStore();
    if (!state) throw new Error('UnitOfWork.local must run inside UnitOfWork.run');
    if (!state.locals.has(key)) state.locals.set(key, init());
    return state.locals.get(key) as T;
  }

  /**
   * Writes what was collected so far now. For the consumer's inbox, whose batch must fail inside
   * its effects when a collected write fails; any other statement does it by itself.
   */
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

/** How collected items are written. */
export interface CollectOptions<T> {
  /**
   * Items with the same value here never go in one statement (its text handles each once):
   * a second one goes in the next statement, after the first, in the order collected.
   */
  distinctBy?: (item: T) => string;
}

async function flush(state: TxState): Promise<void> {
  state.flushing = true;
  try {
    await writeCollected(state.manager, state.collected);
  } finally {
    state.flushing = false;
  }
}

import { AsyncLocalStorage } from 'async_hooks';
import { DataSource, EntityManager } from 'typeorm';

interface TxState {
  manager: EntityManager;
  afterCommit: Array<() => void>;
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
    const result = await this.dataSource.transaction((manager) =>
      this.als.run({ manager, afterCommit: hooks }, () => work(manager)),
    );
    for (const hook of hooks) hook();
    return result;
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

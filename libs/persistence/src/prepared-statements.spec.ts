import { DataSource } from 'typeorm';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { createServiceDataSource } from './data-source';
import { prepared } from './prepared-statements';
import { TransactionContext } from './transaction-context';

describe('hot statements as named prepared statements', () => {
  let env: TestEnv;
  let ds: DataSource;
  let tx: TransactionContext;
  const HOT = prepared(`SELECT $1::int + 1 AS n /* prepared-statements.spec */`);
  // Only this session's statements: the pool has one connection, so every query sees the same.
  const preparedHere = async () =>
    (await ds.query(`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`)) as Array<{ statement: string; generic_plans: string; custom_plans: string }>;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = createServiceDataSource({ url: env.databaseUrl, schema: 'public', poolSize: 1 });
    await ds.initialize();
    await ds.query(`CREATE TABLE t (id int PRIMARY KEY)`);
    tx = new TransactionContext(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('are parsed once per connection and planned once after a few runs; other statements are not kept', async () => {
    for (let i = 0; i < 8; i++) expect(await ds.query(HOT, [i])).toEqual([{ n: i + 1 }]);
    await ds.query(`SELECT $1::int AS plain`, [1]);
    const rows = await preparedHere();
    expect(rows.map((r) => r.statement)).toEqual([HOT]);
    // Postgres plans the first five runs for their values, then keeps a generic plan.
    expect(Number(rows[0].custom_plans)).toBe(5);
    expect(Number(rows[0].generic_plans)).toBe(3);
  });

  it('keep working after a rolled-back or aborted transaction on that connection', async () => {
    const INSERT = prepared(`INSERT INTO t (id) VALUES ($1)`);
    await expect(tx.run(async (m) => {
      await m.query(INSERT, [1]);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    // A statement first sent inside an aborted transaction is refused there, and parsed again later.
    const AFTER_ABORT = prepared(`SELECT count(*)::int AS n FROM t WHERE id = $1`);
    await expect(tx.run(async (m) => {
      await m.query(INSERT, [2]);
      await m.query(INSERT, [2]).catch(() => undefined); // duplicate key: the transaction is aborted
      await m.query(AFTER_ABORT, [2]);
    })).rejects.toThrow(/current transaction is aborted/);
    await tx.run(async (m) => m.query(INSERT, [3]));
    expect(await ds.query(AFTER_ABORT, [3])).toEqual([{ n: 1 }]);
    expect(await ds.query(`SELECT id FROM t ORDER BY id`)).toEqual([{ id: 3 }]);
    expect((await preparedHere()).map((r) => r.statement)).toEqual(expect.arrayContaining([INSERT, AFTER_ABORT]));
  });
});

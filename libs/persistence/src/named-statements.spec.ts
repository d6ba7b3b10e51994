import { DataSource } from 'typeorm';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { createServiceDataSource } from './data-source';
import { code, named, REPLAN_AFTER_MS } from './named-statements';
import { UnitOfWork } from './unit-of-work';

describe('hot statements as named prepared statements', () => {
  let env: TestEnv;
  let ds: DataSource;
  let tx: UnitOfWork;
  const HOT = named`SELECT $1::int + 1 AS n /* named-statements.spec */`;
  // Only this connection's statements: the pool has one connection, so every query sees the same.
  const preparedHere = async () =>
    (await ds.query(`SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements`)) as Array<{ name: string; statement: string; generic_plans: string; custom_plans: string }>;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = createServiceDataSource({ url: env.databaseUrl, schema: 'public', poolSize: 1 });
    await ds.initialize();
    await ds.query(`CREATE TABLE t (id int PRIMARY KEY)`);
    tx = new UnitOfWork(ds);
  });
  afterEach(() => jest.restoreAllMocks());
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
    const INSERT = named`INSERT INTO ${code('t')} (id) VALUES ($1)`;
    await expect(tx.run(async (m) => {
      await m.query(INSERT, [1]);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    // A statement first sent inside an aborted transaction is refused there, and parsed again later.
    const AFTER_ABORT = named`SELECT count(*)::int AS n FROM t WHERE id = $1`;
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

  it('take only code pieces into their text, never a value', () => {
    const table = 't';
    expect(named`SELECT id FROM ${code(table)} WHERE id = $1`).toBe('SELECT id FROM t WHERE id = $1');
    const id = 42 as unknown as ReturnType<typeof code>; // what a mistaken `${id}` would hand the tag
    expect(() => named`SELECT id FROM t WHERE id = ${id}`).toThrow(/only code/);
  });

  it('are planned again after a while: a plan made while a table was nearly empty does not stay as it grows', async () => {
    // The shape of intake's status changes: a batch of values joined to a table by primary key.
    // Against a never-analyzed table of a few rows the generic plan hash-joins a sequential scan.
    await ds.query(`CREATE TABLE grows (id int PRIMARY KEY, body text)`);
    await ds.query(`INSERT INTO grows SELECT g, repeat('x', 700) FROM generate_series(1, 10) g`);
    const JOIN = named`WITH c AS (SELECT * FROM json_to_recordset($1::json) AS c(id int) LIMIT $2)
      SELECT count(*)::int AS n FROM c JOIN grows g ON g.id = c.id`;
    const batch = [JSON.stringify([{ id: 1 }, { id: 2 }]), 2];
    for (let i = 0; i < 8; i++) expect(await ds.query(JOIN, batch)).toEqual([{ n: 2 }]);
    // Grown without ANALYZE (as where autovacuum is off): nothing invalidates the cached plan.
    await ds.query(`INSERT INTO grows SELECT g, repeat('x', 700) FROM generate_series(11, 20000) g`);
    const name = (await preparedHere()).find((r) => r.statement === JOIN)!.name;
    const plan = async () => ((await ds.query(`EXPLAIN EXECUTE ${name}('[{"id":1},{"id":2}]', 2)`)) as Array<{ 'QUERY PLAN': string }>)
      .map((r) => r['QUERY PLAN']).join('\n');
    expect(await plan()).toMatch(/Seq Scan on grows/);

    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + REPLAN_AFTER_MS);
    expect(await ds.query(JOIN, batch)).toEqual([{ n: 2 }]);
    const replanned = await plan();
    expect(replanned).toMatch(/Nested Loop[\s\S]*Index (Only )?Scan using grows_pkey/);
    expect(replanned).not.toMatch(/Seq Scan on grows/);
    // Still one prepared statement: the plans were dropped, not the statement.
    expect((await preparedHere()).filter((r) => r.statement === JOIN)).toHaveLength(1);
  });
});

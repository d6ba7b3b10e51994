import { DataSource } from 'typeorm';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { UnitOfWork } from './unit-of-work';
import { WRITES_AT_ONCE } from './group-commit';

// Units of work that only collect writes share statements under load (group commit).
describe('group commit of write-only units', () => {
  let env: TestEnv;
  let ds: DataSource;
  let tx: UnitOfWork;
  let statements: string[] = [];
  const count = async (table: string) => (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = new DataSource({ type: 'postgres', url: env.databaseUrl, extra: { max: 10 } });
    await ds.initialize();
    await ds.query(`CREATE TABLE item (id int PRIMARY KEY, idem text UNIQUE, note text);
      CREATE TABLE item_event (item_id int NOT NULL REFERENCES item (id), kind text NOT NULL)`);
    tx = new UnitOfWork(ds);
    // Every statement given to the pool itself, not through a transaction's runner (the test's own queries too).
    const query = ds.query.bind(ds);
    ds.query = ((sql: string, params?: unknown[], runner?: unknown) => {
      if (!runner) statements.push(sql);
      return query(sql, params, runner as never);
    }) as DataSource['query'];
  });
  afterAll(async () => {
    try {
      await ds?.destroy();
    } finally {
      await env?.cleanup();
    }
  });
  beforeEach(async () => {
    await ds.query(`TRUNCATE item, item_event`);
    statements = [];
  });

  const register = (id: number, idem = `k${id}`) =>
    tx.run(async () => {
      tx.insertAtCommit('item', { id, idem, note: `n${id}` });
      tx.insertAtCommit('item_event', { item_id: id, kind: 'created' });
      return id;
    });

  it('writes each unit alone when nothing else is on its way', async () => {
    for (let i = 1; i <= 5; i++) await register(i);
    expect(statements).toHaveLength(5);
    expect(await count('item')).toBe(5);
    expect(await count('item_event')).toBe(5);
  });

  it('lets units that arrive together share statements, each answered once its rows are committed', async () => {
    const committed: number[] = [];
    const ids = Array.from({ length: 200 }, (_, i) => i + 1);
    await Promise.all(ids.map(async (id) => {
      await register(id);
      // Answered only after commit: its rows are there for anyone to read.
      const [row] = await ds.query(`SELECT count(*)::int AS n FROM item_event WHERE item_id = $1`, [id]);
      committed.push(row.n);
    }));
    expect(committed).toEqual(ids.map(() => 1));
    const writes = statements.filter((s) => /INSERT INTO item/.test(s));
    expect(writes.length).toBeLessThan(200 / 4);
    expect(writes.length).toBeGreaterThanOrEqual(WRITES_AT_ONCE);
    expect(await count('item')).toBe(200);
  });

  it('answers a unit whose own row breaks a constraint with its error, and commits the others of its group', async () => {
    await register(1000, 'taken');
    statements = [];
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => register(i + 1, i === 17 ? 'taken' : `k${i + 1}`)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ i, message: String((r.reason as Error).message) }] : []));
    expect(failed).toEqual([{ i: 17, message: expect.stringMatching(/duplicate key/) }]);
    expect(await count('item')).toBe(30); // 29 of the group and the first one
    // No partial unit: the failed one left no event row behind.
    expect(await count('item_event')).toBe(30);
    expect((await ds.query(`SELECT count(*)::int AS n FROM item_event WHERE item_id = 18`))[0].n).toBe(0);
  });

  it('answers a unit whose rows cannot even be written out (not JSON) with its error, never leaving its group waiting', async () => {
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => tx.run(async () => {
      tx.insertAtCommit('item', { id: i + 1, idem: `b${i}`, note: i === 5 ? (BigInt(1) as unknown as string) : 'ok' });
    })));
    expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    expect(String((results[5] as PromiseRejectedResult).reason)).toMatch(/BigInt/);
    expect(await count('item')).toBe(11);
  });

  it('runs after-commit hooks of a grouped unit only after its rows are committed', async () => {
    const seen: number[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => tx.run(async () => {
      tx.insertAtCommit('item', { id: i + 1, idem: `h${i}` });
      tx.afterCommit(() => {
        void ds.query(`SELECT count(*)::int AS n FROM item WHERE id = $1`, [i + 1]).then(([r]) => seen.push(r.n));
      });
    })));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(Array.from({ length: 20 }, () => 1));
  });

  it('keeps a unit that read inside its transaction out of any group', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => tx.run(async () => {
      await tx.manager.query(`SELECT 1`);
      tx.insertAtCommit('item', { id: i + 1, idem: `r${i}` });
    })));
    expect(await count('item')).toBe(10);
    // Its write went through its own transaction, not the pool's shared statements.
    expect(statements.filter((s) => /INSERT INTO item/.test(s))).toHaveLength(0);
  });
});

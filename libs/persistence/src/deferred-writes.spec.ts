import { DataSource } from 'typeorm';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { UnitOfWork } from './unit-of-work';

describe('writes collected for commit', () => {
  let env: TestEnv;
  let ds: DataSource;
  let tx: UnitOfWork;
  const count = async (table: string) => (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = new DataSource({ type: 'postgres', url: env.databaseUrl });
    await ds.initialize();
    await ds.query(`CREATE TABLE parent (id int PRIMARY KEY, doc jsonb, at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id), note text)`);
    tx = new UnitOfWork(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('go to the database together, many rows per table, constraints checked at the end of the statement', async () => {
    await tx.run(async () => {
      // The child rows are collected before their parents: one statement, so the foreign key holds.
      for (let i = 1; i <= 3; i++) tx.insertAtCommit('child', { id: i, parent_id: i, note: `c${i}` });
      for (let i = 1; i <= 3; i++) tx.insertAtCommit('parent', { id: i, doc: { n: i, tags: ['a', "it's"] } });
    });
    expect(await count('parent')).toBe(3);
    expect(await count('child')).toBe(3);
    const [p] = await ds.query(`SELECT doc, at FROM parent WHERE id = 2`);
    expect(p.doc).toEqual({ n: 2, tags: ['a', "it's"] });
    expect(p.at).toBeInstanceOf(Date); // a column left out gets its default
  });

  it('are written before any other statement of the unit, so a read sees them', async () => {
    const seen: number[] = [];
    await tx.run(async (m) => {
      tx.insertAtCommit('parent', { id: 240 });
      seen.push((await m.query(`SELECT count(*)::int AS n FROM parent WHERE id = 240`))[0].n);
      // A statement that refers to them without naming their table (a foreign key) too.
      await m.query(`INSERT INTO child (id, parent_id) VALUES (240, 240)`);
      tx.insertAtCommit('parent', { id: 241 });
      seen.push((await tx.manager.query(`SELECT count(*)::int AS n FROM parent WHERE id IN (240, 241)`))[0].n);
    });
    expect(seen).toEqual([1, 2]);
    expect(await count('child WHERE id = 240')).toBe(1);
  });

  it('with distinctBy, items of the same value go in successive statements, in the order collected', async () => {
    const statements: number[][] = [];
    const key = Symbol('parents, one per group');
    const insert = (rows: Array<{ group: string; id: number }>) => {
      statements.push(rows.map((r) => r.id));
      return { sql: `INSERT INTO parent (id) SELECT * FROM unnest($1::int[])`, params: [rows.map((r) => r.id)] };
    };
    await tx.run(async () => {
      for (const [group, id] of [['a', 250], ['b', 251], ['a', 252], ['a', 253], ['c', 254]] as const) tx.collect(key, { group, id }, insert, { distinctBy: (r) => r.group });
    });
    expect(statements).toEqual([[250, 251, 254], [252], [253]]);
    expect(await count('parent WHERE id BETWEEN 250 AND 254')).toBe(5);
  });

  it('are written early by flushCollected, and a failing write rolls back the whole transaction', async () => {
    await tx.run(async () => {
      tx.insertAtCommit('parent', { id: 10 });
      await tx.flushCollected();
      tx.discardCollected(); // nothing left to forget: the row is written
    });
    expect(await count('parent WHERE id = 10')).toBe(1);
    await expect(tx.run(async () => {
      tx.insertAtCommit('parent', { id: 11 });
      tx.insertAtCommit('child', { id: 1, parent_id: 11 }); // id 1 exists: the statement fails
    })).rejects.toThrow(/duplicate key/);
    expect(await count('parent WHERE id IN (10, 11)')).toBe(1);
    expect(() => tx.insertAtCommit('parent', { id: 12 })).toThrow(/inside UnitOfWork.run/);
  });

  it('forget what a rolled-back savepoint collected', async () => {
    await tx.run(async (m) => {
      await m.query('SAVEPOINT s');
      tx.insertAtCommit('parent', { id: 20 });
      tx.discardCollected();
      await m.query('ROLLBACK TO SAVEPOINT s');
      tx.insertAtCommit('parent', { id: 21 });
    });
    expect((await ds.query(`SELECT id FROM parent WHERE id IN (20, 21)`)).map((r: { id: number }) => r.id)).toEqual([21]);
  });

  it('need no BEGIN and COMMIT when the unit of work only collected writes: one auto-committed statement', async () => {
    const sent: string[] = [];
    const logged = new DataSource({
      type: 'postgres', url: env.databaseUrl, logging: ['query'],
      logger: { logQuery: (q: string) => sent.push(q.trim().split(/\s+/)[0].toUpperCase()), logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined },
    });
    await logged.initialize();
    try {
      const ltx = new UnitOfWork(logged);
      sent.length = 0;
      await ltx.run(async () => {
        ltx.insertAtCommit('parent', { id: 30 });
        ltx.insertAtCommit('child', { id: 30, parent_id: 30 });
      });
      expect(sent).toEqual(['WITH']);
      expect(await count('child WHERE id = 30')).toBe(1);

      // The same statement failing stores nothing (it was one statement, so nothing to roll back).
      sent.length = 0;
      await expect(ltx.run(async () => {
        ltx.insertAtCommit('parent', { id: 31 });
        ltx.insertAtCommit('child', { id: 31, parent_id: 99 });
      })).rejects.toThrow(/foreign key/);
      expect(sent).toEqual(['WITH']);
      expect(await count('parent WHERE id = 31')).toBe(0);

      // A read begins the transaction; a unit of work that never touched the database sends nothing.
      sent.length = 0;
      await ltx.run(async (m) => {
        await m.query('SELECT 1');
        ltx.insertAtCommit('parent', { id: 32 });
      });
      expect(sent).toEqual(['START', 'SELECT', 'INSERT', 'COMMIT']);
      // Rows collected before the first other statement go after START, inside the transaction.
      sent.length = 0;
      await ltx.run(async (m) => {
        ltx.insertAtCommit('parent', { id: 34 });
        await m.query('SELECT 1');
      });
      expect(sent).toEqual(['START', 'INSERT', 'SELECT', 'COMMIT']);
      sent.length = 0;
      await ltx.run(async () => undefined);
      expect(sent).toEqual([]);

      // A failure after the first statement rolls back what it did.
      sent.length = 0;
      await expect(ltx.run(async (m) => {
        await m.query('INSERT INTO parent (id) VALUES (33)');
        throw new Error('use-case failed');
      })).rejects.toThrow('use-case failed');
      expect(sent).toEqual(['START', 'INSERT', 'ROLLBACK']);
      expect(await count('parent WHERE id = 33')).toBe(0);
    } finally {
      await logged.destroy();
    }
  });

  it('a statement can read what it returned (RETURNING), the others still run, at commit or before the next statement', async () => {
    const returned: number[][] = [];
    const key = Symbol('parents returning');
    const insertReturning = (ids: number[]) => ({
      sql: `INSERT INTO parent (id) SELECT * FROM unnest($1::int[]) ON CONFLICT DO NOTHING RETURNING id`,
      params: [ids],
      onResult: (rows: unknown) => returned.push((rows as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b)),
    });
    // Auto-committed at the end of run (no transaction opened), beside a plain insert.
    await tx.run(async () => {
      for (const id of [130, 131]) tx.collect(key, id, insertReturning);
      tx.insertAtCommit('child', { id: 130, parent_id: 10 });
    });
    // In a transaction, written before the next statement; 131 exists already and is not returned.
    await tx.run(async (m) => {
      await m.query('SELECT 1');
      for (const id of [131, 132]) tx.collect(key, id, insertReturning);
      await m.query('SELECT 1');
      expect(returned).toEqual([[130, 131], [132]]);
      tx.insertAtCommit('child', { id: 131, parent_id: 10 });
    });
    expect(returned).toEqual([[130, 131], [132]]);
    expect((await ds.query(`SELECT id FROM child WHERE id IN (130, 131) ORDER BY id`)).map((r: { id: number }) => r.id)).toEqual([130, 131]);
  });
});

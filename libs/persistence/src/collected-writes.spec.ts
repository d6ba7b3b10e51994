import { DataSource } from 'typeorm';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { TransactionContext } from './transaction-context';

describe('writes collected for commit', () => {
  let env: TestEnv;
  let ds: DataSource;
  let tx: TransactionContext;
  const count = async (table: string) => (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = new DataSource({ type: 'postgres', url: env.databaseUrl });
    await ds.initialize();
    await ds.query(`CREATE TABLE parent (id int PRIMARY KEY, doc jsonb, at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id), note text)`);
    tx = new TransactionContext(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('go to the database together at commit, many rows per table, constraints checked at the end', async () => {
    let seenBeforeCommit = -1;
    await tx.run(async () => {
      // The child rows are collected before their parents: one statement, so the foreign key holds.
      for (let i = 1; i <= 3; i++) tx.insertAtCommit('child', { id: i, parent_id: i, note: `c${i}` });
      for (let i = 1; i <= 3; i++) tx.insertAtCommit('parent', { id: i, doc: { n: i, tags: ['a', "it's"] } });
      seenBeforeCommit = (await tx.manager.query(`SELECT count(*)::int AS n FROM parent`))[0].n;
    });
    expect(seenBeforeCommit).toBe(0);
    expect(await count('parent')).toBe(3);
    expect(await count('child')).toBe(3);
    const [p] = await ds.query(`SELECT doc, at FROM parent WHERE id = 2`);
    expect(p.doc).toEqual({ n: 2, tags: ['a', "it's"] });
    expect(p.at).toBeInstanceOf(Date); // a column left out gets its default
  });

  it('are written early by flushCollected, and a failing write rolls back the whole transaction', async () => {
    await tx.run(async () => {
      tx.insertAtCommit('parent', { id: 10 });
      await tx.flushCollected();
      expect((await tx.manager.query(`SELECT count(*)::int AS n FROM parent WHERE id = 10`))[0].n).toBe(1);
    });
    await expect(tx.run(async () => {
      tx.insertAtCommit('parent', { id: 11 });
      tx.insertAtCommit('child', { id: 1, parent_id: 11 }); // id 1 exists: the statement fails
    })).rejects.toThrow(/duplicate key/);
    expect(await count('parent')).toBe(4);
    expect(() => tx.insertAtCommit('parent', { id: 12 })).toThrow(/inside TransactionContext.run/);
  });

  it('forget what a rolled-back savepoint collected', async () => {
    await tx.run(async (m) => {
      await m.query('SAVEPOINT s');
      tx.insertAtCommit('parent', { id: 20 });
      tx.discardCollected();
      await m.query('ROLLBACK TO SAVEPOINT s');
      tx.insertAtCommit('parent', { id: 21 });
    });
    expect((await ds.query(`SELECT id FROM parent WHERE id >= 20`)).map((r: { id: number }) => r.id)).toEqual([21]);
  });

  it('need no BEGIN and COMMIT when the unit of work only collected writes: one auto-committed statement', async () => {
    const sent: string[] = [];
    const logged = new DataSource({
      type: 'postgres', url: env.databaseUrl, logging: ['query'],
      logger: { logQuery: (q: string) => sent.push(q.trim().split(/\s+/)[0].toUpperCase()), logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined },
    });
    await logged.initialize();
    try {
      const ltx = new TransactionContext(logged);
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

  it('a statement can read what it returned (RETURNING), the others still run, at commit or when flushed', async () => {
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
    // In a transaction, flushed early; 131 exists already and is not returned.
    await tx.run(async (m) => {
      await m.query('SELECT 1');
      for (const id of [131, 132]) tx.collect(key, id, insertReturning);
      await tx.flushCollected();
      tx.insertAtCommit('child', { id: 131, parent_id: 10 });
    });
    expect(returned).toEqual([[130, 131], [132]]);
    expect((await ds.query(`SELECT id FROM child WHERE id IN (130, 131) ORDER BY id`)).map((r: { id: number }) => r.id)).toEqual([130, 131]);
  });
});

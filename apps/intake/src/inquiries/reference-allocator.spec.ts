import { DataSource } from 'typeorm';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { ReferenceAllocator } from './reference-allocator';

describe('reference numbers', () => {
  let env: TestEnv;
  let ds: DataSource;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = new DataSource({ type: 'postgres', url: env.databaseUrl, extra: { max: 20 } });
    await ds.initialize();
    await ds.query('CREATE SCHEMA intake');
  });
  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('start a new series safely when the first registrations of a tenant and year race (two instances)', async () => {
    for (let round = 0; round < 60; round++) {
      const tenant = `race${round}`;
      // Separate allocators: like separate service instances, none knows the sequence yet.
      const numbers = await Promise.all(Array.from({ length: 16 }, () => new ReferenceAllocator(ds).next(tenant, 2026)));
      expect(new Set(numbers).size).toBe(16);
      expect(Math.min(...numbers)).toBe(1);
    }
  });

  it('draw numbers for registrations that arrive together in one round trip, each number once', async () => {
    const allocator = new ReferenceAllocator(ds);
    await allocator.next('batch', 2026);
    const query = ds.query.bind(ds);
    let draws = 0;
    ds.query = ((sql: string, params?: unknown[], runner?: never) => {
      if (sql.includes('nextval')) draws++;
      return query(sql, params, runner);
    }) as DataSource['query'];
    try {
      const numbers = await Promise.all(Array.from({ length: 300 }, () => allocator.next('batch', 2026)));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 2));
      expect(draws).toBeLessThanOrEqual(5);
    } finally {
      ds.query = query;
    }
  });

  it('fail the registrations of a failed draw, and draw again for the next ones', async () => {
    const allocator = new ReferenceAllocator(ds);
    await allocator.next('gone', 2026);
    await ds.query(`DROP SEQUENCE intake."ref_gone_2026"`);
    const failed = await Promise.allSettled(Array.from({ length: 5 }, () => allocator.next('gone', 2026)));
    expect(failed.every((r) => r.status === 'rejected' && /does not exist/.test(String(r.reason)))).toBe(true);
    await ds.query(`CREATE SEQUENCE intake."ref_gone_2026" START 40`);
    expect(await allocator.next('gone', 2026)).toBe(40);
  });
});

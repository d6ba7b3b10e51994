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
});

import { Client } from 'pg';
import { serviceDatabaseUrl } from '@lotsen/persistence';
import { createTestEnv, TestEnv } from '@lotsen/testing';
import { migrateAll, SERVICES } from '../../scripts/setup/migrate-all';

describe('each service connects as a role that can touch only its own schema', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
    await migrateAll(env.databaseUrl);
  });
  afterAll(() => env?.cleanup());

  it.each(SERVICES)('%s', async (service) => {
    const c = new Client({ connectionString: serviceDatabaseUrl(env.databaseUrl, service) });
    await c.connect();
    try {
      expect((await c.query('SELECT current_user AS u')).rows[0].u).toBe(`lotsen_${service}`);
      // Its own tables: read and write.
      await c.query(`SELECT count(*) FROM ${service}.outbox`);
      await c.query(`INSERT INTO ${service}.inbox (consumer, event_id, event_type) VALUES ('t', gen_random_uuid(), 't')`);
      await c.query(`DELETE FROM ${service}.inbox WHERE consumer = 't'`);
      // Its audit trail: append-only, even for the service itself.
      await c.query(`INSERT INTO ${service}.audit_trail (tenant_id, actor, actor_kind, action, outcome) VALUES ('t', 'someone', 'person', 'inquiry.read', 'full')`);
      await expect(c.query(`UPDATE ${service}.audit_trail SET actor = 'nobody'`)).rejects.toMatchObject({ code: '42501' });
      await expect(c.query(`DELETE FROM ${service}.audit_trail`)).rejects.toMatchObject({ code: '42501' });
      await expect(c.query(`TRUNCATE ${service}.audit_trail`)).rejects.toMatchObject({ code: '42501' });
      // Nothing of another service's, and no DDL on its tables.
      for (const other of SERVICES.filter((s) => s !== service)) {
        await expect(c.query(`SELECT count(*) FROM ${other}.outbox`)).rejects.toMatchObject({ code: '42501' });
      }
      await expect(c.query(`DROP TABLE ${service}.outbox`)).rejects.toMatchObject({ code: '42501' });
      await expect(c.query(`CREATE TABLE public.sneaky (id int)`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await c.end();
    }
  });
});

import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { migratedServiceDatabase, planScans, ServiceDatabase } from '@lotsen/testing';
import { intakeMigrations } from '../migrations';
import { eraseStatement } from './intake-personal-data.repository';

describe("intake's eraser", () => {
  let db: ServiceDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await migratedServiceDatabase('intake', intakeMigrations);
    ds = db.ds;
    // A municipality some years in: many sent messages and idempotency records of other inquiries.
    await ds.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('demo', 'Demo', 'DEMO')`);
    await ds.query(`INSERT INTO intake.outgoing_messages (delivery_id, tenant_id, inquiry_id, message_id, sent_at)
      SELECT gen_random_uuid(), 'demo', gen_random_uuid(), '<' || n || '@lotsen>', now() FROM generate_series(1, 20000) n`);
    await ds.query(`INSERT INTO intake.idempotency_keys (tenant_id, key, request_hash, inquiry_id, response_sealed)
      SELECT 'demo', 'k' || n, 'h', gen_random_uuid(), 's' FROM generate_series(1, 20000) n`);
    await ds.query('ANALYZE intake.outgoing_messages');
    await ds.query('ANALYZE intake.idempotency_keys');
  });
  afterAll(() => db?.close());

  it('finds every row of the inquiry by an index, never by reading a whole table', async () => {
    const scans: string[] = [];
    scans.push(...(await planScans(ds, ...eraseStatement(randomUUID()))));
    expect(scans.filter((s) => s.startsWith('Seq Scan') && /outgoing_messages|idempotency_keys/.test(s))).toEqual([]);
    expect(scans).toEqual(expect.arrayContaining([expect.stringMatching(/Index.* outgoing_messages/), expect.stringMatching(/Index.* idempotency_keys/)]));
  });

  it('runs every removal in its one statement, and answers the rows it touched', async () => {
    const id = randomUUID();
    await ds.query(`INSERT INTO intake.outgoing_messages (delivery_id, tenant_id, inquiry_id, message_id, sent_at) VALUES (gen_random_uuid(), 'demo', $1, '<one@lotsen>', now())`, [id]);
    await ds.query(`INSERT INTO intake.idempotency_keys (tenant_id, key, request_hash, inquiry_id, response_sealed) VALUES ('demo', 'one', 'h', $1, 's')`, [id]);
    const [{ rows }] = await ds.query(...eraseStatement(id));
    expect(rows).toBe(2);
    const [{ left }] = await ds.query(`SELECT (SELECT count(*) FROM intake.outgoing_messages WHERE inquiry_id = $1) + (SELECT count(*) FROM intake.idempotency_keys WHERE inquiry_id = $1) AS left`, [id]);
    expect(Number(left)).toBe(0);
    expect((await ds.query(...eraseStatement(id)))[0].rows).toBe(0);
  });
});

import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { migratedServiceDatabase, planScans, ServiceDatabase } from '@lotsen/testing';
import { intakeMigrations } from '../migrations';
import { InquiriesRepository, statusChangesStatement } from './inquiries.repository';

describe('status changes of a batch', () => {
  let db: ServiceDatabase;
  let ds: DataSource;
  let inquiries: InquiriesRepository;
  let ids: string[];

  beforeAll(async () => {
    db = await migratedServiceDatabase('intake', intakeMigrations);
    ds = db.ds;
    inquiries = new InquiriesRepository(db.tx);
    // A young table as in the first minutes of a municipality or a benchmark: thousands of rows, never analyzed.
    await ds.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('demo', 'Demo', 'DEMO')`);
    ids = (await ds.query(`INSERT INTO intake.inquiries (id, tenant_id, reference, tracking_token_hash, channel, body, language, language_detected, received_at)
      SELECT gen_random_uuid(), 'demo', 'DEMO-' || n, 'hash-' || n, 'web', repeat('text ', 40), 'sv', false, now() FROM generate_series(1, 4000) n
      RETURNING id`)).map((r: { id: string }) => r.id);
  });
  afterAll(() => db?.close());

  const change = (inquiryId: string, status: string, at: number) =>
    ({ inquiryId, status, occurredAt: new Date(Date.UTC(2026, 11, 4, 8, 0, at)), eventId: randomUUID(), department: 'streets', departmentName: 'Streets' });

  it('finds each inquiry by its primary key, not by reading the whole table', async () => {
    const { sql, params } = statusChangesStatement(ids.slice(0, 5).map((id, i) => change(id, 'routed', i)));
    const scans = (await planScans(ds, sql, params)).filter((s) => s.endsWith(' inquiries'));
    expect(scans).toEqual(['Index Scan inquiries', 'Index Scan inquiries']); // the history's and the update's
  });

  it('applies a batch: latest event wins per inquiry, history once per event', async () => {
    const [a, b] = ids.slice(10, 12);
    const early = change(a, 'routed', 1);
    await db.tx.run(async () => {
      inquiries.applyStatusAtCommit(change(a, 'assigned', 5));
      inquiries.applyStatusAtCommit(early); // older than the one before: history only
      inquiries.applyStatusAtCommit(change(b, 'routed', 2));
    });
    await db.tx.run(async () => { inquiries.applyStatusAtCommit(early); }); // redelivered: no second history row
    const rows = await ds.query(`SELECT id, status, department FROM intake.inquiries WHERE id = ANY($1) ORDER BY reference`, [[a, b]]);
    expect(rows.map((r: { id: string; status: string; department: string }) => [r.id, r.status, r.department]).sort()).toEqual([[a, 'assigned', 'streets'], [b, 'routed', 'streets']].sort());
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM intake.status_history WHERE inquiry_id = ANY($1)`, [[a, b]]);
    expect(n).toBe(3);
  });
});

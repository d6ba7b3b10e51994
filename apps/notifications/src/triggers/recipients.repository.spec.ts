import { randomUUID } from 'crypto';
import { migratedServiceDatabase, planScans, ServiceDatabase } from '@lotsen/testing';
import { notificationsMigrations } from '../migrations';
import { departmentMovesStatement, RecipientsRepository } from './recipients.repository';

describe('recipients moved to their departments in batches', () => {
  let db: ServiceDatabase;
  let recipients: RecipientsRepository;
  let ids: string[];

  beforeAll(async () => {
    db = await migratedServiceDatabase('notifications', notificationsMigrations);
    recipients = new RecipientsRepository(db.tx);
    // A young table as in the first minutes of a municipality or a benchmark: thousands of rows, never analyzed.
    ids = (await db.ds.query(`INSERT INTO notifications.recipients (inquiry_id, tenant_id, reference, language, channel, email, notify)
      SELECT gen_random_uuid(), 'demo', 'DEMO-' || n, 'sv', 'web', 'c' || n || '@example.test', false FROM generate_series(1, 4000) n
      RETURNING inquiry_id`)).map((r: { inquiry_id: string }) => r.inquiry_id);
  });
  afterAll(() => db?.close());

  it('finds each recipient by its primary key, not by reading the whole table', async () => {
    const { sql, params } = departmentMovesStatement(ids.slice(0, 5).map((inquiryId) => ({ inquiryId, tenantId: 'demo', department: 'gata_park' })));
    const scans = (await planScans(db.ds, sql, params)).filter((s) => s.endsWith(' recipients'));
    expect(scans).toEqual(['Index Scan recipients']);
  });

  it('moves only the tenant\'s real recipients, and keeps the department name of an unchanged department', async () => {
    const [a, b, c] = ids.slice(10, 13);
    const placeholder = randomUUID();
    await db.ds.query(`UPDATE notifications.recipients SET department = 'miljo', department_name = 'Miljö' WHERE inquiry_id = $1`, [b]);
    await db.ds.query(`INSERT INTO notifications.recipients (inquiry_id, tenant_id, reference, language, channel, notify, placeholder)
      VALUES ($1, 'demo', 'DEMO-P', 'sv', 'web', false, true)`, [placeholder]);
    const moved = await db.tx.run(() => recipients.moveManyToDepartment([
      { inquiryId: a, tenantId: 'demo', department: 'gata_park', departmentName: 'Gata och park' },
      { inquiryId: b, tenantId: 'demo', department: 'miljo' }, // same department, no name given: keeps 'Miljö'
      { inquiryId: c, tenantId: 'other', department: 'gata_park' }, // another tenant's key: not this row
      { inquiryId: placeholder, tenantId: 'demo', department: 'gata_park' }, // stand-in until inquiry.received
    ]));
    expect([...moved.keys()].sort()).toEqual([a, b].sort());
    expect(moved.get(a)).toMatchObject({ department: 'gata_park', departmentName: 'Gata och park', email: 'c11@example.test' });
    expect(moved.get(b)).toMatchObject({ department: 'miljo', departmentName: 'Miljö' });
    const rows = await db.ds.query(`SELECT inquiry_id, department FROM notifications.recipients WHERE inquiry_id = ANY($1)`, [[c, placeholder]]);
    expect(rows.map((r: { department: string | null }) => r.department)).toEqual([null, null]);
  });
});

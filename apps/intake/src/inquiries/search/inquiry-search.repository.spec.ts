import { migratedServiceDatabase, planScans, ServiceDatabase } from '@lotsen/testing';
import { intakeMigrations } from '../../migrations';
import { contactSearchStatement, InquirySearchRepository } from './inquiry-search.repository';

describe("the staff search's look-ups", () => {
  let db: ServiceDatabase;
  let repo: InquirySearchRepository;

  beforeAll(async () => {
    db = await migratedServiceDatabase('intake', intakeMigrations);
    repo = new InquirySearchRepository(db.tx);
    await db.ds.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('demo', 'Demo', 'DEMO'), ('other', 'Other', 'OTH')`);
    // Many people's inquiries, and a few of one person's, written in different ways, in two units and two municipalities.
    await db.ds.query(`INSERT INTO intake.inquiries (id, tenant_id, reference, tracking_token_hash, channel, body, language, language_detected, received_at, citizen, department)
      SELECT gen_random_uuid(), 'demo', 'DEMO-2026-' || n, 'hash-' || n, 'web', 'Text nummer ' || n, 'sv', false, now() - n * interval '1 minute',
        jsonb_build_object('email', 'person' || n || '@example.se', 'phone', '070-' || (1000000 + n)), CASE WHEN n % 2 = 0 THEN 'gata_park' END
      FROM generate_series(1, 5000) n`);
    await db.ds.query(`INSERT INTO intake.inquiries (id, tenant_id, reference, tracking_token_hash, channel, body, language, language_detected, received_at, citizen, department) VALUES
      (gen_random_uuid(), 'demo', 'DEMO-2026-9001', 'h-a', 'web', 'Ett', 'sv', false, now() - interval '3 days', '{"email": "Anna@Example.se", "phone": "070-123 45 67"}', 'gata_park'),
      (gen_random_uuid(), 'demo', 'DEMO-2026-9002', 'h-b', 'web', 'Två', 'sv', false, now() - interval '2 days', '{"email": "anna@example.se", "phone": "+46701234567"}', NULL),
      (gen_random_uuid(), 'demo', 'DEMO-2026-9003', 'h-c', 'web', 'Tre', 'sv', false, now() - interval '1 day', '{"email": "ANNA@EXAMPLE.SE"}', 'socialtjanst'),
      (gen_random_uuid(), 'other', 'OTH-2026-1', 'h-d', 'web', 'Fyra', 'sv', false, now(), '{"email": "anna@example.se", "phone": "0701234567"}', 'gata_park')`);
    await db.ds.query(`ANALYZE intake.inquiries`);
  });
  afterAll(() => db?.close());

  it("finds the person's inquiries in the given units and municipality, newest first", async () => {
    const refs = async (who: { email?: string; phoneKey?: string }, units: string[]) => (await repo.byContact('demo', who, units, 20)).map((h) => h.reference);
    expect(await refs({ email: 'anna@example.se' }, ['gata_park', 'kontaktcenter', 'socialtjanst'])).toEqual(['DEMO-2026-9003', 'DEMO-2026-9002', 'DEMO-2026-9001']);
    expect(await refs({ email: 'anna@example.se' }, ['gata_park'])).toEqual(['DEMO-2026-9001']);
    expect(await refs({ phoneKey: '701234567' }, ['gata_park', 'kontaktcenter'])).toEqual(['DEMO-2026-9002', 'DEMO-2026-9001']);
    expect(await refs({ phoneKey: '701234567' }, [])).toEqual([]);
  });

  it.each([['e-mail address', { email: 'anna@example.se' }], ['phone number', { phoneKey: '701234567' }]])('finds a person by %s through an index, not by reading every inquiry', async (_what, who) => {
    const { sql, params } = contactSearchStatement('demo', who, ['gata_park', 'kontaktcenter'], 20);
    const scans = (await planScans(db.ds, sql, params)).filter((s) => / inquiries$/.test(s));
    expect(scans.length).toBeGreaterThan(0);
    expect(scans).not.toContain('Seq Scan inquiries');
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff search and the citizen's rights find a person's inquiries by e-mail address or phone
 * number (contactMatchSql in data-subjects.repository.ts): these indexes are on exactly those
 * expressions, so a look-up probes an index instead of reading every inquiry of the tenant.
 */
export class IntakeContactSearchIndexes1765001300020 implements MigrationInterface {
  name = 'IntakeContactSearchIndexes1765001300020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS inquiries_citizen_email ON intake.inquiries (tenant_id, lower(citizen->>'email'))`);
    await q.query(`CREATE INDEX IF NOT EXISTS inquiries_citizen_phone ON intake.inquiries (tenant_id, right(regexp_replace(citizen->>'phone', '\\D', '', 'g'), 9))`);
    await q.query(`CREATE INDEX IF NOT EXISTS email_messages_from_address ON intake.email_messages (tenant_id, lower(from_address))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.email_messages_from_address`);
    await q.query(`DROP INDEX intake.inquiries_citizen_phone`);
    await q.query(`DROP INDEX intake.inquiries_citizen_email`);
  }
}

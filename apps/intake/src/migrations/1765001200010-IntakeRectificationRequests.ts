import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rectification of contact data (GDPR art. 16) is recorded beside access and erasure requests. */
export class IntakeRectificationRequests1765001200010 implements MigrationInterface {
  name = 'IntakeRectificationRequests1765001200010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.data_subject_requests DROP CONSTRAINT data_subject_requests_kind_check`);
    await q.query(`ALTER TABLE intake.data_subject_requests ADD CONSTRAINT data_subject_requests_kind_check CHECK (kind IN ('access', 'erasure', 'rectification'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM intake.data_subject_requests WHERE kind = 'rectification'`);
    await q.query(`ALTER TABLE intake.data_subject_requests DROP CONSTRAINT data_subject_requests_kind_check`);
    await q.query(`ALTER TABLE intake.data_subject_requests ADD CONSTRAINT data_subject_requests_kind_check CHECK (kind IN ('access', 'erasure'))`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case number (diarienummer) the department's own case-management system gave the inquiry,
 * shown to the citizen, and when it was recorded: a later number replaces an earlier one,
 * whatever order their events arrive in.
 */
export class IntakeCaseNumber1765001300010 implements MigrationInterface {
  name = 'IntakeCaseNumber1765001300010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.inquiries ADD COLUMN case_number text, ADD COLUMN case_number_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.inquiries DROP COLUMN case_number_at, DROP COLUMN case_number`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** A department system's key names its department here too, so intake can hold it to that department's work. */
export class IntakeKeySubjects1765000700011 implements MigrationInterface {
  name = 'IntakeKeySubjects1765000700011';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.api_keys ADD COLUMN subject_id text`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.api_keys DROP COLUMN subject_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The case number (diarienummer) the department's own case-management system gave the item. */
export class RoutingCaseNumber1765001300110 implements MigrationInterface {
  name = 'RoutingCaseNumber1765001300110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.work_items ADD COLUMN case_number text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.work_items DROP COLUMN case_number`);
  }
}

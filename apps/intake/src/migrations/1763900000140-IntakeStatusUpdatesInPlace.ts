import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every routed, answered or resolved event updates its inquiry's row (status, handler,
 * updated_at). No query reads inquiries by updated_at, yet its index made each of those updates
 * write a new entry into every index of the table. Without it, and with room left in each page,
 * Postgres updates the row in place (a HOT update): no index is touched.
 */
export class IntakeStatusUpdatesInPlace1763900000140 implements MigrationInterface {
  name = 'IntakeStatusUpdatesInPlace1763900000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.inquiries_tenant_updated`);
    await q.query(`ALTER TABLE intake.inquiries SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.inquiries RESET (fillfactor)`);
    await q.query(`CREATE INDEX inquiries_tenant_updated ON intake.inquiries (tenant_id, updated_at DESC)`);
  }
}

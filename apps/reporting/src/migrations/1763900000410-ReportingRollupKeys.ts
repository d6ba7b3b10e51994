import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollup rows get unique keys so the projector can add each changed fact's difference to them
 * (old contribution out, new in) instead of recomputing whole days: recomputing a busy day's
 * term counts on every batch rewrote thousands of rows a second and bloated the table. No index
 * covers the counts, so those updates stay HOT; rows that fall back to zero are pruned now and
 * then (readers skip them meanwhile).
 */
export class ReportingRollupKeys1763900000410 implements MigrationInterface {
  name = 'ReportingRollupKeys1763900000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX inquiry_daily_key ON reporting.inquiry_daily (tenant_id, day, channel, department, category, type, language)`);
    await q.query(`DROP INDEX reporting.inquiry_daily_day`);
    await q.query(`CREATE UNIQUE INDEX term_daily_key ON reporting.term_daily (tenant_id, day, department, term)`);
    await q.query(`DROP INDEX reporting.term_daily_day`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX term_daily_day ON reporting.term_daily (tenant_id, day, department)`);
    await q.query(`DROP INDEX reporting.term_daily_key`);
    await q.query(`CREATE INDEX inquiry_daily_day ON reporting.inquiry_daily (tenant_id, day)`);
    await q.query(`DROP INDEX reporting.inquiry_daily_key`);
  }
}

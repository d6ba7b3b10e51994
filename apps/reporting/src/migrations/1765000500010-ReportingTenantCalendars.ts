import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each tenant's business calendar as routing announced it (tenant.calendar.changed), so business
 * hours in reporting are counted as routing's SLA clocks count them; and the category names the
 * dashboard shows, per language. Both are reporting's own copies: it never reads routing's tables.
 */
export class ReportingTenantCalendars1765000500010 implements MigrationInterface {
  name = 'ReportingTenantCalendars1765000500010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reporting.tenant_calendars (
      tenant_id text PRIMARY KEY,
      spec jsonb NOT NULL,
      changed_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE reporting.category_names (
      tenant_id text NOT NULL,
      code text NOT NULL,
      names jsonb NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT '-infinity',
      PRIMARY KEY (tenant_id, code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.category_names`);
    await q.query(`DROP TABLE reporting.tenant_calendars`);
  }
}

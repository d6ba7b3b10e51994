import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingInit1763900000400 implements MigrationInterface {
  name = 'ReportingInit1763900000400';

  async up(q: QueryRunner): Promise<void> {
    // Every event, once (by id), without personal data: the source all figures are rebuilt from.
    await q.query(`CREATE TABLE reporting.events (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      tenant_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      envelope jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX events_tenant_occurred ON reporting.events (tenant_id, occurred_at)`);
    await q.query(`CREATE TABLE reporting.daily_volume (
      tenant_id text NOT NULL,
      day date NOT NULL,
      channel text NOT NULL,
      received int NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, day, channel)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.daily_volume`);
    await q.query(`DROP TABLE reporting.events`);
  }
}

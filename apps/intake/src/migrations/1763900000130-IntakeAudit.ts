import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeAudit1763900000130 implements MigrationInterface {
  name = 'IntakeAudit1763900000130';

  async up(q: QueryRunner): Promise<void> {
    // Who read a sensitive inquiry, and when (insert-only; the service role never deletes here).
    await q.query(`CREATE TABLE intake.sensitive_reads (
      id bigserial PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL REFERENCES intake.inquiries(id),
      key_id uuid NOT NULL,
      role text,
      subject_id text,
      read_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX sensitive_reads_inquiry ON intake.sensitive_reads (tenant_id, inquiry_id, read_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.sensitive_reads`);
  }
}

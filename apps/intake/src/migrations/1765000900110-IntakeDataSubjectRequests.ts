import { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests under the citizen's rights (access, erasure) and their outcome: who asked, for whom (masked), when. */
export class IntakeDataSubjectRequests1765000900110 implements MigrationInterface {
  name = 'IntakeDataSubjectRequests1765000900110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.data_subject_requests (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('access', 'erasure')),
      subject_masked text NOT NULL,
      requested_by text NOT NULL,
      inquiries int NOT NULL,
      outcome jsonb NOT NULL DEFAULT '{}',
      requested_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX data_subject_requests_tenant ON intake.data_subject_requests (tenant_id, requested_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.data_subject_requests`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff corrections as training labels: an inquiry transferred, returned, re-categorised or
 * resolved in another department than the classifier chose. The text stays in
 * routing.inquiries (one copy, under its retention); a label only points at it. Models a
 * retraining refused (worse on recent inquiries) are kept as `rejected`, for the supervisor.
 */
export class RoutingTrainingLabels1765000600010 implements MigrationInterface {
  name = 'RoutingTrainingLabels1765000600010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE routing.training_labels (
      inquiry_id uuid PRIMARY KEY REFERENCES routing.inquiries (id),
      tenant_id text NOT NULL,
      source text NOT NULL CHECK (source IN ('transferred', 'returned', 'recategorised', 'resolved_elsewhere')),
      predicted_department text NOT NULL,
      predicted_category text,
      department text,
      category text,
      model_version int,
      keywords jsonb NOT NULL DEFAULT '[]',
      labelled_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX training_labels_tenant ON routing.training_labels (tenant_id, labelled_at)`);
    await q.query(`ALTER TABLE routing.models DROP CONSTRAINT models_status_check`);
    await q.query(`ALTER TABLE routing.models ADD CONSTRAINT models_status_check CHECK (status IN ('active', 'retired', 'rejected'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM routing.models WHERE status = 'rejected'`);
    await q.query(`ALTER TABLE routing.models DROP CONSTRAINT models_status_check`);
    await q.query(`ALTER TABLE routing.models ADD CONSTRAINT models_status_check CHECK (status IN ('active', 'retired'))`);
    await q.query(`DROP TABLE routing.training_labels`);
  }
}

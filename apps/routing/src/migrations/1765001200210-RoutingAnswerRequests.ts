import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An answer's Idempotency-Key: a double click or a retry of POST /v1/work/:id/answer finds its
 * key here and reaches the citizen once. Removed by housekeeping after the window.
 */
export class RoutingAnswerRequests1765001200210 implements MigrationInterface {
  name = 'RoutingAnswerRequests1765001200210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE routing.answer_requests (
      tenant_id text NOT NULL,
      key text NOT NULL,
      inquiry_id uuid NOT NULL,
      actor text NOT NULL,
      body_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    )`);
    await q.query(`CREATE INDEX answer_requests_created ON routing.answer_requests (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.answer_requests`);
  }
}

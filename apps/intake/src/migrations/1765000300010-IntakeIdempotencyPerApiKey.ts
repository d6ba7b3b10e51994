import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key belongs to the API key that sent it: two systems of one municipality that
 * happen to pick the same key get independent answers, and neither can read the other's reply
 * (it holds a tracking token). Rows from before carry an empty key id and simply never match
 * again; the default lets instances still on the previous version keep inserting during a rollout.
 */
export class IntakeIdempotencyPerApiKey1765000300010 implements MigrationInterface {
  name = 'IntakeIdempotencyPerApiKey1765000300010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.idempotency_keys ADD COLUMN key_id text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE intake.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await q.query(`ALTER TABLE intake.idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (tenant_id, key_id, key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM intake.idempotency_keys WHERE key_id <> ''`);
    await q.query(`ALTER TABLE intake.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await q.query(`ALTER TABLE intake.idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (tenant_id, key)`);
    await q.query(`ALTER TABLE intake.idempotency_keys DROP COLUMN key_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's eraser removes an inquiry's sent-message records and idempotency records by inquiry:
 * without these indexes each removal scans the whole table, which grows with every message sent.
 */
export class IntakeRetentionIndexes1765001100020 implements MigrationInterface {
  name = 'IntakeRetentionIndexes1765001100020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS outgoing_messages_inquiry ON intake.outgoing_messages (inquiry_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS idempotency_keys_inquiry ON intake.idempotency_keys (inquiry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.idempotency_keys_inquiry`);
    await q.query(`DROP INDEX intake.outgoing_messages_inquiry`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each stream mark was written, so the background projector can let a stream settle: an
 * inquiry's received, classified, routed and receipt events arrive within about a second, and
 * folding them together moves each rollup row once instead of once per event.
 */
export class ReportingDirtyMarkedAt1763900000420 implements MigrationInterface {
  name = 'ReportingDirtyMarkedAt1763900000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.stream_dirty ADD COLUMN marked_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.stream_dirty DROP COLUMN marked_at`);
  }
}

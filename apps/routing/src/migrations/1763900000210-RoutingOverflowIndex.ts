import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overflow sweep (every second, on every instance) looks for queued items still at overflow
 * stage 0 or 1; items in the supervisor queue (stage 2) are done with. Without this index it read
 * every queued item each time: with 80,000 waiting, 90 ms a sweep.
 */
export class RoutingOverflowIndex1763900000210 implements MigrationInterface {
  name = 'RoutingOverflowIndex1763900000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX work_items_overflow ON routing.work_items (overflow_stage, enqueued_at) WHERE status = 'queued' AND overflow_stage < 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX routing.work_items_overflow`);
  }
}

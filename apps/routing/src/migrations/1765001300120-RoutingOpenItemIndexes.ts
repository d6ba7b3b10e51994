import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor overview lists open items oldest first with their count, and each agent's open
 * items. Without these it read every work item, resolved ones included, for the list and once per
 * agent: with 10,000 waiting and 200 agents, a second a call.
 */
export class RoutingOpenItemIndexes1765001300120 implements MigrationInterface {
  name = 'RoutingOpenItemIndexes1765001300120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX work_items_open ON routing.work_items (tenant_id, enqueued_at) WHERE status <> 'resolved'`);
    await q.query(`CREATE INDEX work_items_held ON routing.work_items (tenant_id, assigned_to, enqueued_at) WHERE status <> 'resolved' AND assigned_to IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX routing.work_items_held`);
    await q.query(`DROP INDEX routing.work_items_open`);
  }
}

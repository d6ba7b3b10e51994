import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Asking the citizen: a work item waits for their reply (`awaiting_citizen`) with its SLA timers
 * paused; the reply resumes them, their due times moved on by the time they stood still.
 */
export class RoutingAwaitingCitizen1765001200110 implements MigrationInterface {
  name = 'RoutingAwaitingCitizen1765001200110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.work_items DROP CONSTRAINT work_items_status_check`);
    await q.query(`ALTER TABLE routing.work_items ADD CONSTRAINT work_items_status_check
      CHECK (status IN ('queued', 'assigned', 'answered', 'awaiting_citizen', 'resolved'))`);
    // The status the item goes back to when the citizen replies.
    await q.query(`ALTER TABLE routing.work_items ADD COLUMN status_before_pause text
      CHECK (status_before_pause IN ('queued', 'assigned', 'answered'))`);
    await q.query(`ALTER TABLE routing.work_items ADD COLUMN paused_at timestamptz`);
    await q.query(`ALTER TABLE routing.sla_timers ADD COLUMN paused_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.sla_timers DROP COLUMN paused_at`);
    await q.query(`ALTER TABLE routing.work_items DROP COLUMN paused_at`);
    await q.query(`ALTER TABLE routing.work_items DROP COLUMN status_before_pause`);
    await q.query(`ALTER TABLE routing.work_items DROP CONSTRAINT work_items_status_check`);
    await q.query(`ALTER TABLE routing.work_items ADD CONSTRAINT work_items_status_check CHECK (status IN ('queued', 'assigned', 'answered', 'resolved'))`);
  }
}

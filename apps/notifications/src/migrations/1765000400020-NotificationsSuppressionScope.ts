import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A suppression has a reason-specific effect and, for a bounce, an end: an opt-out stops automated
 * messages only (never the answer a citizen asked for), a hard bounce stops everything for a
 * configured period (NOTIFICATIONS_BOUNCE_SUPPRESSION_DAYS). An address can be both at once, so
 * the reason joins the key. The masked address lets staff see whom a suppression concerns without
 * the list holding addresses. Bounces recorded so far end 30 days after they were recorded.
 */
export class NotificationsSuppressionScope1765000400020 implements MigrationInterface {
  name = 'NotificationsSuppressionScope1765000400020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.suppressions ADD COLUMN until timestamptz, ADD COLUMN masked_address text`);
    await q.query(`ALTER TABLE notifications.suppressions DROP CONSTRAINT suppressions_pkey, ADD PRIMARY KEY (tenant_id, address_key, reason)`);
    await q.query(`UPDATE notifications.suppressions SET until = created_at + interval '30 days' WHERE reason = 'bounced'`);
    await q.query(`ALTER TABLE notifications.suppressions ADD CONSTRAINT suppressions_bounce_ends CHECK (reason <> 'bounced' OR until IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.suppressions DROP CONSTRAINT suppressions_bounce_ends`);
    // One row per address again: an opt-out wins over a bounce, as before.
    await q.query(`DELETE FROM notifications.suppressions b USING notifications.suppressions o
      WHERE b.reason = 'bounced' AND o.reason = 'opted_out' AND b.tenant_id = o.tenant_id AND b.address_key = o.address_key`);
    await q.query(`ALTER TABLE notifications.suppressions DROP CONSTRAINT suppressions_pkey, ADD PRIMARY KEY (tenant_id, address_key)`);
    await q.query(`ALTER TABLE notifications.suppressions DROP COLUMN masked_address, DROP COLUMN until`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** A tracking link's token as text or as HTML escapes it (written out: a migration never changes with the code). */
const TOKEN = '(token(?:=|&#x3D;|&#61;))[A-Za-z0-9_%.~-]+';

/**
 * - The tracking token is no longer kept: recipients forget the ones stored so far, and bodies of
 *   messages already sent (or never to be sent) lose the token in their tracking link. Pending
 *   ones keep it until they are sent. The column stays for instances of the previous version
 *   during a rollout; nothing writes it any more.
 * - Per tenant, the countries (calling codes) an SMS may go to; NULL = the configured default.
 * - Recent messages per address, for the cap on automatic messages to one address per hour.
 */
export class NotificationsTokensAndAbuseLimits1765000300020 implements MigrationInterface {
  name = 'NotificationsTokensAndAbuseLimits1765000300020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notifications.recipients SET tracking_token = NULL WHERE tracking_token IS NOT NULL`);
    await q.query(`UPDATE notifications.deliveries
      SET body_text = regexp_replace(body_text, '${TOKEN}', '\\1redacted', 'g'),
          body_html = regexp_replace(body_html, '${TOKEN}', '\\1redacted', 'g')
      WHERE status IN ('sent', 'failed', 'suppressed') AND (body_text LIKE '%token%' OR body_html LIKE '%token%')`);
    await q.query(`ALTER TABLE notifications.tenant_settings ADD COLUMN sms_countries text[]`);
    await q.query(`CREATE INDEX deliveries_address_recent ON notifications.deliveries (tenant_id, address_key, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications.deliveries_address_recent`);
    await q.query(`ALTER TABLE notifications.tenant_settings DROP COLUMN sms_countries`);
  }
}

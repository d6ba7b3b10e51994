import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the citizen was last told about who has their inquiry (`center`, or the department and
 * whether someone there took it), so a status update goes out only for news: routing handing a
 * first-line inquiry to the contact center that just sent the receipt tells the citizen nothing.
 */
export class NotificationsHeardStatus1765000500001 implements MigrationInterface {
  name = 'NotificationsHeardStatus1765000500001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.recipients ADD COLUMN heard_status text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.recipients DROP COLUMN heard_status`);
  }
}

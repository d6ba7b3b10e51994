import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInit1763900000300 implements MigrationInterface {
  name = 'NotificationsInit1763900000300';

  async up(q: QueryRunner): Promise<void> {
    // Who to tell about an inquiry, from inquiry.received (the notify flag and contact data).
    await q.query(`CREATE TABLE notifications.recipients (
      inquiry_id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      reference text NOT NULL,
      language text NOT NULL,
      email text,
      phone text,
      notify boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.recipients`);
  }
}

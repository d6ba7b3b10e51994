import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoutingInit1763900000200 implements MigrationInterface {
  name = 'RoutingInit1763900000200';

  async up(q: QueryRunner): Promise<void> {
    // The inquiries routing owns a decision for (filled from inquiry.received).
    await q.query(`CREATE TABLE routing.inquiries (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      reference text NOT NULL,
      channel text NOT NULL,
      language text NOT NULL,
      received_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.inquiries`);
  }
}

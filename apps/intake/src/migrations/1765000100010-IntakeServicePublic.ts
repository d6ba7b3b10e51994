import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a service's requests are public by nature (faults in public space): only those, and
 * what came in through Open311, appear in Open311's anonymous list. Off unless the municipality
 * turns it on, so nothing becomes public by default.
 */
export class IntakeServicePublic1765000100010 implements MigrationInterface {
  name = 'IntakeServicePublic1765000100010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.service_definitions ADD COLUMN public boolean NOT NULL DEFAULT false,
      ADD COLUMN public_set_by text, ADD COLUMN public_set_at timestamptz`);
    await q.query(`COMMENT ON COLUMN intake.service_definitions.public_set_by IS 'Who last turned the public flag on or off (staff subject or key id), and when: public_set_at'`);
    await q.query(`COMMENT ON COLUMN intake.service_definitions.public IS 'Requests of this service are shown in Open311''s public list (never sensitive ones); off for everything about people'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.service_definitions DROP COLUMN public_set_at, DROP COLUMN public_set_by, DROP COLUMN public`);
  }
}

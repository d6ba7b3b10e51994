import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public-record register (diarium) of inbound mail and letters. The documents themselves are
 * intake's e-mail register and the inquiries that came by letter; these tables add what the
 * register needs beyond them: sekretess marks with their legal ground, the tenant's rule for the
 * register at gallring, and the entry kept (sender masked, subject) once the case's data is gone.
 */
export class IntakeRegister1765001100010 implements MigrationInterface {
  name = 'IntakeRegister1765001100010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.register_secrecy (
      tenant_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('email', 'letter')),
      document_id uuid NOT NULL,
      parts text[] NOT NULL CHECK (parts <@ ARRAY['sender', 'subject', 'content'] AND cardinality(parts) > 0),
      legal_ground text NOT NULL,
      marked_by text NOT NULL,
      marked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, document_id)
    )`);
    await q.query(`COMMENT ON TABLE intake.register_secrecy IS 'Sekretess on a registered document or part of it (sender, subject, content), with the legal ground shown in its place'`);
    await q.query(`CREATE TABLE intake.register_policies (
      tenant_id text PRIMARY KEY,
      at_gallring text NOT NULL CHECK (at_gallring IN ('keep-entry', 'remove-entry')),
      note text,
      set_by text NOT NULL,
      set_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`COMMENT ON TABLE intake.register_policies IS 'What the plan says of the register when a case is gallrad: keep the entry (default) or remove it with the case'`);
    await q.query(`CREATE TABLE intake.register_retained (
      tenant_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('email', 'letter')),
      document_id uuid NOT NULL,
      inquiry_id uuid,
      kept boolean NOT NULL,
      sender_masked text,
      subject text,
      gallrad_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, document_id)
    )`);
    await q.query(`COMMENT ON TABLE intake.register_retained IS 'A registered document whose case was gallrad: the entry kept (masked sender, subject) or removed from the register'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.register_retained`);
    await q.query(`DROP TABLE intake.register_policies`);
    await q.query(`DROP TABLE intake.register_secrecy`);
  }
}

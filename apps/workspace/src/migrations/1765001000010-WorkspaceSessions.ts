import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff sign-in sessions: who is signed in, their sealed tokens and when they were last
 * active. No citizen data: the workspace reads inquiries from the services on every request.
 * The cookie holds a random id; only its SHA-256 is stored, so the table cannot be replayed.
 */
export class WorkspaceSessions1765001000010 implements MigrationInterface {
  name = 'WorkspaceSessions1765001000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE workspace.sessions (
      id_hash text PRIMARY KEY,
      tenant_id text NOT NULL,
      subject text NOT NULL,
      name text NOT NULL,
      roles text[] NOT NULL,
      departments text[] NOT NULL,
      csrf_token text NOT NULL,
      tokens text NOT NULL,
      access_expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX sessions_last_seen ON workspace.sessions (last_seen_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workspace.sessions`);
  }
}

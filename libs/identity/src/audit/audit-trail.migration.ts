import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service's audit trail: who (sub and display name, or a system key) read which inquiry's
 * personal data or changed which configuration, when, on what basis and why. The table comment
 * marks it append-only: the service's own role gets no UPDATE, DELETE or TRUNCATE on it
 * (grantServiceRole), so not even a compromised service rewrites history.
 */
export function auditTrailTableV1(schema: string, timestamp: number): new () => MigrationInterface {
  const name = `AuditTrailV1${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE "${schema}".audit_trail (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_name text,
        actor_kind text NOT NULL CHECK (actor_kind IN ('person', 'system')),
        roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        inquiry_id uuid,
        target text,
        outcome text NOT NULL,
        basis text,
        reason text
      )`);
      await q.query(`CREATE INDEX audit_trail_inquiry ON "${schema}".audit_trail (tenant_id, inquiry_id, at) WHERE inquiry_id IS NOT NULL`);
      await q.query(`CREATE INDEX audit_trail_at ON "${schema}".audit_trail (tenant_id, at)`);
      await q.query(`COMMENT ON TABLE "${schema}".audit_trail IS 'append-only: who read personal data or changed configuration'`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".audit_trail`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

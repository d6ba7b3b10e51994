import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (gallring): the municipality's rules per category, legal holds on single inquiries,
 * and each retention run's progress per inquiry and service.
 */
export class RoutingRetention1765000900100 implements MigrationInterface {
  name = 'RoutingRetention1765000900100';

  async up(q: QueryRunner): Promise<void> {
    // category '*' is the tenant's default; without any rule an inquiry is kept (bevaras).
    await q.query(`CREATE TABLE routing.retention_rules (
      tenant_id text NOT NULL,
      category text NOT NULL,
      action text NOT NULL CHECK (action IN ('gallras', 'bevaras')),
      months int CHECK (months BETWEEN 0 AND 1200),
      note text,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, category),
      CHECK ((action = 'gallras') = (months IS NOT NULL))
    )`);
    await q.query(`CREATE TABLE routing.legal_holds (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL REFERENCES routing.inquiries (id),
      reason text NOT NULL CHECK (length(reason) > 0),
      placed_by text NOT NULL,
      placed_at timestamptz NOT NULL DEFAULT now(),
      lifted_by text,
      lifted_reason text,
      lifted_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX legal_holds_active ON routing.legal_holds (inquiry_id) WHERE lifted_at IS NULL`);
    await q.query(`CREATE TABLE routing.retention_runs (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      as_of timestamptz NOT NULL,
      requested_by text NOT NULL,
      -- gallring: the rules' run; erasure: a person's request under GDPR art. 17
      purpose text NOT NULL DEFAULT 'gallring' CHECK (purpose IN ('gallring', 'erasure')),
      reason text,
      scheduled int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // One row per inquiry whose removal was published: it is never published twice.
    await q.query(`CREATE TABLE routing.retention_cases (
      inquiry_id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      run_id uuid NOT NULL REFERENCES routing.retention_runs (id),
      category text,
      resolved_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX retention_cases_run ON routing.retention_cases (run_id)`);
    await q.query(`CREATE TABLE routing.retention_steps (
      inquiry_id uuid NOT NULL,
      service text NOT NULL,
      run_id uuid NOT NULL,
      rows int NOT NULL,
      done_at timestamptz NOT NULL,
      PRIMARY KEY (inquiry_id, service)
    )`);
    await q.query(`CREATE INDEX retention_steps_run ON routing.retention_steps (run_id)`);
    // The scheduler's scan: resolved items by resolution time.
    await q.query(`CREATE INDEX work_items_resolved ON routing.work_items (tenant_id, resolved_at) WHERE status = 'resolved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX routing.work_items_resolved`);
    for (const t of ['retention_steps', 'retention_cases', 'retention_runs', 'legal_holds', 'retention_rules']) await q.query(`DROP TABLE routing.${t}`);
  }
}

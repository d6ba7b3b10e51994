import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's own tables: catalogue and versioned agreements, classifier models, the inquiries it
 * decided on, work items and their history, agents and skills, knowledge, SLA timers.
 */
export class RoutingInit1763900000200 implements MigrationInterface {
  name = 'RoutingInit1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // Per-tenant opening hours and defaults (SLA clocks run in this business time).
    await q.query(`CREATE TABLE routing.tenant_settings (
      tenant_id text PRIMARY KEY,
      timezone text NOT NULL DEFAULT 'Europe/Stockholm',
      business_hours jsonb NOT NULL DEFAULT '{"days":[1,2,3,4,5],"opens":"08:00","closes":"17:00"}',
      holidays text DEFAULT 'SE',
      default_first_response_hours numeric NOT NULL DEFAULT 8,
      default_resolution_hours numeric NOT NULL DEFAULT 80,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE routing.departments (
      tenant_id text NOT NULL,
      code text NOT NULL,
      name jsonb NOT NULL,
      email text,
      business_hours jsonb,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, code)
    )`);

    await q.query(`CREATE TABLE routing.categories (
      tenant_id text NOT NULL,
      code text NOT NULL,
      department text NOT NULL,
      group_name text NOT NULL DEFAULT '',
      name jsonb NOT NULL,
      description jsonb NOT NULL DEFAULT '{}',
      keywords jsonb NOT NULL DEFAULT '{}',
      fault_report boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, code),
      FOREIGN KEY (tenant_id, department) REFERENCES routing.departments (tenant_id, code)
    )`);

    // Agreements are append-only: a change is a new version; decisions record the version used.
    await q.query(`CREATE TABLE routing.agreements (
      tenant_id text NOT NULL,
      category text NOT NULL,
      version int NOT NULL,
      first_line boolean NOT NULL,
      department text NOT NULL,
      sla_first_response_hours numeric NOT NULL,
      sla_resolution_hours numeric NOT NULL,
      priority int NOT NULL CHECK (priority BETWEEN 1 AND 5),
      changed_by text,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, category, version),
      FOREIGN KEY (tenant_id, category) REFERENCES routing.categories (tenant_id, code),
      FOREIGN KEY (tenant_id, department) REFERENCES routing.departments (tenant_id, code)
    )`);

    await q.query(`CREATE TABLE routing.models (
      tenant_id text NOT NULL,
      version int NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'retired')),
      source text NOT NULL,
      examples int NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}',
      model json NOT NULL,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      activated_at timestamptz,
      PRIMARY KEY (tenant_id, version)
    )`);
    await q.query(`CREATE UNIQUE INDEX models_one_active ON routing.models (tenant_id) WHERE status = 'active'`);

    // The inquiries routing decided on (from inquiry.received); the text feeds knowledge and retraining.
    await q.query(`CREATE TABLE routing.inquiries (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      reference text NOT NULL,
      channel text NOT NULL,
      subject text,
      body text NOT NULL,
      language text NOT NULL,
      sensitive boolean NOT NULL DEFAULT false,
      location jsonb,
      received_at timestamptz NOT NULL,
      final_department text,
      final_type text,
      final_first_contact boolean,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX inquiries_resolved ON routing.inquiries (tenant_id) WHERE final_department IS NOT NULL`);

    await q.query(`CREATE TABLE routing.decisions (
      inquiry_id uuid PRIMARY KEY REFERENCES routing.inquiries (id),
      tenant_id text NOT NULL,
      department text NOT NULL,
      queue text NOT NULL,
      category text,
      type text NOT NULL,
      topic_department text NOT NULL,
      priority int NOT NULL,
      urgent boolean NOT NULL,
      first_contact_resolvable boolean NOT NULL,
      language text NOT NULL,
      confidence double precision NOT NULL,
      model_version int,
      agreement_version int,
      reasons jsonb NOT NULL,
      classification jsonb NOT NULL,
      first_response_due_at timestamptz,
      resolution_due_at timestamptz,
      decided_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE routing.agents (
      tenant_id text NOT NULL,
      id text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'department', 'admin')),
      department text NOT NULL,
      languages text[] NOT NULL,
      capacity int NOT NULL CHECK (capacity >= 0),
      presence text NOT NULL DEFAULT 'offline' CHECK (presence IN ('available', 'away', 'offline')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, department) REFERENCES routing.departments (tenant_id, code)
    )`);
    await q.query(`CREATE TABLE routing.agent_skills (
      tenant_id text NOT NULL,
      agent_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('category', 'department')),
      code text NOT NULL,
      level int NOT NULL CHECK (level BETWEEN 1 AND 5),
      PRIMARY KEY (tenant_id, agent_id, kind, code),
      FOREIGN KEY (tenant_id, agent_id) REFERENCES routing.agents (tenant_id, id) ON DELETE CASCADE
    )`);

    // One work item per inquiry; it moves between queues, agents and departments.
    await q.query(`CREATE TABLE routing.work_items (
      inquiry_id uuid PRIMARY KEY REFERENCES routing.inquiries (id),
      tenant_id text NOT NULL,
      reference text NOT NULL,
      department text NOT NULL,
      queue text NOT NULL CHECK (queue IN ('first_line', 'department', 'triage', 'supervisor')),
      category text,
      topic_department text NOT NULL,
      type text NOT NULL,
      language text NOT NULL,
      priority int NOT NULL,
      urgent boolean NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'assigned', 'answered', 'resolved')),
      assigned_to text,
      assigned_at timestamptz,
      overflow_stage int NOT NULL DEFAULT 0,
      enqueued_at timestamptz NOT NULL DEFAULT now(),
      first_response_due_at timestamptz,
      resolution_due_at timestamptz,
      answered_at timestamptz,
      resolved_at timestamptz,
      suggestions jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX work_items_queued ON routing.work_items (tenant_id, priority, first_response_due_at, enqueued_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX work_items_assigned ON routing.work_items (tenant_id, assigned_to) WHERE status IN ('assigned', 'answered')`);

    await q.query(`CREATE TABLE routing.work_history (
      id bigserial PRIMARY KEY,
      inquiry_id uuid NOT NULL REFERENCES routing.inquiries (id),
      tenant_id text NOT NULL,
      action text NOT NULL,
      actor text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX work_history_inquiry ON routing.work_history (inquiry_id, id)`);

    // Earlier answered questions and curated answers, searched with full text + trigrams.
    await q.query(`CREATE TABLE routing.knowledge (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('answered', 'curated')),
      inquiry_id uuid UNIQUE,
      question text NOT NULL,
      answer text NOT NULL,
      language text NOT NULL,
      category text,
      department text,
      search tsvector NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX knowledge_search ON routing.knowledge USING gin (search)`);
    await q.query(`CREATE INDEX knowledge_question_trgm ON routing.knowledge USING gin (question gin_trgm_ops)`);

    // Durable SLA timers: a scheduler claims due rows with SKIP LOCKED and fires each once.
    await q.query(`CREATE TABLE routing.sla_timers (
      id bigserial PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL REFERENCES routing.inquiries (id),
      clock text NOT NULL CHECK (clock IN ('first_response', 'resolution')),
      kind text NOT NULL CHECK (kind IN ('warning', 'breach')),
      fire_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      fired_at timestamptz,
      stopped_at timestamptz
    )`);
    await q.query(`CREATE INDEX sla_timers_due ON routing.sla_timers (fire_at) WHERE fired_at IS NULL AND stopped_at IS NULL`);
    await q.query(`CREATE INDEX sla_timers_inquiry ON routing.sla_timers (inquiry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sla_timers', 'knowledge', 'work_history', 'work_items', 'agent_skills', 'agents', 'decisions', 'inquiries', 'models', 'agreements', 'categories', 'departments', 'tenant_settings']) {
      await q.query(`DROP TABLE routing.${t}`);
    }
  }
}

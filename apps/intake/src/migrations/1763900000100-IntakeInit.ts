import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeInit1763900000100 implements MigrationInterface {
  name = 'IntakeInit1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.tenants (
      id text PRIMARY KEY,
      name text NOT NULL,
      reference_prefix text NOT NULL,
      jurisdiction_id text UNIQUE,
      timezone text NOT NULL DEFAULT 'Europe/Stockholm',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE intake.api_keys (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES intake.tenants(id),
      key_hash text NOT NULL UNIQUE,
      label text NOT NULL,
      channel text,
      role text,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      CHECK ((channel IS NULL) <> (role IS NULL))
    )`);
    await q.query(`CREATE TABLE intake.inquiries (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES intake.tenants(id),
      reference text NOT NULL,
      tracking_token_hash text NOT NULL UNIQUE,
      channel text NOT NULL,
      subject text,
      body text NOT NULL,
      language text NOT NULL,
      language_detected boolean NOT NULL,
      category text,
      type text,
      citizen jsonb,
      location jsonb,
      lat double precision,
      lon double precision,
      external_id text,
      sensitive boolean NOT NULL DEFAULT false,
      attachments jsonb NOT NULL DEFAULT '[]',
      open311 jsonb,
      received_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'received',
      status_at timestamptz NOT NULL DEFAULT '-infinity',
      department text,
      department_name text,
      agent_name text,
      handler_at timestamptz NOT NULL DEFAULT '-infinity',
      UNIQUE (tenant_id, reference)
    )`);
    await q.query(`CREATE INDEX inquiries_tenant_created ON intake.inquiries (tenant_id, created_at DESC)`);
    await q.query(`CREATE INDEX inquiries_tenant_updated ON intake.inquiries (tenant_id, updated_at DESC)`);
    await q.query(`COMMENT ON COLUMN intake.inquiries.open311 IS 'What arrived through Open311 beyond the common fields (attribute answers, address_id); NULL for inquiries from other interfaces'`);
    await q.query(`CREATE INDEX inquiries_tenant_received ON intake.inquiries (tenant_id, received_at DESC)`);
    await q.query(`CREATE INDEX inquiries_tenant_external ON intake.inquiries (tenant_id, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE TABLE intake.inquiry_messages (
      id uuid PRIMARY KEY,
      inquiry_id uuid NOT NULL REFERENCES intake.inquiries(id),
      tenant_id text NOT NULL,
      author text NOT NULL,
      visibility text NOT NULL,
      channel text,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX inquiry_messages_inquiry ON intake.inquiry_messages (inquiry_id, created_at)`);
    await q.query(`CREATE TABLE intake.status_history (
      id bigserial PRIMARY KEY,
      inquiry_id uuid NOT NULL REFERENCES intake.inquiries(id),
      status text NOT NULL,
      note text,
      occurred_at timestamptz NOT NULL,
      event_id uuid NOT NULL UNIQUE
    )`);
    await q.query(`CREATE INDEX status_history_inquiry ON intake.status_history (inquiry_id, occurred_at)`);
    await q.query(`CREATE TABLE intake.idempotency_keys (
      tenant_id text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      inquiry_id uuid NOT NULL,
      response_sealed text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    )`);
    await q.query(`CREATE INDEX idempotency_keys_created ON intake.idempotency_keys (created_at)`);
    await q.query(`CREATE TABLE intake.service_definitions (
      tenant_id text NOT NULL REFERENCES intake.tenants(id),
      code text NOT NULL,
      name jsonb NOT NULL,
      description jsonb NOT NULL DEFAULT '{}',
      group_name text NOT NULL,
      keywords text[] NOT NULL DEFAULT '{}',
      department text NOT NULL,
      fault_report boolean NOT NULL DEFAULT false,
      attributes jsonb NOT NULL DEFAULT '[]',
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (tenant_id, code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['service_definitions', 'idempotency_keys', 'status_history', 'inquiry_messages', 'inquiries', 'api_keys', 'tenants']) {
      await q.query(`DROP TABLE intake.${t}`);
    }
  }
}

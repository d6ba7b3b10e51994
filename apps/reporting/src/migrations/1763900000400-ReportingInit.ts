import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store and the read models built from it. Every table but `events` and `goals` is a
 * projection: `npm run reporting:rebuild` truncates and recomputes them from `events`.
 */
export class ReportingInit1763900000400 implements MigrationInterface {
  name = 'ReportingInit1763900000400';

  async up(q: QueryRunner): Promise<void> {
    // Every event, once (by id), without personal data. `stream` groups the events of one inquiry
    // or call; `terms` are the topic words taken from the citizen's text at ingestion (the text
    // itself is never stored here).
    await q.query(`CREATE TABLE reporting.events (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      tenant_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      stream text,
      terms text[],
      envelope jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX events_stream ON reporting.events (tenant_id, stream) WHERE stream IS NOT NULL`);

    // One row per inquiry with its milestones, recomputed from all of the inquiry's events.
    await q.query(`CREATE TABLE reporting.inquiry_facts (
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL,
      received_at timestamptz,
      received_local timestamp,
      day date,
      channel text,
      language text,
      category text,
      type text,
      department text,
      handled_by_center boolean NOT NULL DEFAULT false,
      answered_by_center boolean NOT NULL DEFAULT false,
      first_contact_resolved boolean NOT NULL DEFAULT false,
      first_response_at timestamptz,
      first_response_bmin double precision,
      resolved_at timestamptz,
      resolution_bmin double precision,
      ever_resolved boolean NOT NULL DEFAULT false,
      reopen_count int NOT NULL DEFAULT 0,
      sla_status text,
      survey_sent boolean NOT NULL DEFAULT false,
      survey_score smallint,
      terms text[],
      event_count int NOT NULL,
      PRIMARY KEY (tenant_id, inquiry_id)
    )`);
    await q.query(`CREATE INDEX inquiry_facts_day ON reporting.inquiry_facts (tenant_id, day)
      INCLUDE (first_response_bmin, resolution_bmin, channel, department, category, type, language)`);
    await q.query(`CREATE INDEX inquiry_facts_open ON reporting.inquiry_facts (tenant_id, received_at) WHERE resolved_at IS NULL AND day IS NOT NULL`);
    await q.query(`CREATE INDEX inquiry_facts_resolved ON reporting.inquiry_facts (tenant_id, resolved_at) WHERE resolved_at IS NOT NULL`);

    await q.query(`CREATE TABLE reporting.call_facts (
      tenant_id text NOT NULL,
      call_id text NOT NULL,
      offered_at timestamptz NOT NULL,
      offered_local timestamp NOT NULL,
      day date NOT NULL,
      queue text,
      outcome text,
      wait_seconds int,
      PRIMARY KEY (tenant_id, call_id)
    )`);
    await q.query(`CREATE INDEX call_facts_day ON reporting.call_facts (tenant_id, day) INCLUDE (outcome, wait_seconds, offered_local)`);

    // Daily rollups by every dimension, recomputed from the facts for each day a projection touched.
    // (Phone figures are read from call_facts directly: the service level threshold is a query parameter.)
    await q.query(`CREATE TABLE reporting.inquiry_daily (
      tenant_id text NOT NULL,
      day date NOT NULL,
      channel text NOT NULL,
      department text NOT NULL,
      category text NOT NULL,
      type text NOT NULL,
      language text NOT NULL,
      received int NOT NULL,
      handled_by_center int NOT NULL,
      answered_by_center int NOT NULL,
      fcr int NOT NULL,
      resolved int NOT NULL,
      ever_resolved int NOT NULL,
      reopened int NOT NULL,
      sla_met int NOT NULL,
      sla_breached int NOT NULL,
      first_response_n int NOT NULL,
      first_response_sum double precision NOT NULL,
      resolution_n int NOT NULL,
      resolution_sum double precision NOT NULL,
      survey_sent int NOT NULL,
      csat_n int NOT NULL,
      csat_sum int NOT NULL,
      csat_1 int NOT NULL, csat_2 int NOT NULL, csat_3 int NOT NULL, csat_4 int NOT NULL, csat_5 int NOT NULL,
      praise int NOT NULL,
      complaint int NOT NULL,
      proposal int NOT NULL,
      fault_report int NOT NULL
    )`);
    await q.query(`CREATE INDEX inquiry_daily_day ON reporting.inquiry_daily (tenant_id, day)`);
    await q.query(`CREATE TABLE reporting.term_daily (
      tenant_id text NOT NULL,
      day date NOT NULL,
      department text NOT NULL,
      term text NOT NULL,
      inquiries int NOT NULL
    )`);
    await q.query(`CREATE INDEX term_daily_day ON reporting.term_daily (tenant_id, day, department)`);
    // Streams (inquiries, calls) with events not yet projected: the consumer only appends the event
    // and this mark; the projector folds marked streams in batches. Append-only: no contention.
    await q.query(`CREATE TABLE reporting.stream_dirty (
      id bigserial PRIMARY KEY,
      tenant_id text NOT NULL,
      stream text NOT NULL
    )`);
    await q.query(`CREATE INDEX stream_dirty_tenant ON reporting.stream_dirty (tenant_id)`);

    await q.query(`CREATE TABLE reporting.goals (
      tenant_id text NOT NULL,
      kpi text NOT NULL,
      target double precision NOT NULL,
      threshold_seconds int,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text,
      PRIMARY KEY (tenant_id, kpi)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['goals', 'stream_dirty', 'term_daily', 'inquiry_daily', 'call_facts', 'inquiry_facts', 'events']) {
      await q.query(`DROP TABLE reporting.${t}`);
    }
  }
}

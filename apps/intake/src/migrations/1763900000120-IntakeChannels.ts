import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbound e-mail (routes, records, what we sent), stored attachments, telephony events, duplicate fault reports. */
export class IntakeChannels1763900000120 implements MigrationInterface {
  name = 'IntakeChannels1763900000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.mail_routes (
      address text PRIMARY KEY CHECK (address = lower(address) AND address LIKE '%@%'),
      tenant_id text NOT NULL REFERENCES intake.tenants(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`COMMENT ON TABLE intake.mail_routes IS 'Which municipality an inbound RCPT address belongs to: an exact address, or *@domain for a whole domain'`);
    await q.query(`CREATE TABLE intake.email_messages (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL REFERENCES intake.tenants(id),
      message_id text NOT NULL,
      inquiry_id uuid NOT NULL REFERENCES intake.inquiries(id),
      thread_message_id uuid,
      threaded_by text,
      envelope_from text NOT NULL,
      envelope_to text[] NOT NULL,
      from_address text,
      from_name text,
      to_header text,
      cc_header text,
      subject text,
      text text NOT NULL,
      in_reply_to text,
      sent_at timestamptz,
      received_at timestamptz NOT NULL,
      size_bytes int NOT NULL,
      UNIQUE (tenant_id, message_id)
    )`);
    await q.query(`CREATE INDEX email_messages_inquiry ON intake.email_messages (inquiry_id)`);
    await q.query(`COMMENT ON TABLE intake.email_messages IS 'Every accepted inbound e-mail as a public record (text only: HTML is converted, never kept); Message-ID unique per tenant'`);
    await q.query(`CREATE TABLE intake.outgoing_messages (
      delivery_id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL,
      message_id text,
      sent_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX outgoing_messages_message_id ON intake.outgoing_messages (tenant_id, message_id) WHERE message_id IS NOT NULL`);
    await q.query(`CREATE TABLE intake.attachments (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL REFERENCES intake.inquiries(id),
      email_id uuid REFERENCES intake.email_messages(id),
      source text NOT NULL CHECK (source IN ('email', 'staff')),
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX attachments_inquiry ON intake.attachments (inquiry_id, created_at)`);
    await q.query(`CREATE TABLE intake.call_events (
      tenant_id text NOT NULL,
      call_id text NOT NULL,
      event text NOT NULL CHECK (event IN ('offered', 'answered', 'abandoned')),
      queue text NOT NULL,
      wait_seconds int,
      agent_id text,
      at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, call_id, event)
    )`);
    await q.query(`ALTER TABLE intake.inquiries ADD COLUMN duplicate_of uuid REFERENCES intake.inquiries(id)`);
    // Bounding-box search for open fault reports nearby (originals only).
    await q.query(`CREATE INDEX inquiries_fault_geo ON intake.inquiries (tenant_id, category, lat, lon) WHERE lat IS NOT NULL AND duplicate_of IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.inquiries_fault_geo`);
    await q.query(`ALTER TABLE intake.inquiries DROP COLUMN duplicate_of`);
    for (const t of ['call_events', 'attachments', 'outgoing_messages', 'email_messages', 'mail_routes']) await q.query(`DROP TABLE intake.${t}`);
  }
}

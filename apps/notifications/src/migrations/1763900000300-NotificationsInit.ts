import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInit1763900000300 implements MigrationInterface {
  name = 'NotificationsInit1763900000300';

  async up(q: QueryRunner): Promise<void> {
    // Who to tell about an inquiry, from inquiry.received (notify flag, contact data, language),
    // kept up to date from routing events. Only what the messages need.
    await q.query(`CREATE TABLE notifications.recipients (
      inquiry_id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      reference text NOT NULL,
      language text NOT NULL,
      preferred_language text,
      channel text NOT NULL,
      citizen_name text,
      email text,
      phone text,
      notify boolean NOT NULL,
      preferred_channel text,
      tracking_token text,
      department text,
      department_name text,
      last_status_at timestamptz,
      -- A stand-in written by an event that arrived before inquiry.received (its events wait in
      -- deferred_triggers); inquiry.received replaces it and replays them.
      placeholder boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    // Events about an inquiry whose inquiry.received has not arrived yet (per-inquiry order is
    // not guaranteed); replayed when it does.
    await q.query(`CREATE TABLE notifications.deferred_triggers (
      event_id uuid PRIMARY KEY,
      inquiry_id uuid NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX deferred_triggers_inquiry ON notifications.deferred_triggers (inquiry_id)`);

    // One row per message: at most one per (event, recipient, channel). The rendered message is
    // stored so a retry sends exactly what was planned.
    await q.query(`CREATE TABLE notifications.deliveries (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid,
      event_id uuid NOT NULL,
      trigger text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient text NOT NULL,
      address_key text NOT NULL,
      language text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      body_html text,
      -- From, Reply-To and extra headers (e-mail) or the sender (SMS), fixed when planned.
      meta jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed')),
      attempts int NOT NULL DEFAULT 0,
      recoveries int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      claimed_at timestamptz,
      claim_id uuid,
      provider_message_id text,
      provider_response text,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      UNIQUE (event_id, recipient, channel)
    )`);
    await q.query(`CREATE INDEX deliveries_due ON notifications.deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX deliveries_sending ON notifications.deliveries (claimed_at) WHERE status = 'sending'`);
    await q.query(`CREATE INDEX deliveries_inquiry ON notifications.deliveries (tenant_id, inquiry_id, created_at)`);

    // Addresses nothing more is sent to: opted out by the citizen, or bounced permanently.
    // Keyed by an HMAC of the address, so the list itself holds no addresses.
    await q.query(`CREATE TABLE notifications.suppressions (
      tenant_id text NOT NULL,
      address_key text NOT NULL,
      reason text NOT NULL CHECK (reason IN ('opted_out', 'bounced')),
      detail text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, address_key)
    )`);

    // Tenant overrides of the default templates, validated on save.
    await q.query(`CREATE TABLE notifications.templates (
      tenant_id text NOT NULL,
      trigger text NOT NULL,
      language text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      body_html text NOT NULL,
      sms text,
      updated_by text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, trigger, language)
    )`);

    await q.query(`CREATE TABLE notifications.tenant_settings (
      tenant_id text PRIMARY KEY,
      name text NOT NULL,
      from_address text,
      reply_to text,
      sms_sender text,
      sla_apology_enabled boolean NOT NULL DEFAULT false,
      sla_apology_extension_hours int NOT NULL DEFAULT 72,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    // Satisfaction surveys: only the hash of the link token is kept.
    await q.query(`CREATE TABLE notifications.surveys (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      inquiry_id uuid NOT NULL UNIQUE,
      reference text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      language text NOT NULL,
      department text,
      channel text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      answered_at timestamptz,
      score smallint CHECK (score BETWEEN 1 AND 5),
      comment text
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['surveys', 'tenant_settings', 'templates', 'suppressions', 'deliveries', 'deferred_triggers', 'recipients']) {
      await q.query(`DROP TABLE notifications.${t}`);
    }
  }
}

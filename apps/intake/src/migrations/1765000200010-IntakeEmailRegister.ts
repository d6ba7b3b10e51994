import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-mail register keeps every accepted mail, also those that create nothing (auto-replies,
 * bounces, loops: kept as received), and says what became of each. A mail that names a case it
 * may not join is linked to it for staff. Per-sender stored bytes make a daily quota cheap to
 * check. Outgoing mails remember the address they went to (a reply joins a case only from it);
 * inquiries remember the key that registered them (a channel key writes only into its own).
 */
export class IntakeEmailRegister1765000200010 implements MigrationInterface {
  name = 'IntakeEmailRegister1765000200010';

  async up(q: QueryRunner): Promise<void> {
    // The link is a hint for staff: erasing the case it points to clears it rather than being blocked by it.
    await q.query(`ALTER TABLE intake.email_messages
      ALTER COLUMN inquiry_id DROP NOT NULL,
      ADD COLUMN disposition text NOT NULL DEFAULT 'inquiry' CHECK (disposition IN ('inquiry', 'message', 'auto-reply', 'bounce', 'loop')),
      ADD COLUMN disposition_detail text,
      ADD COLUMN linked_inquiry_id uuid REFERENCES intake.inquiries(id) ON DELETE SET NULL,
      ADD COLUMN possible_auto_reply boolean NOT NULL DEFAULT false,
      ADD COLUMN sender text,
      ADD COLUMN stored_bytes bigint NOT NULL DEFAULT 0,
      ADD COLUMN raw bytea`);
    await q.query(`UPDATE intake.email_messages SET disposition = 'message' WHERE thread_message_id IS NOT NULL`);
    await q.query(`UPDATE intake.email_messages e SET sender = COALESCE(e.from_address, lower(e.envelope_from)),
      stored_bytes = COALESCE((SELECT sum(a.size_bytes) FROM intake.attachments a WHERE a.email_id = e.id), 0)`);
    await q.query(`ALTER TABLE intake.email_messages
      ALTER COLUMN sender SET NOT NULL,
      ADD CONSTRAINT email_messages_inquiry_or_registered CHECK (inquiry_id IS NOT NULL OR disposition IN ('auto-reply', 'bounce', 'loop'))`);
    await q.query(`CREATE INDEX email_messages_sender_day ON intake.email_messages (tenant_id, sender, received_at)`);
    await q.query(`CREATE INDEX email_messages_linked ON intake.email_messages (linked_inquiry_id) WHERE linked_inquiry_id IS NOT NULL`);
    await q.query(`COMMENT ON COLUMN intake.email_messages.disposition IS 'inquiry: created one; message: joined one; auto-reply, bounce, loop: registered only (raw kept), nothing created'`);
    await q.query(`COMMENT ON COLUMN intake.email_messages.linked_inquiry_id IS 'A case the mail names (reference, plus address, In-Reply-To) but may not join: shown to staff as "may belong to"'`);
    await q.query(`COMMENT ON COLUMN intake.email_messages.sender IS 'Normalised From address (else MAIL FROM, <> for the null sender): the per-sender daily quota is keyed by it'`);
    await q.query(`ALTER TABLE intake.outgoing_messages ADD COLUMN recipient text`);
    await q.query(`ALTER TABLE intake.inquiries ADD COLUMN registered_by_key text`);
    await q.query(`COMMENT ON COLUMN intake.inquiries.registered_by_key IS 'The API key (id) or adapter that registered the inquiry; a channel key adds messages only to its own'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.inquiries DROP COLUMN registered_by_key`);
    await q.query(`ALTER TABLE intake.outgoing_messages DROP COLUMN recipient`);
    await q.query(`DELETE FROM intake.email_messages WHERE inquiry_id IS NULL`);
    await q.query(`ALTER TABLE intake.email_messages DROP CONSTRAINT email_messages_inquiry_or_registered,
      DROP COLUMN disposition, DROP COLUMN disposition_detail, DROP COLUMN linked_inquiry_id, DROP COLUMN possible_auto_reply,
      DROP COLUMN sender, DROP COLUMN stored_bytes, DROP COLUMN raw, ALTER COLUMN inquiry_id SET NOT NULL`);
  }
}

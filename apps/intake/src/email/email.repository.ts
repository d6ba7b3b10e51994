import { Injectable } from '@nestjs/common';
import { Statement, UnitOfWork } from '@lotsen/persistence';

export type EmailDisposition = 'inquiry' | 'message' | 'auto-reply' | 'bounce' | 'loop';

export interface NewEmailRecord {
  id: string;
  tenantId: string;
  messageId: string;
  /** The inquiry it created or joined; none for mail that is registered only. */
  inquiryId?: string;
  disposition: EmailDisposition;
  dispositionDetail?: string;
  /** A case the mail names but may not join (staff see "may belong to"). */
  linkedInquiryId?: string;
  possibleAutoReply: boolean;
  /** Normalised From address, else MAIL FROM, `<>` for the null sender. */
  sender: string;
  /** Bytes this record stores beyond its text: attachments, or the raw mail when registered only. */
  storedBytes: number;
  raw?: Buffer;
  threadMessageId?: string;
  threadedBy?: string;
  envelopeFrom: string;
  envelopeTo: string[];
  fromAddress?: string;
  fromName?: string;
  toHeader?: string;
  ccHeader?: string;
  subject?: string;
  text: string;
  inReplyTo?: string;
  sentAt?: Date;
  receivedAt: Date;
  sizeBytes: number;
}

/** What the e-mail register tells staff about an inquiry. */
export interface EmailNotes {
  /** The case the mail that created this inquiry named but could not join. */
  mayBelongTo?: { id: string; reference: string };
  /** Inquiries created by mails that named this case but could not join it. */
  mayBelongHere: Array<{ id: string; reference: string }>;
  /** A mail of this inquiry had a subject like an out-of-office reply (but no such header). */
  possibleAutoReply: boolean;
}

const ROUTE_CACHE_MS = 30_000;

@Injectable()
export class EmailRepository {
  private readonly routes = new Map<string, { tenantId?: string; until: number }>();

  constructor(private readonly tx: UnitOfWork) {}

  /** The tenant an inbound address belongs to: the exact address first, then `*@domain`. */
  async tenantForAddress(address: string): Promise<string | undefined> {
    const hit = this.routes.get(address);
    if (hit && hit.until > Date.now()) return hit.tenantId;
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const [row] = await this.tx.manager.query(
      `SELECT tenant_id AS "tenantId" FROM intake.mail_routes WHERE address = $1 OR address = $2
       ORDER BY (address = $1) DESC LIMIT 1`,
      [address, `*@${domain}`],
    );
    if (this.routes.size > 10_000) this.routes.clear();
    this.routes.set(address, { tenantId: row?.tenantId, until: Date.now() + ROUTE_CACHE_MS });
    return row?.tenantId;
  }

  /** True when this is one of the tenant's own exact inbound addresses (mail "from" it loops). */
  async isOwnAddress(tenantId: string, address: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`SELECT 1 FROM intake.mail_routes WHERE tenant_id = $1 AND address = $2`, [tenantId, address]);
    return rows.length > 0;
  }

  async findByMessageId(tenantId: string, messageId: string): Promise<{ inquiryId: string } | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId" FROM intake.email_messages WHERE tenant_id = $1 AND message_id = $2`,
      [tenantId, messageId],
    );
    return row;
  }

  /** True when the mail stored under this Message-ID is this one (same sender, subject and text): a redelivery. */
  async holdsSameMail(tenantId: string, messageId: string, m: { sender: string; subject?: string; text: string }): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `SELECT 1 FROM intake.email_messages WHERE tenant_id = $1 AND message_id = $2 AND sender = $3 AND subject IS NOT DISTINCT FROM $4 AND text = $5`,
      [tenantId, messageId, m.sender, m.subject ?? null, m.text],
    );
    return rows.length > 0;
  }

  /** False when a message with this Message-ID is stored already (the caller rolls back). */
  async insert(r: NewEmailRecord): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO intake.email_messages (id, tenant_id, message_id, inquiry_id, thread_message_id, threaded_by, envelope_from, envelope_to,
         from_address, from_name, to_header, cc_header, subject, text, in_reply_to, sent_at, received_at, size_bytes,
         disposition, disposition_detail, linked_inquiry_id, possible_auto_reply, sender, stored_bytes, raw)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)
       ON CONFLICT (tenant_id, message_id) DO NOTHING RETURNING 1`,
      [
        r.id, r.tenantId, r.messageId, r.inquiryId ?? null, r.threadMessageId ?? null, r.threadedBy ?? null, r.envelopeFrom, r.envelopeTo,
        r.fromAddress ?? null, r.fromName ?? null, r.toHeader ?? null, r.ccHeader ?? null, r.subject ?? null, r.text, r.inReplyTo ?? null,
        r.sentAt ?? null, r.receivedAt, r.sizeBytes, r.disposition, r.dispositionDetail ?? null, r.linkedInquiryId ?? null, r.possibleAutoReply,
        r.sender, r.storedBytes, r.raw ?? null,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Bytes stored for a sender since `since`. Inside a transaction it first takes the sender's
   * lock, so two mails at once cannot both pass the quota (held until commit).
   */
  async storedBytesSince(tenantId: string, sender: string, since: Date): Promise<number> {
    if (this.tx.active) await this.tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`intake.mail-sender:${tenantId}:${sender}`]);
    const [row] = await this.tx.manager.query(
      `SELECT COALESCE(sum(stored_bytes), 0)::bigint AS n FROM intake.email_messages WHERE tenant_id = $1 AND sender = $2 AND received_at > $3`,
      [tenantId, sender, since],
    );
    return Number(row.n);
  }

  /**
   * True when a mail from `sender` may join the inquiry as its citizen: it is the case's citizen
   * address, or the address one of our mails about it went to and that this mail names.
   */
  async mayJoin(tenantId: string, inquiryId: string, sender: string, messageIds: string[], deliveryIds: string[]): Promise<boolean> {
    const [row] = await this.tx.manager.query(
      `SELECT EXISTS (SELECT 1 FROM intake.inquiries WHERE id = $2 AND tenant_id = $1 AND lower(btrim(citizen->>'email')) = $3)
           OR EXISTS (SELECT 1 FROM intake.outgoing_messages WHERE tenant_id = $1 AND inquiry_id = $2 AND recipient = $3
                        AND (message_id = ANY($4::text[]) OR delivery_id = ANY($5::uuid[]))) AS ok`,
      [tenantId, inquiryId, sender, messageIds, deliveryIds],
    );
    return row.ok === true;
  }

  async notesFor(tenantId: string, inquiryId: string): Promise<EmailNotes> {
    const rows: Array<{ kind: string; id: string | null; reference: string | null; flagged: boolean }> = await this.tx.manager.query(
      `SELECT 'own' AS kind, e.linked_inquiry_id AS id, l.reference, e.possible_auto_reply AS flagged
         FROM intake.email_messages e LEFT JOIN intake.inquiries l ON l.id = e.linked_inquiry_id
        WHERE e.tenant_id = $1 AND e.inquiry_id = $2
       UNION ALL
       SELECT 'names-here', i.id, i.reference, false
         FROM intake.email_messages e JOIN intake.inquiries i ON i.id = e.inquiry_id
        WHERE e.tenant_id = $1 AND e.linked_inquiry_id = $2 AND e.disposition = 'inquiry'`,
      [tenantId, inquiryId],
    );
    const linked = rows.find((r) => r.kind === 'own' && r.id && r.reference);
    return {
      ...(linked ? { mayBelongTo: { id: linked.id as string, reference: linked.reference as string } } : {}),
      mayBelongHere: rows.filter((r) => r.kind === 'names-here').map((r) => ({ id: r.id as string, reference: r.reference as string })),
      possibleAutoReply: rows.some((r) => r.kind === 'own' && r.flagged),
    };
  }

  /**
   * The inquiry an earlier message belongs to, by Message-ID: one we sent (learned from
   * notification.sent, by its Message-ID or the delivery id inside it) or one we received.
   */
  async inquiryForMessageIds(tenantId: string, messageIds: string[], deliveryIds: string[]): Promise<string | undefined> {
    if (messageIds.length === 0 && deliveryIds.length === 0) return undefined;
    const [row] = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId" FROM (
         SELECT inquiry_id, sent_at AS at FROM intake.outgoing_messages
          WHERE tenant_id = $1 AND (message_id = ANY($2::text[]) OR delivery_id = ANY($3::uuid[]))
         UNION ALL
         SELECT inquiry_id, received_at AS at FROM intake.email_messages WHERE tenant_id = $1 AND message_id = ANY($2::text[])
       ) m ORDER BY at DESC LIMIT 1`,
      [tenantId, messageIds, deliveryIds],
    );
    return row?.inquiryId;
  }

  async inquiryForReference(tenantId: string, reference: string): Promise<string | undefined> {
    const [row] = await this.tx.manager.query(`SELECT id FROM intake.inquiries WHERE tenant_id = $1 AND reference = $2`, [tenantId, reference]);
    return row?.id;
  }

  /**
   * What notifications sent: a citizen's reply (In-Reply-To) is matched against it.
   * Written with the consumer batch's other rows at commit: one statement for all the batch's
   * sent e-mails. The latest Message-ID given for a delivery wins, as if applied one by one.
   */
  rememberOutgoing(o: Outgoing): void {
    this.tx.collect(OUTGOING, o, rememberAll);
  }
}

type Outgoing = { deliveryId: string; tenantId: string; inquiryId: string; messageId?: string; sentAt: Date };
const OUTGOING = Symbol('intake outgoing messages');
// The recipient is the case's citizen address when notifications reported the mail sent: the
// only address it sends a case's mail to. A reply joins the case only from that address.
const REMEMBER_ALL = `INSERT INTO intake.outgoing_messages (delivery_id, tenant_id, inquiry_id, message_id, sent_at, recipient)
  SELECT DISTINCT ON (o.delivery_id) o.delivery_id, o.tenant_id, o.inquiry_id, o.message_id, o.sent_at,
    (SELECT lower(btrim(i.citizen->>'email')) FROM intake.inquiries i WHERE i.id = o.inquiry_id)
  FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS o(delivery_id, tenant_id, inquiry_id, message_id, sent_at, n)
  ORDER BY o.delivery_id, o.message_id IS NULL, o.n DESC
  ON CONFLICT (delivery_id) DO UPDATE SET message_id = COALESCE(EXCLUDED.message_id, outgoing_messages.message_id),
    recipient = COALESCE(outgoing_messages.recipient, EXCLUDED.recipient)`;

function rememberAll(items: Outgoing[]): Statement {
  return {
    sql: REMEMBER_ALL,
    params: [items.map((o) => o.deliveryId), items.map((o) => o.tenantId), items.map((o) => o.inquiryId), items.map((o) => o.messageId ?? null), items.map((o) => o.sentAt.toISOString())],
  };
}

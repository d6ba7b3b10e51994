import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { UnitOfWork } from '@lotsen/persistence';

export interface SubjectInquiry {
  id: string;
  reference: string;
  channel: string;
  subject: string | null;
  body: string;
  language: string;
  category: string | null;
  type: string | null;
  citizen: Record<string, unknown> | null;
  location: Record<string, unknown> | null;
  sensitive: boolean;
  status: string;
  receivedAt: Date;
  /** The person is the one who wrote (their address or number is the case's), not only named in it. */
  ownCase: boolean;
}

/**
 * The one way intake recognises a person by contact data: the inquiry's e-mail address (any case)
 * or phone number key (phoneKey: its last nine digits). The arguments name the table alias and the
 * statement's parameters (text, NULL when not asked); the expressions match the indexes of
 * migration 1765001300020.
 */
export function contactMatchSql(alias: string, email: string, phoneKey: string): string {
  return `(${email}::text IS NOT NULL AND lower(${alias}.citizen->>'email') = lower(${email}))
    OR (${phoneKey}::text IS NOT NULL AND right(regexp_replace(${alias}.citizen->>'phone', '\\D', '', 'g'), 9) = ${phoneKey})`;
}

/** The ids of the inquiries a person wrote: their contact data is the person's, or they sent its mail. */
export function ownCasesSql(tenant: string, email: string, phoneKey: string): string {
  return `SELECT i.id FROM intake.inquiries i WHERE i.tenant_id = ${tenant} AND (${contactMatchSql('i', email, phoneKey)})
    UNION SELECT m.inquiry_id FROM intake.email_messages m WHERE m.tenant_id = ${tenant} AND ${email}::text IS NOT NULL AND lower(m.from_address) = lower(${email})`;
}

/** Intake's look-ups by person, and the record of each request. */
@Injectable()
export class DataSubjectsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Inquiries the person wrote (contact data, mail sender) or that name them (personnummer in the text or thread). */
  async inquiries(tenantId: string, who: { email?: string; phoneKey?: string; pnrPattern?: string }): Promise<SubjectInquiry[]> {
    return this.tx.manager.query(
      `WITH own AS (${ownCasesSql('$1', '$2', '$3')}), named AS (
         SELECT i.id FROM intake.inquiries i WHERE i.tenant_id = $1 AND $4::text IS NOT NULL AND (i.body ~ $4 OR coalesce(i.subject, '') ~ $4)
         UNION SELECT t.inquiry_id FROM intake.inquiry_messages t WHERE t.tenant_id = $1 AND $4::text IS NOT NULL AND t.body ~ $4
       )
       SELECT i.id, i.reference, i.channel, i.subject, i.body, i.language, i.category, i.type, i.citizen, i.location, i.sensitive, i.status,
         i.received_at AS "receivedAt", i.id IN (SELECT id FROM own) AS "ownCase"
       FROM intake.inquiries i WHERE i.id IN (SELECT id FROM own UNION SELECT id FROM named)
       ORDER BY i.received_at`,
      [tenantId, who.email ?? null, who.phoneKey ?? null, who.pnrPattern ?? null],
    );
  }

  /** The inquiries whose contact data is the person's (locked: a rectification rewrites it). */
  async ownByContact(tenantId: string, who: { email?: string; phoneKey?: string }): Promise<{ id: string; reference: string }[]> {
    return this.tx.manager.query(
      `SELECT i.id, i.reference FROM intake.inquiries i WHERE i.tenant_id = $1 AND i.citizen IS NOT NULL AND (${contactMatchSql('i', '$2', '$3')})
       ORDER BY i.received_at FOR UPDATE`,
      [tenantId, who.email ?? null, who.phoneKey ?? null],
    );
  }

  /** Replaces the given contact fields of these inquiries (the rest of the contact data stays). */
  async correctContact(inquiryIds: string[], correction: { name?: string; email?: string; phone?: string }): Promise<void> {
    await this.tx.manager.query(`UPDATE intake.inquiries SET citizen = citizen || $2::jsonb WHERE id = ANY($1::uuid[])`, [inquiryIds, JSON.stringify(correction)]);
  }

  async thread(inquiryIds: string[]) {
    return this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", author, visibility, channel, body, created_at AS "createdAt"
       FROM intake.inquiry_messages WHERE inquiry_id = ANY($1::uuid[]) AND visibility = 'public' ORDER BY created_at`,
      [inquiryIds],
    );
  }

  async mail(inquiryIds: string[]) {
    return this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", from_address AS "from", from_name AS "fromName", to_header AS "to", cc_header AS "cc", subject, text,
         received_at AS "receivedAt" FROM intake.email_messages WHERE inquiry_id = ANY($1::uuid[]) ORDER BY received_at`,
      [inquiryIds],
    );
  }

  async attachments(inquiryIds: string[]) {
    return this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", filename, content_type AS "contentType", size_bytes AS "sizeBytes", created_at AS "createdAt"
       FROM intake.attachments WHERE inquiry_id = ANY($1::uuid[]) ORDER BY created_at`,
      [inquiryIds],
    );
  }

  async record(r: { tenantId: string; kind: 'access' | 'erasure' | 'rectification'; subjectMasked: string; requestedBy: string; inquiries: number; outcome: object }): Promise<string> {
    const id = randomUUID();
    await this.tx.manager.query(
      `INSERT INTO intake.data_subject_requests (id, tenant_id, kind, subject_masked, requested_by, inquiries, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, r.tenantId, r.kind, r.subjectMasked, r.requestedBy, r.inquiries, JSON.stringify(r.outcome)],
    );
    return id;
  }

  async requests(tenantId: string) {
    return this.tx.manager.query(
      `SELECT id, kind, subject_masked AS "subject", requested_by AS "requestedBy", inquiries, outcome, requested_at AS "requestedAt"
       FROM intake.data_subject_requests WHERE tenant_id = $1 ORDER BY requested_at DESC LIMIT 200`,
      [tenantId],
    );
  }
}

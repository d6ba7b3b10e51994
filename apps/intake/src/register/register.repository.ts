import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';
import { maskSender } from './register-masking';
import { AtGallring, DocumentKind, SecretPart } from './register.dto';

export interface RegisterFilter {
  from?: Date;
  to?: Date;
  /** ILIKE patterns, already escaped. */
  sender?: string;
  subject?: string;
  reference?: string;
  /** Whether the reader may search and see secret parts. */
  cleared: boolean;
  limit: number;
  offset: number;
}

export interface RegisterRow {
  kind: DocumentKind;
  id: string;
  registeredAt: Date;
  sender: string | null;
  subject: string | null;
  reference: string | null;
  inquiryId: string | null;
  disposition: string | null;
  gallrad: boolean;
  secretParts: SecretPart[] | null;
  legalGround: string | null;
  markedBy: string | null;
  markedAt: Date | null;
}

/**
 * Every registered document: inbound mail (intake's e-mail register) and inquiries that came by
 * letter, with their sekretess marks, and what is kept of an entry once its case was gallrad.
 */
const DOCUMENTS = `
  WITH docs AS (
    SELECT 'email'::text AS kind, e.id, e.received_at AS registered_at,
      CASE WHEN e.sender <> '' THEN COALESCE(e.from_name || ' <' || e.from_address || '>', e.from_address, e.sender) END AS sender,
      e.subject, i.reference, i.id AS inquiry_id, e.disposition, NULLIF(e.text, '') AS content
    FROM intake.email_messages e LEFT JOIN intake.inquiries i ON i.id = COALESCE(e.inquiry_id, e.linked_inquiry_id)
    WHERE e.tenant_id = $1
    UNION ALL
    SELECT 'letter', i.id, i.received_at, COALESCE(i.citizen->>'name', i.citizen->>'email', i.citizen->>'phone'),
      i.subject, i.reference, i.id, NULL, NULLIF(i.body, '')
    FROM intake.inquiries i WHERE i.tenant_id = $1 AND i.channel = 'letter'
  ), entries AS (
    SELECT d.kind, d.id, d.registered_at, COALESCE(d.sender, r.sender_masked) AS sender, COALESCE(d.subject, r.subject) AS subject,
      d.reference, d.inquiry_id, d.disposition, d.content, r.document_id IS NOT NULL AS gallrad, r.kept,
      s.parts, s.legal_ground, s.marked_by, s.marked_at
    FROM docs d
    LEFT JOIN intake.register_retained r ON r.kind = d.kind AND r.document_id = d.id
    LEFT JOIN intake.register_secrecy s ON s.kind = d.kind AND s.document_id = d.id
  )`;

const COLUMNS = `kind, id, registered_at AS "registeredAt", sender, subject, reference, inquiry_id AS "inquiryId", disposition, gallrad,
  parts AS "secretParts", legal_ground AS "legalGround", marked_by AS "markedBy", marked_at AS "markedAt"`;

@Injectable()
export class RegisterRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Newest first. A secret sender or subject is searched only for readers with clearance: a match would reveal it. */
  async search(tenantId: string, f: RegisterFilter): Promise<{ total: number; rows: RegisterRow[] }> {
    const rows: (RegisterRow & { total: string })[] = await this.tx.manager.query(
      `${DOCUMENTS}
       SELECT ${COLUMNS}, count(*) OVER () AS total FROM entries
       WHERE kept IS NOT FALSE
         AND ($2::timestamptz IS NULL OR registered_at >= $2) AND ($3::timestamptz IS NULL OR registered_at <= $3)
         AND ($4::text IS NULL OR (sender ILIKE $4 AND ($7 OR NOT COALESCE('sender' = ANY(parts), false))))
         AND ($5::text IS NULL OR (subject ILIKE $5 AND ($7 OR NOT COALESCE('subject' = ANY(parts), false))))
         AND ($6::text IS NULL OR upper(reference) = upper($6))
       ORDER BY registered_at DESC, id LIMIT $8 OFFSET $9`,
      [tenantId, f.from ?? null, f.to ?? null, f.sender ?? null, f.subject ?? null, f.reference ?? null, f.cleared, f.limit, f.offset],
    );
    return { total: rows.length ? Number(rows[0].total) : 0, rows: rows.map(({ total: _, ...r }) => r) };
  }

  async document(tenantId: string, kind: DocumentKind, id: string): Promise<(RegisterRow & { content: string | null }) | undefined> {
    const rows = await this.tx.manager.query(`${DOCUMENTS} SELECT ${COLUMNS}, content FROM entries WHERE kind = $2 AND id = $3 AND kept IS NOT FALSE`, [tenantId, kind, id]);
    return rows[0];
  }

  async markSecret(tenantId: string, kind: DocumentKind, id: string, parts: SecretPart[], legalGround: string, by: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO intake.register_secrecy (tenant_id, kind, document_id, parts, legal_ground, marked_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, document_id) DO UPDATE SET parts = EXCLUDED.parts, legal_ground = EXCLUDED.legal_ground, marked_by = EXCLUDED.marked_by, marked_at = now()`,
      [tenantId, kind, id, parts, legalGround, by],
    );
  }

  async liftSecrecy(tenantId: string, kind: DocumentKind, id: string): Promise<boolean> {
    const r = await this.tx.manager.query(`DELETE FROM intake.register_secrecy WHERE tenant_id = $1 AND kind = $2 AND document_id = $3 RETURNING 1`, [tenantId, kind, id]);
    return returningRows(r).length > 0;
  }

  async policy(tenantId: string): Promise<{ atGallring: AtGallring; note: string | null; setBy: string | null; setAt: Date | null }> {
    const rows = await this.tx.manager.query(
      `SELECT at_gallring AS "atGallring", note, set_by AS "setBy", set_at AS "setAt" FROM intake.register_policies WHERE tenant_id = $1`, [tenantId]);
    // The register is kept unless the plan says otherwise.
    return rows[0] ?? { atGallring: 'keep-entry', note: null, setBy: null, setAt: null };
  }

  async setPolicy(tenantId: string, atGallring: AtGallring, note: string | null, by: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO intake.register_policies (tenant_id, at_gallring, note, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET at_gallring = EXCLUDED.at_gallring, note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = now()`,
      [tenantId, atGallring, note, by],
    );
  }

  /**
   * Before the case's personal data goes: what the register keeps of its documents (the mail
   * registered on it or linked to it, the letter that is the case), as the tenant's rule says.
   * Taken once: a second run over the same case finds the entry already kept.
   */
  async retainEntries(tenantId: string, inquiryId: string): Promise<number> {
    const { atGallring } = await this.policy(tenantId);
    const docs: { kind: DocumentKind; id: string; sender: string | null; subject: string | null }[] = await this.tx.manager.query(
      `SELECT 'email' AS kind, e.id, CASE WHEN e.sender <> '' THEN COALESCE(e.from_name || ' <' || e.from_address || '>', e.from_address, e.sender) END AS sender, e.subject
         FROM intake.email_messages e WHERE (e.inquiry_id = $1 OR e.linked_inquiry_id = $1) AND e.tenant_id = $2
       UNION ALL
       SELECT 'letter', i.id, COALESCE(i.citizen->>'name', i.citizen->>'email', i.citizen->>'phone'), i.subject
         FROM intake.inquiries i WHERE i.id = $1 AND i.tenant_id = $2 AND i.channel = 'letter'`,
      [inquiryId, tenantId],
    );
    if (!docs.length) return 0;
    const keep = atGallring === 'keep-entry';
    const r = await this.tx.manager.query(
      `INSERT INTO intake.register_retained (tenant_id, kind, document_id, inquiry_id, kept, sender_masked, subject)
       SELECT $1, d.kind, d.id, $2, $3, d.sender, d.subject FROM jsonb_to_recordset($4::jsonb) AS d(kind text, id uuid, sender text, subject text)
       ON CONFLICT (kind, document_id) DO NOTHING RETURNING 1`,
      [tenantId, inquiryId, keep, JSON.stringify(docs.map((d) => ({ kind: d.kind, id: d.id, sender: keep ? maskSender(d.sender) : null, subject: keep ? d.subject : null })))],
    );
    return returningRows(r).length;
  }
}

import { Injectable } from '@nestjs/common';
import { prepared, TransactionContext } from '@lotsen/persistence';

export interface NewInquiry {
  id: string;
  tenantId: string;
  reference: string;
  trackingTokenHash: string;
  channel: string;
  subject?: string;
  body: string;
  language: string;
  languageDetected: boolean;
  category?: string;
  type?: string;
  citizen?: object;
  location?: { address?: string; lat?: number; lon?: number };
  externalId?: string;
  sensitive: boolean;
  attachments: object[];
  receivedAt: Date;
  /** Open311 extras (attribute answers, address_id); only for inquiries posted through Open311. */
  open311?: object;
  /** An open fault report nearby this one duplicates. */
  duplicateOf?: string;
}

export interface InquiryRow {
  id: string;
  tenantId: string;
  reference: string;
  channel: string;
  subject: string | null;
  body: string;
  language: string;
  languageDetected: boolean;
  category: string | null;
  type: string | null;
  citizen: { name?: string; email?: string; phone?: string; preferredLanguage?: string; notify?: boolean } | null;
  location: { address?: string; lat?: number; lon?: number } | null;
  externalId: string | null;
  sensitive: boolean;
  attachments: object[];
  receivedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  status: string;
  statusAt: Date;
  department: string | null;
  departmentName: string | null;
  agentName: string | null;
  duplicateOf: string | null;
}

export interface MessageRow {
  id: string;
  author: string;
  visibility: string;
  channel: string | null;
  body: string;
  createdAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", reference, channel, subject, body, language, language_detected AS "languageDetected",
  category, type, citizen, location, external_id AS "externalId", sensitive, attachments, received_at AS "receivedAt",
  created_at AS "createdAt", updated_at AS "updatedAt", status, status_at AS "statusAt", department,
  department_name AS "departmentName", agent_name AS "agentName", duplicate_of AS "duplicateOf"`;

@Injectable()
export class InquiriesRepository {
  constructor(private readonly tx: TransactionContext) {}

  /**
   * Inserts the inquiry when the transaction commits, together with its outbox row and the other
   * collected writes. A caller that writes rows referring to it first calls tx.flushCollected().
   */
  insertAtCommit(i: NewInquiry): void {
    this.tx.insertAtCommit('intake.inquiries', {
      id: i.id, tenant_id: i.tenantId, reference: i.reference, tracking_token_hash: i.trackingTokenHash, channel: i.channel,
      subject: i.subject ?? null, body: i.body, language: i.language, language_detected: i.languageDetected, category: i.category ?? null,
      type: i.type ?? null, citizen: i.citizen ?? null, location: i.location ?? null, lat: i.location?.lat ?? null, lon: i.location?.lon ?? null,
      external_id: i.externalId ?? null, sensitive: i.sensitive, attachments: i.attachments, received_at: i.receivedAt.toISOString(),
      open311: i.open311 ?? null, duplicate_of: i.duplicateOf ?? null,
    });
  }

  async findById(tenantId: string, id: string): Promise<InquiryRow | undefined> {
    const [row] = await this.tx.manager.query(`SELECT ${COLUMNS} FROM intake.inquiries WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
    return row;
  }

  /** For event handlers: the event names the inquiry, the tenant comes with it. */
  async findByIdAny(id: string): Promise<InquiryRow | undefined> {
    const [row] = await this.tx.manager.query(`SELECT ${COLUMNS} FROM intake.inquiries WHERE id = $1`, [id]);
    return row;
  }

  async findByTracking(reference: string, tokenHash: string): Promise<InquiryRow | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM intake.inquiries WHERE reference = $1 AND tracking_token_hash = $2`,
      [reference, tokenHash],
    );
    return row;
  }

  async findByIdAndToken(id: string, tokenHash: string): Promise<InquiryRow | undefined> {
    const [row] = await this.tx.manager.query(`SELECT ${COLUMNS} FROM intake.inquiries WHERE id = $1 AND tracking_token_hash = $2`, [id, tokenHash]);
    return row;
  }

  async findManyByIds(tenantId: string, ids: string[]): Promise<InquiryRow[]> {
    return this.tx.manager.query(`SELECT ${COLUMNS} FROM intake.inquiries WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at DESC`, [tenantId, ids]);
  }

  /** Open311 GET requests: newest first within a window, optional filters. */
  async search(q: { tenantId: string; from: Date; to: Date; categories?: string[]; statuses?: string[]; limit: number }): Promise<InquiryRow[]> {
    const params: unknown[] = [q.tenantId, q.from, q.to, q.limit];
    let where = `tenant_id = $1 AND created_at >= $2 AND created_at <= $3`;
    if (q.categories?.length) {
      params.push(q.categories);
      where += ` AND category = ANY($${params.length}::text[])`;
    }
    if (q.statuses?.length) {
      params.push(q.statuses);
      where += ` AND status = ANY($${params.length}::text[])`;
    }
    return this.tx.manager.query(`SELECT ${COLUMNS} FROM intake.inquiries WHERE ${where} ORDER BY created_at DESC LIMIT $4`, params);
  }

  async addMessage(m: { id: string; inquiryId: string; tenantId: string; author: string; visibility: string; channel?: string; body: string; at?: Date }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO intake.inquiry_messages (id, inquiry_id, tenant_id, author, visibility, channel, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()))`,
      [m.id, m.inquiryId, m.tenantId, m.author, m.visibility, m.channel ?? null, m.body, m.at ?? null],
    );
    await this.tx.manager.query(`UPDATE intake.inquiries SET updated_at = now() WHERE id = $1`, [m.inquiryId]);
  }

  async messages(inquiryId: string, includeInternal: boolean): Promise<MessageRow[]> {
    return this.tx.manager.query(
      `SELECT id, author, visibility, channel, body, created_at AS "createdAt" FROM intake.inquiry_messages
       WHERE inquiry_id = $1 ${includeInternal ? '' : `AND visibility = 'public'`} ORDER BY created_at, id`,
      [inquiryId],
    );
  }

  /**
   * Applies a status change from an event unless a later one was applied already (events may
   * arrive out of order); the history keeps every change once (unique event id).
   */
  async applyStatus(c: { inquiryId: string; status: string | null; note?: string; occurredAt: Date; eventId: string; department?: string; departmentName?: string; agentName?: string | null }): Promise<boolean> {
    // One statement: the history row (skipped if this event was applied already) and, only then,
    // the inquiry's status and "who handles it", each following its latest event whatever the
    // arrival order. Both parts see the inquiry as it was before this event.
    const rows: Array<{ n: number }> = await this.tx.manager.query(
      prepared(`WITH h AS (
         INSERT INTO intake.status_history (inquiry_id, status, note, occurred_at, event_id)
         SELECT id, COALESCE($2, status), $8, $3, $9 FROM intake.inquiries WHERE id = $1
         ON CONFLICT (event_id) DO NOTHING RETURNING inquiry_id
       ), u AS (
         UPDATE intake.inquiries SET
           status = CASE WHEN $2::text IS NOT NULL AND status_at <= $3 THEN $2 ELSE status END,
           status_at = CASE WHEN $2::text IS NOT NULL AND status_at <= $3 THEN $3 ELSE status_at END,
           department = CASE WHEN $4::text IS NOT NULL AND handler_at <= $3 THEN $4 ELSE department END,
           department_name = CASE WHEN $4::text IS NOT NULL AND handler_at <= $3 THEN $5 ELSE department_name END,
           agent_name = CASE WHEN $6::boolean AND handler_at <= $3 THEN $7 ELSE agent_name END,
           handler_at = CASE WHEN ($4::text IS NOT NULL OR $6::boolean) AND handler_at <= $3 THEN $3 ELSE handler_at END,
           updated_at = now()
         WHERE id IN (SELECT inquiry_id FROM h)
       )
       SELECT count(*)::int AS n FROM h`),
      [c.inquiryId, c.status, c.occurredAt, c.department ?? null, c.departmentName ?? null, c.agentName !== undefined, c.agentName ?? null, c.note ?? null, c.eventId],
    );
    return rows[0].n > 0;
  }

  async lastStatusNote(inquiryId: string): Promise<string | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT note FROM intake.status_history WHERE inquiry_id = $1 AND note IS NOT NULL ORDER BY occurred_at DESC LIMIT 1`,
      [inquiryId],
    );
    return row?.note;
  }
}

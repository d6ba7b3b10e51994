import { Injectable } from '@nestjs/common';
import { named, UnitOfWork } from '@lotsen/persistence';

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
  /** The key (id) or adapter that registered it. */
  registeredByKey?: string;
}

export interface StatusChange {
  inquiryId: string;
  /** null: the event changes who handles it, not the status. */
  status: string | null;
  note?: string;
  occurredAt: Date;
  eventId: string;
  department?: string;
  departmentName?: string;
  /** undefined: leave the agent; null: nobody. */
  agentName?: string | null;
}

const STATUS_CHANGES = Symbol('intake status changes');

/**
 * One statement for status changes of distinct inquiries: each one's history row (skipped if its
 * event was applied already) and, only then, the inquiry's status and "who handles it", each
 * following its latest event whatever the arrival order. Both parts see the inquiries as they
 * were before these events. Answers how many events were new.
 *
 * `LIMIT $2` (the number of changes) is for the planner: it takes a set-returning function for
 * 100 rows, and against a young or unanalyzed table (thousands of inquiries) it then joined by
 * reading all of intake.inquiries, twice, instead of probing its primary key per change.
 */
export function statusChangesStatement(changes: StatusChange[]): { sql: string; params: unknown[] } {
  return {
    sql: named`WITH c AS (
       SELECT * FROM json_to_recordset($1::json) AS c(inquiry_id uuid, status text, note text, occurred_at timestamptz, event_id uuid,
         department text, department_name text, sets_agent boolean, agent_name text)
       LIMIT $2
     ), h AS (
       INSERT INTO intake.status_history (inquiry_id, status, note, occurred_at, event_id)
       SELECT i.id, COALESCE(c.status, i.status), c.note, c.occurred_at, c.event_id FROM c JOIN intake.inquiries i ON i.id = c.inquiry_id
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id
     ), u AS (
       UPDATE intake.inquiries i SET
         status = CASE WHEN c.status IS NOT NULL AND i.status_at <= c.occurred_at THEN c.status ELSE i.status END,
         status_at = CASE WHEN c.status IS NOT NULL AND i.status_at <= c.occurred_at THEN c.occurred_at ELSE i.status_at END,
         department = CASE WHEN c.department IS NOT NULL AND i.handler_at <= c.occurred_at THEN c.department ELSE i.department END,
         department_name = CASE WHEN c.department IS NOT NULL AND i.handler_at <= c.occurred_at THEN c.department_name ELSE i.department_name END,
         agent_name = CASE WHEN c.sets_agent AND i.handler_at <= c.occurred_at THEN c.agent_name ELSE i.agent_name END,
         handler_at = CASE WHEN (c.department IS NOT NULL OR c.sets_agent) AND i.handler_at <= c.occurred_at THEN c.occurred_at ELSE i.handler_at END,
         updated_at = now()
       FROM c WHERE i.id = c.inquiry_id AND c.event_id IN (SELECT event_id FROM h)
     )
     SELECT count(*)::int AS n FROM h`,
    params: [JSON.stringify(changes.map((c) => ({
      inquiry_id: c.inquiryId, status: c.status, note: c.note ?? null, occurred_at: c.occurredAt.toISOString(), event_id: c.eventId,
      department: c.department ?? null, department_name: c.departmentName ?? null, sets_agent: c.agentName !== undefined, agent_name: c.agentName ?? null,
    }))), changes.length],
  };
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
  /** The case number the department's own case-management system gave it (diarienummer). */
  caseNumber: string | null;
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
  department_name AS "departmentName", agent_name AS "agentName", duplicate_of AS "duplicateOf", case_number AS "caseNumber"`;

@Injectable()
export class InquiriesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Inserts the inquiry with the transaction's other collected writes (its outbox row). */
  insertAtCommit(i: NewInquiry): void {
    this.tx.insertAtCommit('intake.inquiries', {
      id: i.id, tenant_id: i.tenantId, reference: i.reference, tracking_token_hash: i.trackingTokenHash, channel: i.channel,
      subject: i.subject ?? null, body: i.body, language: i.language, language_detected: i.languageDetected, category: i.category ?? null,
      type: i.type ?? null, citizen: i.citizen ?? null, location: i.location ?? null, lat: i.location?.lat ?? null, lon: i.location?.lon ?? null,
      external_id: i.externalId ?? null, sensitive: i.sensitive, attachments: i.attachments, received_at: i.receivedAt.toISOString(),
      open311: i.open311 ?? null, duplicate_of: i.duplicateOf ?? null, registered_by_key: i.registeredByKey ?? null,
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

  /** The key that registered an inquiry (NULL for those registered before keys were recorded). */
  async registeredBy(id: string): Promise<string | undefined> {
    const [row] = await this.tx.manager.query(`SELECT registered_by_key AS "key" FROM intake.inquiries WHERE id = $1`, [id]);
    return row?.key ?? undefined;
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
   * arrive out of order); the history keeps every change once (unique event id). True if this
   * event was not applied before.
   */
  async applyStatus(c: StatusChange): Promise<boolean> {
    const { sql, params } = statusChangesStatement([c]);
    const rows: Array<{ n: number }> = await this.tx.manager.query(sql, params);
    return rows[0].n > 0;
  }

  /**
   * applyStatus() with the other changes the transaction's events collected, in one statement.
   * The statement takes one change per inquiry, so a second change of the same inquiry goes in
   * the next one: each inquiry's changes land in the order of its events.
   */
  applyStatusAtCommit(c: StatusChange): void {
    this.tx.collect(STATUS_CHANGES, c, statusChangesStatement, { distinctBy: (change) => change.inquiryId });
  }

  /**
   * The department's case number, unless one recorded later is there already (events may arrive
   * in any order); a redelivery writes the same again.
   */
  async recordCaseNumber(c: { inquiryId: string; caseNumber: string; at: Date }): Promise<void> {
    await this.tx.manager.query(
      `UPDATE intake.inquiries SET case_number = $2, case_number_at = $3, updated_at = now()
       WHERE id = $1 AND (case_number_at IS NULL OR case_number_at <= $3)`,
      [c.inquiryId, c.caseNumber, c.at.toISOString()],
    );
  }

  async lastStatusNote(inquiryId: string): Promise<string | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT note FROM intake.status_history WHERE inquiry_id = $1 AND note IS NOT NULL ORDER BY occurred_at DESC LIMIT 1`,
      [inquiryId],
    );
    return row?.note;
  }
}

import { Injectable } from '@nestjs/common';
import { EventEnvelope, InquiryReceivedPayload } from '@lotsen/contracts';
import { code, named, returningRows, UnitOfWork } from '@lotsen/persistence';
import { chooseChannel } from '../preferences/channel-preference';

export interface Recipient {
  inquiryId: string;
  tenantId: string;
  reference: string;
  language: string;
  preferredLanguage?: string;
  /** The channel the inquiry came in by (web, email, phone, …), for survey statistics. */
  channel: string;
  citizenName?: string;
  email?: string;
  phone?: string;
  notify: boolean;
  preferredChannel?: string;
  /**
   * Secret, from inquiry.received only: put into the receipt's tracking link and never stored
   * (the recipient row has none; a sent message's copy in the log has it redacted).
   */
  trackingToken?: string;
  department?: string;
  departmentName?: string;
  lastStatusAt?: Date;
  /** What the citizen was last told about who has the inquiry (see statusNews). */
  heardStatus?: string;
}

/**
 * The recipient an inquiry.received names (the citizen, as they asked to be reached). When a
 * receipt goes out, it opens the status window: no status update follows on its heels.
 */
export function recipientOf(e: EventEnvelope<InquiryReceivedPayload>, now = new Date()): Recipient {
  const p = e.payload;
  const c = p.citizen;
  const r: Recipient = {
    inquiryId: p.inquiryId, tenantId: e.tenantId, reference: p.reference, language: p.language, preferredLanguage: c?.preferredLanguage,
    channel: p.channel, citizenName: c?.name, email: c?.email, phone: c?.phone, notify: c?.notify ?? false,
    preferredChannel: c?.preferredChannel, trackingToken: p.trackingToken,
  };
  if (!p.resolvedAtFirstContact && chooseChannel(r)) r.lastStatusAt = now;
  return r;
}

export type StoreOutcome = 'new' | 'replaced-placeholder' | 'exists';

const COLUMNS = `inquiry_id, tenant_id, reference, language, preferred_language, channel, citizen_name, email, phone, notify,
  preferred_channel, department, department_name, last_status_at, heard_status`;

function toRecipient(r: Record<string, any>): Recipient {
  return {
    inquiryId: r.inquiry_id, tenantId: r.tenant_id, reference: r.reference, language: r.language,
    preferredLanguage: r.preferred_language ?? undefined, channel: r.channel, citizenName: r.citizen_name ?? undefined,
    email: r.email ?? undefined, phone: r.phone ?? undefined, notify: r.notify, preferredChannel: r.preferred_channel ?? undefined,
    department: r.department ?? undefined, departmentName: r.department_name ?? undefined,
    lastStatusAt: r.last_status_at ?? undefined, heardStatus: r.heard_status ?? undefined,
  };
}

const COLUMN_LIST = COLUMNS.split(',').map((c) => c.trim());
const UPDATABLE = COLUMN_LIST.filter((c) => c !== 'inquiry_id');

export interface DepartmentMove {
  inquiryId: string;
  tenantId: string;
  department: string;
  departmentName?: string;
}

/** moveManyToDepartment's statement, on its own so a test can read its plan. */
export function departmentMovesStatement(moves: DepartmentMove[]): { sql: string; params: unknown[] } {
  return {
    sql: named`UPDATE notifications.recipients r SET department = m.department,
         department_name = COALESCE(m.department_name, CASE WHEN r.department = m.department THEN r.department_name END)
       FROM (SELECT * FROM json_to_recordset($1::json) AS m(inquiry_id uuid, tenant_id text, department text, department_name text) LIMIT $2) m
       WHERE r.inquiry_id = m.inquiry_id AND r.tenant_id = m.tenant_id AND NOT r.placeholder
       RETURNING ${code(COLUMN_LIST.map((c) => `r.${c}`).join(', '))}`,
    params: [JSON.stringify(moves.map((m) => ({ inquiry_id: m.inquiryId, tenant_id: m.tenantId, department: m.department, department_name: m.departmentName ?? null }))), moves.length],
  };
}

/** A row that exists only because events came before the inquiry's receipt is replaced by it. */
const REPLACE_PLACEHOLDER = `ON CONFLICT (inquiry_id) DO UPDATE SET ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, placeholder = false
  WHERE recipients.placeholder`;

@Injectable()
export class RecipientsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /**
   * Stores the recipient from inquiry.received: 'new', 'replaced-placeholder' (events arrived
   * before it and wait in deferred_triggers), or 'exists' (handled before).
   */
  async insert(r: Recipient): Promise<StoreOutcome> {
    const rows: Array<{ replaced: boolean }> = await this.tx.manager.query(
      named`INSERT INTO notifications.recipients (${code(COLUMNS)})
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,NULL)
       ${code(REPLACE_PLACEHOLDER)}
       RETURNING (xmax <> 0) AS replaced`,
      [r.inquiryId, r.tenantId, r.reference, r.language, r.preferredLanguage ?? null, r.channel, r.citizenName ?? null, r.email ?? null,
        r.phone ?? null, r.notify, r.preferredChannel ?? null, r.department ?? null, r.departmentName ?? null, r.lastStatusAt ?? null],
    );
    if (!rows.length) return 'exists';
    return rows[0].replaced ? 'replaced-placeholder' : 'new';
  }

  /** insert() for the recipients of many inquiries (one each) in one statement: the outcome per inquiry. */
  async insertMany(recipients: Recipient[]): Promise<Map<string, StoreOutcome>> {
    if (recipients.length === 1) return new Map([[recipients[0].inquiryId, await this.insert(recipients[0])]]); // the plainer statement
    const rows: Array<{ inquiry_id: string; replaced: boolean }> = await this.tx.manager.query(
      named`INSERT INTO notifications.recipients (${code(COLUMNS)})
       SELECT ${code(COLUMNS)} FROM json_populate_recordset(NULL::notifications.recipients, $1::json) ORDER BY inquiry_id
       ${code(REPLACE_PLACEHOLDER)}
       RETURNING inquiry_id, (xmax <> 0) AS replaced`,
      [JSON.stringify(recipients.map((r) => ({
        inquiry_id: r.inquiryId, tenant_id: r.tenantId, reference: r.reference, language: r.language, preferred_language: r.preferredLanguage ?? null,
        channel: r.channel, citizen_name: r.citizenName ?? null, email: r.email ?? null, phone: r.phone ?? null, notify: r.notify,
        preferred_channel: r.preferredChannel ?? null, department: r.department ?? null,
        department_name: r.departmentName ?? null, last_status_at: r.lastStatusAt?.toISOString() ?? null, heard_status: null,
      })))],
    );
    const outcomes = new Map<string, StoreOutcome>(recipients.map((r) => [r.inquiryId, 'exists']));
    for (const row of rows) outcomes.set(row.inquiry_id, row.replaced ? 'replaced-placeholder' : 'new');
    return outcomes;
  }

  /**
   * For an event whose inquiry.received has not been handled: writes a placeholder row. If
   * inquiry.received is being stored concurrently this waits for it (unique key), so afterwards
   * either find() sees the real row or the placeholder guarantees the events are replayed.
   */
  async insertPlaceholder(inquiryId: string, tenantId: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO notifications.recipients (inquiry_id, tenant_id, reference, language, channel, notify, placeholder)
       VALUES ($1, $2, '', '', '', false, true) ON CONFLICT (inquiry_id) DO NOTHING`,
      [inquiryId, tenantId],
    );
  }

  /** With `lock`, the row stays locked until the transaction ends (status window decisions). */
  async find(inquiryId: string, opts: { lock?: boolean } = {}): Promise<Recipient | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM notifications.recipients WHERE inquiry_id = $1 AND NOT placeholder${opts.lock ? ' FOR UPDATE' : ''}`,
      [inquiryId],
    );
    return row ? toRecipient(row) : undefined;
  }

  /**
   * Sets the department of the inquiry's recipient of `tenantId` and answers the row (locked until
   * the transaction ends), in one statement; undefined when there is no such (real) recipient.
   */
  async moveToDepartment(inquiryId: string, tenantId: string, department: string, departmentName?: string): Promise<Recipient | undefined> {
    const rows = returningRows<Record<string, unknown>>(await this.tx.manager.query(
      named`UPDATE notifications.recipients SET department = $3, department_name = COALESCE($4, CASE WHEN department = $3 THEN department_name END)
       WHERE inquiry_id = $1 AND tenant_id = $2 AND NOT placeholder
       RETURNING ${code(COLUMNS)}`,
      [inquiryId, tenantId, department, departmentName ?? null],
    ));
    return rows[0] ? toRecipient(rows[0]) : undefined;
  }

  /**
   * moveToDepartment() for many inquiries (one move each) in one statement: the recipients found, by
   * inquiry. The LIMIT (the number of moves) tells the planner how few they are; it takes a
   * set-returning function for 100 rows and scanned all recipients when the table was young.
   */
  async moveManyToDepartment(moves: DepartmentMove[]): Promise<Map<string, Recipient>> {
    if (moves.length === 1) { // the plainer statement
      const [m] = moves;
      const r = await this.moveToDepartment(m.inquiryId, m.tenantId, m.department, m.departmentName);
      return new Map(r ? [[m.inquiryId, r]] : []);
    }
    const { sql, params } = departmentMovesStatement(moves);
    const rows = returningRows<Record<string, unknown>>(await this.tx.manager.query(sql, params));
    return new Map(rows.map((row) => [row.inquiry_id as string, toRecipient(row)]));
  }

  /** The citizen was told something at `at` (opening the status window), and what they now know. */
  async setLastStatusAt(inquiryId: string, at: Date, heard: string): Promise<void> {
    await this.tx.manager.query(`UPDATE notifications.recipients SET last_status_at = $2, heard_status = $3 WHERE inquiry_id = $1`, [inquiryId, at, heard]);
  }
}

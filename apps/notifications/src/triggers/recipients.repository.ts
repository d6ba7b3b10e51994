import { Injectable } from '@nestjs/common';
import { prepared, TransactionContext } from '@lotsen/persistence';
import { returningRows } from '../returning-rows';

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
  /** Secret: only ever put into the citizen's own tracking link, never logged. */
  trackingToken?: string;
  department?: string;
  departmentName?: string;
  lastStatusAt?: Date;
}

const COLUMNS = `inquiry_id, tenant_id, reference, language, preferred_language, channel, citizen_name, email, phone, notify,
  preferred_channel, tracking_token, department, department_name, last_status_at`;

function toRecipient(r: Record<string, any>): Recipient {
  return {
    inquiryId: r.inquiry_id, tenantId: r.tenant_id, reference: r.reference, language: r.language,
    preferredLanguage: r.preferred_language ?? undefined, channel: r.channel, citizenName: r.citizen_name ?? undefined,
    email: r.email ?? undefined, phone: r.phone ?? undefined, notify: r.notify, preferredChannel: r.preferred_channel ?? undefined,
    trackingToken: r.tracking_token ?? undefined, department: r.department ?? undefined, departmentName: r.department_name ?? undefined,
    lastStatusAt: r.last_status_at ?? undefined,
  };
}

const UPDATABLE = COLUMNS.split(',').map((c) => c.trim()).filter((c) => c !== 'inquiry_id');

@Injectable()
export class RecipientsRepository {
  constructor(private readonly tx: TransactionContext) {}

  /**
   * Stores the recipient from inquiry.received: 'new', 'replaced-placeholder' (events arrived
   * before it and wait in deferred_triggers), or 'exists' (handled before).
   */
  async insert(r: Recipient): Promise<'new' | 'replaced-placeholder' | 'exists'> {
    const rows: Array<{ replaced: boolean }> = await this.tx.manager.query(
      prepared(`INSERT INTO notifications.recipients (${COLUMNS})
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,NULL)
       ON CONFLICT (inquiry_id) DO UPDATE SET ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, placeholder = false
         WHERE recipients.placeholder
       RETURNING (xmax <> 0) AS replaced`),
      [r.inquiryId, r.tenantId, r.reference, r.language, r.preferredLanguage ?? null, r.channel, r.citizenName ?? null, r.email ?? null,
        r.phone ?? null, r.notify, r.preferredChannel ?? null, r.trackingToken ?? null, r.department ?? null, r.departmentName ?? null],
    );
    if (!rows.length) return 'exists';
    return rows[0].replaced ? 'replaced-placeholder' : 'new';
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
      prepared(`UPDATE notifications.recipients SET department = $3, department_name = COALESCE($4, CASE WHEN department = $3 THEN department_name END)
       WHERE inquiry_id = $1 AND tenant_id = $2 AND NOT placeholder
       RETURNING ${COLUMNS}`),
      [inquiryId, tenantId, department, departmentName ?? null],
    ));
    return rows[0] ? toRecipient(rows[0]) : undefined;
  }

  async setLastStatusAt(inquiryId: string, at: Date): Promise<void> {
    await this.tx.manager.query(`UPDATE notifications.recipients SET last_status_at = $2 WHERE inquiry_id = $1`, [inquiryId, at]);
  }
}

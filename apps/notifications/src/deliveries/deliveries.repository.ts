import { Injectable } from '@nestjs/common';
import { code, named, returningRows, Statement, UnitOfWork } from '@lotsen/persistence';
import { SUPPRESSED_BECAUSE } from '../preferences/suppression-scope';
import { personalTriggers, suppressionReasonSql } from '../preferences/suppressions.repository';

export type DeliveryChannel = 'email' | 'sms';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';

export interface DeliveryMeta {
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
  smsSender?: string;
}

/**
 * A body as kept in the delivery log once it is sent or will never be: the citizen's tracking
 * token (`token=` in the tracking link) reads `token=redacted`, the rest stays as sent.
 */
export function redactedBody(column: string): string {
  return `regexp_replace(${column}, '${TOKEN_IN_LINK}', '\\1redacted', 'g')`;
}

/** `token=…` in a tracking link, as text or as HTML escapes it (`token&#x3D;…`). */
export const TOKEN_IN_LINK = '(token(?:=|&#x3D;|&#61;))[A-Za-z0-9_%.~-]+';

export interface NewDelivery {
  id: string;
  tenantId: string;
  inquiryId?: string;
  eventId: string;
  trigger: string;
  channel: DeliveryChannel;
  recipient: string;
  addressKey: string;
  language: string;
  subject: string;
  text: string;
  html?: string;
  meta: DeliveryMeta;
  /** Logged as `suppressed` with this reason and never sent (e.g. a country SMS may not go to). */
  suppressedBecause?: string;
  /**
   * For automatic messages: at most this many (HOURLY_CAPPED_TRIGGERS) to the address within an
   * hour; past it the delivery is logged `suppressed` and not sent.
   */
  hourlyCap?: number;
}

/** Messages a stranger can make us send by naming an address; the answer a citizen asked for is never capped. */
export const HOURLY_CAPPED_TRIGGERS: readonly string[] = ['receipt', 'status_update'];

/** A row the dispatcher claimed. */
export interface ClaimedDelivery extends Omit<NewDelivery, 'eventId' | 'suppressedBecause' | 'hourlyCap'> {
  attempts: number;
  /** Which claim this is: results are recorded only while the row is still under it. */
  claimId: string;
  createdAt: Date;
}

export interface DeliveryLogEntry {
  id: string;
  inquiryId: string | null;
  trigger: string;
  channel: DeliveryChannel;
  recipient: string;
  language: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  providerMessageId: string | null;
  providerResponse: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

@Injectable()
export class DeliveriesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /**
   * Inserts the delivery when the transaction commits (all deliveries of a consumer batch in one
   * statement): `suppressed`, and not to be sent, when the address opted out or bounced earlier,
   * when the planner said so (`suppressedBecause`) or past its `hourlyCap`;
   * nothing when this (event, recipient, channel) has a delivery already. With `claim`, a row to
   * be sent is inserted already claimed (`sending` under that claim id, attempt 1) and `claimed`
   * gets it, before the commit: the caller hands it to its dispatcher once committed.
   */
  insertAtCommit(d: NewDelivery, claim?: { claimId: string; claimed: (c: ClaimedDelivery) => void }): void {
    this.tx.collect<PlannedRow>(NEW_DELIVERIES, { ...d, claim }, insertDeliveries);
  }

  /** Claimed rows a stopped dispatcher never started sending go back to the queue (no attempt used). */
  async release(claimId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE notifications.deliveries SET status = 'pending', claim_id = NULL, claimed_at = NULL, attempts = attempts - 1, updated_at = now()
       WHERE status = 'sending' AND claim_id = $1`,
      [claimId],
    );
  }

  /**
   * Claims due rows for sending and commits at once (auto-commit statement): from here on a row
   * is `sending` with its claim time, and no other dispatcher takes it (SKIP LOCKED while the
   * claim runs, the status afterwards). A due row whose address is suppressed by now (an opt-out
   * or a bounce since it was planned) is logged `suppressed` in the same statement instead, its
   * attempt unused: `suppressed` lists the channels of those.
   */
  async claimDue(limit: number, claimId: string): Promise<{ claimed: ClaimedDelivery[]; suppressed: DeliveryChannel[] }> {
    const rows: Array<Record<string, any>> = returningRows(await this.tx.manager.query(
      named`WITH due AS (
         SELECT id, tenant_id, address_key, trigger FROM notifications.deliveries WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ),
       judged AS (SELECT due.id, ${code(suppressionReasonSql('due', '$3::text[]'))} AS reason FROM due)
       UPDATE notifications.deliveries d SET
         status = CASE WHEN j.reason IS NULL THEN 'sending' ELSE 'suppressed' END,
         claimed_at = now(), claim_id = CASE WHEN j.reason IS NULL THEN $2::uuid END,
         attempts = d.attempts + CASE WHEN j.reason IS NULL THEN 1 ELSE 0 END, updated_at = now(),
         last_error = CASE j.reason WHEN 'bounced' THEN $4::text WHEN 'opted_out' THEN $5::text ELSE d.last_error END,
         body_text = CASE WHEN j.reason IS NULL THEN d.body_text ELSE ${code(redactedBody('d.body_text'))} END,
         body_html = CASE WHEN j.reason IS NULL THEN d.body_html ELSE ${code(redactedBody('d.body_html'))} END
       FROM judged j WHERE d.id = j.id
       RETURNING d.id, d.status, d.tenant_id, d.inquiry_id, d.trigger, d.channel, d.recipient, d.address_key, d.language, d.subject,
         d.body_text, d.body_html, d.meta, d.attempts, d.claimed_at, d.created_at`,
      [limit, claimId, personalTriggers(), SUPPRESSED_BECAUSE.bounced, SUPPRESSED_BECAUSE.opted_out],
    ));
    const claimed: ClaimedDelivery[] = [];
    const suppressed: DeliveryChannel[] = [];
    for (const r of rows) {
      if (r.status !== 'sending') {
        suppressed.push(r.channel);
        continue;
      }
      claimed.push({
        id: r.id, tenantId: r.tenant_id, inquiryId: r.inquiry_id ?? undefined, trigger: r.trigger, channel: r.channel,
        recipient: r.recipient, addressKey: r.address_key, language: r.language, subject: r.subject, text: r.body_text,
        html: r.body_html ?? undefined, meta: r.meta ?? {}, attempts: r.attempts, claimId, createdAt: r.created_at,
      });
    }
    return { claimed, suppressed };
  }

  /** Renews the claim time of rows still being sent under these claims (the dispatcher is alive). */
  async renewClaims(claimIds: string[]): Promise<void> {
    await this.tx.manager.query(
      `UPDATE notifications.deliveries SET claimed_at = now() WHERE status = 'sending' AND claim_id = ANY($1::uuid[])`,
      [claimIds],
    );
  }

  /**
   * Rows left `sending` past the timeout: their dispatcher stopped between claiming and recording
   * (crash, kill). The message may or may not have gone out; it is sent again. This is the one
   * window in which a citizen can get a message twice.
   */
  async recoverStale(timeoutMs: number): Promise<number> {
    const rows: unknown[] = returningRows(await this.tx.manager.query(
      `UPDATE notifications.deliveries SET status = 'pending', next_attempt_at = now(), recoveries = recoveries + 1, updated_at = now(),
         last_error = 'dispatcher stopped while sending; sent again'
       WHERE id IN (SELECT id FROM notifications.deliveries WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => $1::float8 / 1000)
                    FOR UPDATE SKIP LOCKED)
       RETURNING 1`,
      [timeoutMs],
    ));
    return rows.length;
  }

  /**
   * Marks deliveries sent, in one statement; only rows still under our claim are updated (a row
   * recovered by another dispatcher is someone else's now). Returns the ids updated.
   */
  async markSent(results: Array<{ d: ClaimedDelivery; providerMessageId?: string; response: string }>): Promise<Set<string>> {
    if (!results.length) return new Set();
    const rows = returningRows<{ id: string }>(await this.tx.manager.query(
      named`UPDATE notifications.deliveries d SET status = 'sent', sent_at = now(), updated_at = now(), provider_message_id = r.pid,
         provider_response = r.response, last_error = NULL, body_text = ${code(redactedBody('d.body_text'))}, body_html = ${code(redactedBody('d.body_html'))}
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS r(id, claim_id, pid, response)
       WHERE d.id = r.id AND d.status = 'sending' AND d.claim_id = r.claim_id
       RETURNING d.id`,
      [results.map((r) => r.d.id), results.map((r) => r.d.claimId), results.map((r) => r.providerMessageId ?? null),
        results.map((r) => r.response.slice(0, 1000))],
    ));
    return new Set(rows.map((r) => r.id));
  }

  async markRetry(d: ClaimedDelivery, retryAt: Date, response: string): Promise<boolean> {
    const rows: unknown[] = returningRows(await this.tx.manager.query(
      `UPDATE notifications.deliveries SET status = 'pending', next_attempt_at = $3, updated_at = now(), provider_response = $4, last_error = $4
       WHERE id = $1 AND status = 'sending' AND claim_id = $2 RETURNING 1`,
      [d.id, d.claimId, retryAt, response.slice(0, 1000)],
    ));
    return rows.length === 1;
  }

  async markFailed(d: ClaimedDelivery, response: string): Promise<boolean> {
    const rows: unknown[] = returningRows(await this.tx.manager.query(
      `UPDATE notifications.deliveries SET status = 'failed', updated_at = now(), provider_response = $3,
         last_error = $3, body_text = ${redactedBody('body_text')}, body_html = ${redactedBody('body_html')}
       WHERE id = $1 AND status = 'sending' AND claim_id = $2 RETURNING 1`,
      [d.id, d.claimId, response.slice(0, 1000)],
    ));
    return rows.length === 1;
  }

  async forInquiry(tenantId: string, inquiryId: string): Promise<DeliveryLogEntry[]> {
    const rows: Array<Record<string, any>> = await this.tx.manager.query(
      `SELECT id, inquiry_id, trigger, channel, recipient, language, status, attempts, next_attempt_at, provider_message_id,
         provider_response, last_error, created_at, sent_at
       FROM notifications.deliveries WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY created_at, id LIMIT 500`,
      [tenantId, inquiryId],
    );
    return rows.map((r) => ({
      id: r.id, inquiryId: r.inquiry_id, trigger: r.trigger, channel: r.channel, recipient: r.recipient, language: r.language,
      status: r.status, attempts: r.attempts, nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      providerMessageId: r.provider_message_id, providerResponse: r.provider_response, lastError: r.last_error,
      createdAt: r.created_at, sentAt: r.sent_at,
    }));
  }
}

const NEW_DELIVERIES = Symbol('notifications.deliveries');

type PlannedRow = NewDelivery & { claim?: { claimId: string; claimed: (c: ClaimedDelivery) => void } };

function insertDeliveries(items: PlannedRow[]): Statement {
  const rows = items.map((d) => ({
    id: d.id, tenant_id: d.tenantId, inquiry_id: d.inquiryId ?? null, event_id: d.eventId, trigger: d.trigger, channel: d.channel,
    recipient: d.recipient, address_key: d.addressKey, language: d.language, subject: d.subject, body_text: d.text,
    body_html: d.html ?? null, meta: d.meta, claim_id: d.suppressedBecause ? null : d.claim?.claimId ?? null,
    last_error: d.suppressedBecause ?? null,
  }));
  return {
    // In the order planned (a receipt before the answer planned with it: claims take equal due times in table order).
    // The hourly cap in the same statement: the last hour's messages to each address, plus those
    // ahead of a row in this statement (a consumer batch plans many at once).
    sql: `WITH d AS (SELECT * FROM json_populate_recordset(NULL::notifications.deliveries, $1::json) WITH ORDINALITY),
      capped AS (SELECT d.*, ($2::int[])[d.ordinality] AS hourly_cap FROM d),
      recent AS (
        SELECT x.tenant_id, x.address_key, count(*)::int AS n FROM notifications.deliveries x
        WHERE (x.tenant_id, x.address_key) IN (SELECT tenant_id, address_key FROM capped WHERE hourly_cap IS NOT NULL)
          AND x.created_at > now() - interval '1 hour' AND x.trigger = ANY($3::text[]) AND x.status <> 'suppressed'
        GROUP BY x.tenant_id, x.address_key
      ),
      known AS (
        SELECT c.*, r.n AS recent_n,
          COALESCE(c.last_error, CASE s.reason WHEN 'bounced' THEN $5::text WHEN 'opted_out' THEN $6::text END) AS known_reason
        FROM capped c
        CROSS JOIN LATERAL (SELECT ${suppressionReasonSql('c', '$4::text[]')} AS reason) s
        LEFT JOIN recent r ON r.tenant_id = c.tenant_id AND r.address_key = c.address_key
      ),
      planned AS (
        SELECT k.*, COALESCE(k.known_reason, CASE WHEN k.hourly_cap IS NOT NULL AND COALESCE(k.recent_n, 0)
            + count(*) FILTER (WHERE k.hourly_cap IS NOT NULL AND k.known_reason IS NULL) OVER (PARTITION BY k.tenant_id, k.address_key ORDER BY k.ordinality) > k.hourly_cap
          THEN 'more than ' || k.hourly_cap || ' automatic messages to this address within an hour' END) AS reason
        FROM known k
      )
      INSERT INTO notifications.deliveries (id, tenant_id, inquiry_id, event_id, trigger, channel, recipient, address_key, language,
        subject, body_text, body_html, meta, status, last_error, claim_id, claimed_at, attempts)
      SELECT d.id, d.tenant_id, d.inquiry_id, d.event_id, d.trigger, d.channel, d.recipient, d.address_key, d.language,
        d.subject,
        CASE WHEN d.reason IS NULL THEN d.body_text ELSE ${redactedBody('d.body_text')} END,
        CASE WHEN d.reason IS NULL THEN d.body_html ELSE ${redactedBody('d.body_html')} END,
        d.meta,
        CASE WHEN d.reason IS NOT NULL THEN 'suppressed' WHEN d.claim_id IS NOT NULL THEN 'sending' ELSE 'pending' END,
        d.reason,
        CASE WHEN d.reason IS NULL THEN d.claim_id END,
        CASE WHEN d.reason IS NULL AND d.claim_id IS NOT NULL THEN now() END,
        CASE WHEN d.reason IS NULL AND d.claim_id IS NOT NULL THEN 1 ELSE 0 END
      FROM planned d
      ORDER BY d.ordinality
      ON CONFLICT (event_id, recipient, channel) DO NOTHING
      RETURNING id, status, created_at`,
    params: [JSON.stringify(rows), items.map((d) => d.hourlyCap ?? null), HOURLY_CAPPED_TRIGGERS, personalTriggers(), SUPPRESSED_BECAUSE.bounced, SUPPRESSED_BECAUSE.opted_out],
    onResult: (result) => {
      const claimed = new Map(returningRows<{ id: string; status: string; created_at: Date }>(result).filter((r) => r.status === 'sending').map((r) => [r.id, r.created_at]));
      for (const d of items) {
        const createdAt = claimed.get(d.id);
        if (!d.claim || !createdAt) continue;
        const { eventId: _event, claim, ...delivery } = d;
        claim.claimed({ ...delivery, attempts: 1, claimId: claim.claimId, createdAt });
      }
    },
  };
}

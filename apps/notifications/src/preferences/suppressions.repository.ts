import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { PERSONAL_TRIGGERS } from './suppression-scope';

export type SuppressionReason = 'opted_out' | 'bounced';

export interface Suppression {
  reason: SuppressionReason;
  /** e.g. `a***@example.se`; the list itself holds no address. */
  maskedAddress: string | null;
  detail: string | null;
  since: Date;
  /** When a bounce stops suppressing; null for an opt-out (until the citizen asks again). */
  until: Date | null;
}

/**
 * The one place suppression is decided: the SQL expression "why a delivery row `row` (with
 * tenant_id, address_key, trigger) may not be sent now", NULL when it may. A bounce that has
 * not ended stops every message (and comes first), an opt-out only automated ones. `personal` is
 * the text[] parameter holding PERSONAL_TRIGGERS. The statement that plans a row and the one
 * that claims it for sending both use it, in the same statement as their write, so a suppression
 * committed before a row goes to `sending` always wins (the claim catches an opt-out or bounce
 * that came after planning).
 */
export function suppressionReasonSql(row: string, personal: string): string {
  return `(SELECT s.reason FROM notifications.suppressions s
     WHERE s.tenant_id = ${row}.tenant_id AND s.address_key = ${row}.address_key
       AND ((s.reason = 'bounced' AND s.until > now()) OR (s.reason = 'opted_out' AND ${row}.trigger <> ALL(${personal})))
     ORDER BY s.reason = 'bounced' DESC LIMIT 1)`;
}

export const personalTriggers = (): string[] => [...PERSONAL_TRIGGERS];

/** Per tenant, addresses (by key) that opted out of automated messages or bounced recently. */
@Injectable()
export class SuppressionsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** An opt-out stays as it is; a new bounce renews the period. */
  async add(tenantId: string, addressKey: string, reason: SuppressionReason, o: { detail?: string; maskedAddress?: string; until?: Date } = {}): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO notifications.suppressions (tenant_id, address_key, reason, detail, masked_address, until) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, address_key, reason) DO UPDATE
         SET until = EXCLUDED.until, detail = EXCLUDED.detail, created_at = now(),
           masked_address = COALESCE(EXCLUDED.masked_address, notifications.suppressions.masked_address)
         WHERE notifications.suppressions.reason = 'bounced'`,
      [tenantId, addressKey, reason, o.detail?.slice(0, 500) ?? null, o.maskedAddress?.slice(0, 200) ?? null, o.until ?? null],
    );
  }

  async optedOut(tenantId: string, addressKey: string): Promise<boolean> {
    const rows = await this.tx.manager.query(
      `SELECT 1 FROM notifications.suppressions WHERE tenant_id = $1 AND address_key = $2 AND reason = 'opted_out'`,
      [tenantId, addressKey],
    );
    return rows.length > 0;
  }

  /** What staff see: opt-outs, and bounces that still suppress. */
  list(tenantId: string, limit: number): Promise<Suppression[]> {
    return this.tx.manager.query(
      `SELECT reason, masked_address AS "maskedAddress", detail, created_at AS since, until
       FROM notifications.suppressions
       WHERE tenant_id = $1 AND (reason = 'opted_out' OR until > now())
       ORDER BY created_at DESC LIMIT $2`,
      [tenantId, limit],
    );
  }

  /** A masked form of an address known by its key, from a delivery made to it (opt-out links carry only the key). */
  async maskedAddressOf(tenantId: string, addressKey: string, mask: (address: string) => string): Promise<string | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT recipient FROM notifications.deliveries WHERE tenant_id = $1 AND address_key = $2 ORDER BY created_at DESC LIMIT 1`,
      [tenantId, addressKey],
    );
    return row ? mask(row.recipient) : undefined;
  }
}

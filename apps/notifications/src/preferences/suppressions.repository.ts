import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

export type SuppressionReason = 'opted_out' | 'bounced';

/** Addresses (by key) nothing more is sent to, per tenant. */
@Injectable()
export class SuppressionsRepository {
  constructor(private readonly tx: TransactionContext) {}

  async add(tenantId: string, addressKey: string, reason: SuppressionReason, detail?: string): Promise<void> {
    // An opt-out stays an opt-out; a later bounce does not overwrite it (and vice versa).
    await this.tx.manager.query(
      `INSERT INTO notifications.suppressions (tenant_id, address_key, reason, detail) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, address_key) DO NOTHING`,
      [tenantId, addressKey, reason, detail?.slice(0, 500) ?? null],
    );
  }

  async reason(tenantId: string, addressKey: string): Promise<SuppressionReason | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT reason FROM notifications.suppressions WHERE tenant_id = $1 AND address_key = $2`,
      [tenantId, addressKey],
    );
    return row?.reason;
  }

  /** Reasons for those of the given (tenant, key) pairs that are suppressed, keyed `tenant key`. */
  async reasons(pairs: Array<{ tenantId: string; addressKey: string }>): Promise<Map<string, SuppressionReason>> {
    if (!pairs.length) return new Map();
    const rows: Array<{ tenant_id: string; address_key: string; reason: SuppressionReason }> = await this.tx.manager.query(
      `SELECT s.tenant_id, s.address_key, s.reason FROM notifications.suppressions s
       JOIN unnest($1::text[], $2::text[]) AS p(tenant_id, address_key) USING (tenant_id, address_key)`,
      [pairs.map((p) => p.tenantId), pairs.map((p) => p.addressKey)],
    );
    return new Map(rows.map((r) => [`${r.tenant_id} ${r.address_key}`, r.reason]));
  }
}

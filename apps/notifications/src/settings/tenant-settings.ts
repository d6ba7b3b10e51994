import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { NotificationsConfig } from '../notifications.config';

export interface TenantSettings {
  tenantId: string;
  name: string;
  from: string;
  replyTo: string;
  smsSender: string;
  slaApologyEnabled: boolean;
  slaApologyExtensionHours: number;
  /** Country calling codes an SMS may go to. */
  smsCountries: string[];
}

const CACHE_MS = 15_000;

/**
 * Per-tenant sender and behaviour (`notifications.tenant_settings`); a tenant without a row gets
 * the configured defaults and no SLA apology. Cached briefly: it is read for every message.
 */
@Injectable()
export class TenantSettingsService {
  private readonly cache = new Map<string, { value: TenantSettings; until: number }>();

  constructor(private readonly tx: UnitOfWork, @Inject(NotificationsConfig) private readonly config: NotificationsConfig) {}

  async get(tenantId: string): Promise<TenantSettings> {
    const hit = this.cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.value;
    const [row] = await this.tx.manager.query(
      `SELECT name, from_address, reply_to, sms_sender, sla_apology_enabled, sla_apology_extension_hours, sms_countries
       FROM notifications.tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    const from = row?.from_address ?? this.config.defaultFrom;
    const value: TenantSettings = {
      tenantId,
      name: row?.name ?? displayName(from) ?? tenantId,
      from,
      replyTo: row?.reply_to ?? from,
      smsSender: row?.sms_sender ?? this.config.defaultSmsSender,
      slaApologyEnabled: row?.sla_apology_enabled ?? false,
      slaApologyExtensionHours: row?.sla_apology_extension_hours ?? 72,
      smsCountries: row?.sms_countries?.length ? row.sms_countries : this.config.smsCountries,
    };
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(tenantId, { value, until: Date.now() + CACHE_MS });
    return value;
  }
}

/** `"Demo kommun" <kontakt@demo.se>` → `Demo kommun`. */
export function displayName(address: string): string | undefined {
  const m = /^\s*"?([^"<]*?)"?\s*<[^>]+>\s*$/.exec(address);
  return m?.[1]?.trim() || undefined;
}

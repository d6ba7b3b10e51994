import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BusinessCalendar, CalendarSpec } from '@lotsen/business-calendar';
import { EventEnvelope, TenantCalendarChangedPayload } from '@lotsen/contracts';
import { named, UnitOfWork } from '@lotsen/persistence';

const CACHE_MS = 10_000;

/** The calendar an event announces, as the library takes it. */
export function specOf(p: TenantCalendarChangedPayload): CalendarSpec {
  const { days, opens, closes, breaks } = p.hours;
  return { timezone: p.timezone, hours: { days, opens, closes, ...(breaks?.length ? { breaks } : {}) }, holidays: p.holidays ?? null };
}

/** The stored calendars of these tenants; a tenant without one gets `fallback`. A stored one that no longer makes sense does too. */
export async function loadTenantCalendars(m: EntityManager, tenants: string[], fallback: BusinessCalendar): Promise<(tenant: string) => BusinessCalendar> {
  const rows: Array<{ tenant_id: string; spec: CalendarSpec }> = tenants.length
    ? await m.query(named`SELECT tenant_id, spec FROM reporting.tenant_calendars WHERE tenant_id = ANY($1::text[])`, [tenants])
    : [];
  const calendars = new Map<string, BusinessCalendar>();
  for (const r of rows) {
    try {
      calendars.set(r.tenant_id, new BusinessCalendar(r.spec));
    } catch {
      // routing checked it before announcing it; a calendar the library now refuses falls back
    }
  }
  return (tenant) => calendars.get(tenant) ?? fallback;
}

/**
 * Each tenant's business calendar as routing announced it (tenant.calendar.changed): reporting's
 * business hours are counted as routing's SLA clocks count them. Figures projected after a change
 * use the new calendar; `npm run reporting:rebuild` recounts the earlier ones.
 */
@Injectable()
export class TenantCalendars {
  private readonly cache = new Map<string, { cal: BusinessCalendar; until: number }>();

  constructor(private readonly tx: UnitOfWork, readonly fallback: BusinessCalendar) {}

  /** Keeps the announced calendar unless a later one is stored already (events may come out of order). */
  async learn(e: EventEnvelope<TenantCalendarChangedPayload>): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO reporting.tenant_calendars (tenant_id, spec, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET spec = EXCLUDED.spec, changed_at = EXCLUDED.changed_at
       WHERE tenant_calendars.changed_at <= EXCLUDED.changed_at`,
      [e.tenantId, JSON.stringify(specOf(e.payload)), e.occurredAt],
    );
    this.cache.delete(e.tenantId);
  }

  /** The tenant's calendar, cached for a few seconds. */
  async forTenant(tenantId: string): Promise<BusinessCalendar> {
    const hit = this.cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.cal;
    const cal = (await loadTenantCalendars(this.tx.manager, [tenantId], this.fallback))(tenantId);
    this.cache.set(tenantId, { cal, until: Date.now() + CACHE_MS });
    return cal;
  }
}

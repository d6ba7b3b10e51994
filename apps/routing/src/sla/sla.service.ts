import { Injectable, Logger } from '@nestjs/common';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { CalendarRepository, TenantSettings } from './calendar.repository';
import { SlaClock } from './sla-clock';
import { SlaClockName, SlaTimersRepository } from './sla-timers.repository';

const WARNING_AT = 0.8;
const CACHE_MS = 10_000;

/** Starts and stops an inquiry's SLA clocks (first response, resolution) in business time. */
@Injectable()
export class SlaService {
  private readonly logger = new Logger('SlaService');
  private readonly calendars = new Map<string, { cal: BusinessCalendar; until: number }>();
  private readonly settingsCache = new Map<string, { s: TenantSettings; until: number }>();

  constructor(private readonly settings: CalendarRepository, private readonly timers: SlaTimersRepository, private readonly clock: SlaClock) {}

  async calendar(tenantId: string, department?: string): Promise<BusinessCalendar> {
    const key = `${tenantId}\u0000${department ?? ''}`;
    const hit = this.calendars.get(key);
    if (hit && hit.until > Date.now()) return hit.cal;
    const s = await this.tenantSettings(tenantId);
    const own = department ? await this.settings.departmentHours(tenantId, department) : null;
    const cal = this.departmentCalendar(tenantId, department, own, s) ?? new BusinessCalendar({ hours: s.businessHours, timezone: s.timezone, holidays: s.holidays });
    this.calendars.set(key, { cal, until: Date.now() + CACHE_MS });
    return cal;
  }

  /**
   * A department's own hours, or undefined for the tenant's. Hours stored before they were checked
   * at the edge may not make a calendar: that department then keeps the tenant's hours instead of
   * failing every inquiry routed to it.
   */
  private departmentCalendar(tenantId: string, department: string | undefined, own: unknown, s: TenantSettings): BusinessCalendar | undefined {
    if (!own) return undefined;
    try {
      return new BusinessCalendar({ hours: own as TenantSettings['businessHours'], timezone: s.timezone, holidays: s.holidays });
    } catch (err) {
      this.logger.warn(`tenant ${tenantId}: department ${department} has unusable business hours (${(err as Error).message}); the tenant's hours apply`);
      return undefined;
    }
  }

  /** The tenant's opening hours and default SLA hours, cached for a few seconds. */
  async tenantSettings(tenantId: string): Promise<TenantSettings> {
    const hit = this.settingsCache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.s;
    const s = await this.settings.get(tenantId);
    this.settingsCache.set(tenantId, { s, until: Date.now() + CACHE_MS });
    return s;
  }

  /** Forget cached calendars of a tenant (after its opening hours changed). */
  invalidate(tenantId: string): void {
    this.settingsCache.delete(tenantId);
    for (const k of this.calendars.keys()) if (k.startsWith(`${tenantId}\u0000`)) this.calendars.delete(k);
  }

  /** Starts the given clocks from `start`; returns the due times. */
  async start(
    c: { tenantId: string; inquiryId: string; department: string; start: Date },
    hours: Partial<Record<SlaClockName, number>>,
  ): Promise<Partial<Record<SlaClockName, Date>>> {
    const cal = await this.calendar(c.tenantId, c.department);
    const out: Partial<Record<SlaClockName, Date>> = {};
    const timers: Parameters<SlaTimersRepository['insert']>[0] = [];
    for (const clock of Object.keys(hours) as SlaClockName[]) {
      const h = hours[clock]!;
      const dueAt = this.clock.due(cal, c.start, h);
      const warnAt = this.clock.due(cal, c.start, h * WARNING_AT);
      timers.push({ tenantId: c.tenantId, inquiryId: c.inquiryId, clock, kind: 'warning', fireAt: warnAt, dueAt });
      timers.push({ tenantId: c.tenantId, inquiryId: c.inquiryId, clock, kind: 'breach', fireAt: dueAt, dueAt });
      out[clock] = dueAt;
    }
    this.timers.insert(timers);
    return out;
  }

  stop(inquiryId: string, clocks: SlaClockName[]): Promise<void> {
    return this.timers.stop(inquiryId, clocks);
  }

  /** Stops the clocks standing still (awaiting the citizen): no warning or breach fires meanwhile. */
  pause(inquiryId: string, at: Date): Promise<void> {
    return this.timers.pause(inquiryId, at);
  }

  /**
   * Runs paused clocks again, every time moved later by the business time the pause lasted;
   * returns the new due time of each clock resumed (none when nothing was paused).
   */
  async resume(c: { tenantId: string; inquiryId: string; department: string; at: Date }): Promise<Partial<Record<SlaClockName, Date>>> {
    const paused = await this.timers.paused(c.inquiryId);
    if (!paused.length) return {};
    const cal = await this.calendar(c.tenantId, c.department);
    const out: Partial<Record<SlaClockName, Date>> = {};
    for (const t of paused) {
      const hours = this.clock.elapsed(cal, t.pausedAt, c.at);
      const moved = (at: Date) => (hours > 0 ? this.clock.due(cal, at, hours) : at);
      const dueAt = moved(t.dueAt);
      await this.timers.resume(t.id, moved(t.fireAt), dueAt);
      out[t.clock] = dueAt;
    }
    return out;
  }
}

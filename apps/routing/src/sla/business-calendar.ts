import Holidays from 'date-holidays';
import { isValidTimezone, wallClock, zoneOffsetMs } from '@lotsen/time-zone';

/** Opening hours: ISO weekdays (1 = Monday … 7 = Sunday), local "HH:MM" times ("24:00" allowed). */
export interface BusinessHours {
  days: number[];
  opens: string;
  closes: string;
}

export interface CalendarSpec {
  hours: BusinessHours;
  timezone: string;
  /** ISO country code whose public holidays close the office (e.g. 'SE'), or null for none. */
  holidays: string | null;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };

const MINUTE = 60_000;
const holidaySets = new Map<string, Set<string>>();

export function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a HH:MM time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new Error(`not a time of day: ${hhmm}`);
  return minutes;
}

interface LocalDay { y: number; m: number; d: number; weekday: number }

/** The instant of local wall time (y-m-d, minutes after midnight) in tz (DST gaps resolve forward). */
export function localToInstant(y: number, m: number, d: number, minutes: number, tz: string): number {
  const naive = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const first = naive - zoneOffsetMs(naive, tz);
  const second = naive - zoneOffsetMs(first, tz);
  return second;
}

function holidaysFor(country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let set = holidaySets.get(key);
  if (!set) {
    const hd = new Holidays(country);
    // "bank" days are the de-facto closed eves in Sweden (midsommarafton, julafton, nyårsafton).
    set = new Set(hd.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
    holidaySets.set(key, set);
  }
  return set;
}

/**
 * Business-time arithmetic in a tenant's time zone: opening hours per weekday, public holidays
 * closed. Used for SLA due times ("8 business hours" from a Friday 16:00 is Monday 15:00).
 */
export class BusinessCalendar {
  private readonly opens: number;
  private readonly closes: number;
  private readonly days: Set<number>;

  constructor(readonly spec: CalendarSpec) {
    this.opens = parseClock(spec.hours.opens);
    this.closes = parseClock(spec.hours.closes);
    if (this.closes <= this.opens) throw new Error('closing time must be after opening time');
    this.days = new Set(spec.hours.days);
    if (!spec.hours.days.length || spec.hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new Error('days must be ISO weekdays 1–7');
    if (!isValidTimezone(spec.timezone)) throw new Error(`unknown time zone: ${spec.timezone}`);
  }

  isHoliday(day: { y: number; m: number; d: number }): boolean {
    if (!this.spec.holidays) return false;
    const iso = `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
    return holidaysFor(this.spec.holidays, day.y).has(iso);
  }

  isOpenDay(day: LocalDay): boolean {
    return this.days.has(day.weekday) && !this.isHoliday(day);
  }

  /** Opening interval of a local day (instants), or null when closed; cached (Intl formatting is slow). */
  private day(y: number, m: number, d: number): { openAt: number; closeAt: number } | null {
    const key = `${y}-${m}-${d}`;
    let hit = this.days_.get(key);
    if (hit === undefined) {
      const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
      const tz = this.spec.timezone;
      hit = this.isOpenDay({ y, m, d, weekday })
        ? { openAt: localToInstant(y, m, d, this.opens, tz), closeAt: localToInstant(y, m, d, this.closes, tz) }
        : null;
      if (this.days_.size > 5000) this.days_.clear();
      this.days_.set(key, hit);
    }
    return hit;
  }

  private readonly days_ = new Map<string, { openAt: number; closeAt: number } | null>();

  /** The instant `hours` business hours after `start` (fractions allowed). */
  addBusinessHours(start: Date, hours: number): Date {
    if (!(hours >= 0) || !Number.isFinite(hours)) throw new Error('hours must be a finite number ≥ 0');
    let remaining = hours * 60 * MINUTE;
    const cursor = start.getTime();
    const p = wallClock(cursor, this.spec.timezone);
    for (let i = 0; i < 3660; i++) {
      const date = new Date(Date.UTC(p.y, p.m - 1, p.d + i));
      const open = this.day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (!open) continue;
      const from = Math.max(cursor, open.openAt);
      if (from >= open.closeAt) continue;
      if (remaining <= open.closeAt - from) return new Date(from + remaining);
      remaining -= open.closeAt - from;
    }
    throw new Error('no business time within ten years: check the opening hours');
  }
}

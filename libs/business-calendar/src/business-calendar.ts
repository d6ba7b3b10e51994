import Holidays from 'date-holidays';
import { isValidTimezone, wallClock, zoneOffsetMs } from '@lotsen/time-zone';

/** A closed span inside an opening day, local "HH:MM" (e.g. lunch 12:00–13:00). */
export interface ClosedSpan {
  from: string;
  to: string;
}

/**
 * Opening hours: ISO weekdays (1 = Monday … 7 = Sunday), local "HH:MM" times ("24:00" allowed).
 * A split day (08–12 and 13–17) is opens 08:00, closes 17:00 with a break 12:00–13:00.
 */
export interface BusinessHours {
  days: number[];
  opens: string;
  closes: string;
  breaks?: ClosedSpan[];
}

/** A tenant's calendar: what routing's SLA clocks and reporting's business-time figures both count. */
export interface CalendarSpec {
  hours: BusinessHours;
  timezone: string;
  /** ISO country code whose public holidays close the office (e.g. 'SE'), or null for none. */
  holidays: string | null;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };

/** A Swedish municipality's contact center (DESIGN.md): 08–17 Mon–Fri, Europe/Stockholm, Swedish holidays. */
export const SWEDISH_MUNICIPALITY: CalendarSpec = { hours: DEFAULT_BUSINESS_HOURS, timezone: 'Europe/Stockholm', holidays: 'SE' };

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const holidaySets = new Map<string, Set<string>>();

export function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a HH:MM time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new Error(`not a time of day: ${hhmm}`);
  return minutes;
}

/** The instant of local wall time (y-m-d, minutes after midnight) in tz (DST gaps resolve forward). */
export function localToInstant(y: number, m: number, d: number, minutes: number, tz: string): number {
  const naive = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const first = naive - zoneOffsetMs(naive, tz);
  return naive - zoneOffsetMs(first, tz);
}

/** The calendar date after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10);
}

// "bank" days are the de-facto closed eves in Sweden (midsommarafton, julafton, nyårsafton).
function holidaysFor(country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let set = holidaySets.get(key);
  if (!set) {
    const hd = new Holidays(country);
    set = new Set(hd.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
    holidaySets.set(key, set);
  }
  return set;
}

/** The open minutes of a day as [from, to) spans, opening hours minus breaks; throws for a calendar that makes no sense. */
function openSpans(hours: BusinessHours): Array<[number, number]> {
  const opens = parseClock(hours.opens);
  const closes = parseClock(hours.closes);
  if (closes <= opens) throw new Error('closing time must be after opening time');
  const breaks = (hours.breaks ?? []).map((b) => [parseClock(b.from), parseClock(b.to)] as [number, number]).sort((a, b) => a[0] - b[0]);
  const spans: Array<[number, number]> = [];
  let from = opens;
  for (const [start, end] of breaks) {
    if (end <= start) throw new Error('a break must end after it starts');
    if (start <= opens || end >= closes) throw new Error('a break must lie between opening and closing time');
    if (start < from) throw new Error('breaks must not overlap');
    spans.push([from, start]);
    from = end;
  }
  spans.push([from, closes]);
  return spans;
}

/**
 * Business-time arithmetic in a tenant's time zone: opening hours per weekday (split days
 * too), public holidays closed. Routing's SLA due times ("8 business hours" from a Friday 16:00
 * is Monday 15:00) and reporting's business-hours figures both count with it. Pure: no I/O.
 */
export class BusinessCalendar {
  private readonly spans: Array<[number, number]>;
  private readonly days: Set<number>;
  private readonly cache = new Map<string, Array<[number, number]>>();

  constructor(readonly spec: CalendarSpec = SWEDISH_MUNICIPALITY) {
    this.spans = openSpans(spec.hours);
    if (!spec.hours.days.length || spec.hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new Error('days must be ISO weekdays 1–7');
    this.days = new Set(spec.hours.days);
    if (!isValidTimezone(spec.timezone)) throw new Error(`unknown time zone: ${spec.timezone}`);
  }

  isHoliday(day: { y: number; m: number; d: number }): boolean {
    if (!this.spec.holidays) return false;
    return holidaysFor(this.spec.holidays, day.y).has(`${day.y}-${pad(day.m)}-${pad(day.d)}`);
  }

  /** True on an opening weekday that is not a holiday (date as YYYY-MM-DD, local). */
  isBusinessDay(date: string): boolean {
    const [y, m, d] = date.split('-').map(Number);
    return this.days.has(isoWeekday(y, m, d)) && !this.isHoliday({ y, m, d });
  }

  /** Local calendar date (YYYY-MM-DD) of an instant. */
  localDate(at: Date): string {
    const p = wallClock(at.getTime(), this.spec.timezone);
    return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  }

  /** Local wall-clock time of an instant as `YYYY-MM-DD HH:mm:ss`. */
  localDateTime(at: Date): string {
    const p = wallClock(at.getTime(), this.spec.timezone);
    return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
  }

  /** The instant a local wall-clock hour occurs on a date (YYYY-MM-DD). */
  instantAt(date: string, hour: number): Date {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(localToInstant(y, m, d, hour * 60, this.spec.timezone));
  }

  /** The instant `hours` business hours after `start` (fractions allowed). */
  addBusinessHours(start: Date, hours: number): Date {
    if (!(hours >= 0) || !Number.isFinite(hours)) throw new Error('hours must be a finite number ≥ 0');
    let remaining = hours * 60 * MINUTE;
    const cursor = start.getTime();
    const p = wallClock(cursor, this.spec.timezone);
    for (let i = 0; i < 3660; i++) {
      const date = new Date(Date.UTC(p.y, p.m - 1, p.d + i));
      for (const [openAt, closeAt] of this.openIntervals(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) {
        const from = Math.max(cursor, openAt);
        if (from >= closeAt) continue;
        if (remaining <= closeAt - from) return new Date(from + remaining);
        remaining -= closeAt - from;
      }
    }
    throw new Error('no business time within ten years: check the opening hours');
  }

  /** Business milliseconds in [start, end): the parts inside opening hours on business days; 0 when end <= start. */
  businessMs(start: Date, end: Date): number {
    const s = start.getTime();
    const e = end.getTime();
    if (!(e > s)) return 0;
    let total = 0;
    let day = this.localDate(start);
    const last = this.localDate(end);
    for (let guard = 0; guard < 100_000; guard++) {
      const [y, m, d] = day.split('-').map(Number);
      for (const [openAt, closeAt] of this.openIntervals(y, m, d)) {
        const from = Math.max(openAt, s);
        const to = Math.min(closeAt, e);
        if (to > from) total += to - from;
      }
      if (day === last) break;
      day = nextDate(day);
    }
    return total;
  }

  /** Business minutes between two instants (fractional). */
  businessMinutes(start: Date, end: Date): number {
    return this.businessMs(start, end) / MINUTE;
  }

  /** The open intervals of a local day as instants (none when closed); cached, as Intl formatting is slow. */
  private openIntervals(y: number, m: number, d: number): Array<[number, number]> {
    const key = `${y}-${m}-${d}`;
    let hit = this.cache.get(key);
    if (!hit) {
      const tz = this.spec.timezone;
      hit = this.days.has(isoWeekday(y, m, d)) && !this.isHoliday({ y, m, d })
        ? this.spans.map(([from, to]) => [localToInstant(y, m, d, from, tz), localToInstant(y, m, d, to, tz)] as [number, number])
        : [];
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }
}

function isoWeekday(y: number, m: number, d: number): number {
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

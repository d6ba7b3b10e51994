import Holidays from 'date-holidays';
import { wallClock, zoneOffsetMs } from '@lotsen/time-zone';

/**
 * Business time of a Swedish municipality's contact center: open 08–17 Mon–Fri in
 * Europe/Stockholm, closed on public holidays and on the de facto holidays the offices close
 * (midsommarafton, julafton, nyårsafton: type `bank` in date-holidays). Pure: no I/O, no clock.
 */
export interface BusinessHoursOptions {
  timeZone: string;
  /** Local hour the center opens (inclusive). */
  openHour: number;
  /** Local hour it closes (exclusive). */
  closeHour: number;
  /** ISO 3166 country for date-holidays. */
  country: string;
  /** date-holidays types that close the center. */
  closedTypes: string[];
}

export const SWEDISH_MUNICIPALITY_HOURS: BusinessHoursOptions = {
  timeZone: 'Europe/Stockholm',
  openHour: 8,
  closeHour: 17,
  country: 'SE',
  closedTypes: ['public', 'bank'],
};

const DAY_MS = 86_400_000;

export class BusinessCalendar {
  private readonly holidaysByYear = new Map<number, Set<string>>();
  private readonly holidays: Holidays;

  constructor(readonly options: BusinessHoursOptions = SWEDISH_MUNICIPALITY_HOURS) {
    this.holidays = new Holidays(options.country);
  }

  /** Local calendar date (YYYY-MM-DD) of an instant. */
  localDate(at: Date): string {
    const p = wallClock(at.getTime(), this.options.timeZone);
    return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  }

  /** Local wall-clock time of an instant as `YYYY-MM-DD HH:mm:ss`. */
  localDateTime(at: Date): string {
    const p = wallClock(at.getTime(), this.options.timeZone);
    return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
  }

  /** True on Mon–Fri that are not holidays (date as YYYY-MM-DD, local). */
  isBusinessDay(date: string): boolean {
    const [y, m, d] = date.split('-').map(Number);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !this.closedDays(y).has(date);
  }

  /** Names of the closed days of a year (for documentation and tests). */
  closedDays(year: number): Set<string> {
    let set = this.holidaysByYear.get(year);
    if (!set) {
      set = new Set(
        this.holidays.getHolidays(year)
          .filter((h) => this.options.closedTypes.includes(h.type))
          .map((h) => h.date.slice(0, 10)),
      );
      this.holidaysByYear.set(year, set);
    }
    return set;
  }

  /** The instant a local wall-clock time occurs (08:00 and 17:00 never fall in a DST gap). */
  instantAt(date: string, hour: number): Date {
    const [y, m, d] = date.split('-').map(Number);
    const guess = Date.UTC(y, m - 1, d, hour);
    let t = guess - this.offsetMs(new Date(guess));
    t = guess - this.offsetMs(new Date(t));
    return new Date(t);
  }

  /**
   * Business milliseconds between two instants: the parts of [start, end) that fall inside
   * opening hours on business days. 0 when end <= start.
   */
  businessMs(start: Date, end: Date): number {
    if (!(end.getTime() > start.getTime())) return 0;
    let total = 0;
    let day = this.localDate(start);
    const last = this.localDate(end);
    for (let guard = 0; guard < 100_000; guard++) {
      if (this.isBusinessDay(day)) {
        const open = this.instantAt(day, this.options.openHour).getTime();
        const close = this.instantAt(day, this.options.closeHour).getTime();
        const from = Math.max(open, start.getTime());
        const to = Math.min(close, end.getTime());
        if (to > from) total += to - from;
      }
      if (day === last) break;
      day = nextDate(day);
    }
    return total;
  }

  /** Business minutes between two instants (fractional). */
  businessMinutes(start: Date, end: Date): number {
    return this.businessMs(start, end) / 60_000;
  }

  /** Offset of the time zone from UTC at an instant, in ms. */
  private offsetMs(at: Date): number {
    return zoneOffsetMs(at.getTime(), this.options.timeZone);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10);
}

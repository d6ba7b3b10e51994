/**
 * Time-zone offsets without an Intl call per instant. Intl.DateTimeFormat#formatToParts is the
 * only zone database Node has, and it costs microseconds a call: too slow for every SLA due time
 * and every report fact. A zone's offset changes only at its transitions, and every transition
 * since 1970 falls on a quarter hour, so one lookup serves each quarter hour of a zone.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const CACHE_SIZE = 20_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Local wall time minus UTC at instant t (ms), straight from Intl. */
function intlOffsetMs(t: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/** Local wall time minus UTC at instant t, in ms (whole seconds). Throws for an unknown zone. */
export function zoneOffsetMs(t: number, tz: string): number {
  const quarter = Math.floor(t / QUARTER_HOUR_MS);
  const key = `${tz}\u0000${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = intlOffsetMs(quarter * QUARTER_HOUR_MS, tz);
    if (offsets.size >= CACHE_SIZE) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export interface WallClock {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

/** The local date and time at instant t in tz (to the second). */
export function wallClock(t: number, tz: string): WallClock {
  const local = new Date(Math.floor(t / 1000) * 1000 + zoneOffsetMs(t, tz));
  return {
    y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(),
    h: local.getUTCHours(), mi: local.getUTCMinutes(), s: local.getUTCSeconds(), weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

import { isValidTimezone, wallClock, zoneOffsetMs } from './index';

/** What Intl says, part by part: the reference the cached offsets must equal. */
function intlWallClock(t: number, tz: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
  });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(t))) p[part.type] = part.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1;
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second, weekday };
}

describe('time-zone offsets (one Intl lookup per quarter hour)', () => {
  // Zones with DST at 01:00 UTC, a 45-minute offset, a 30-minute DST shift, a half-hour offset
  // with DST, and one south of the equator.
  const zones = ['Europe/Stockholm', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'America/Santiago', 'UTC'];

  it('equal Intl around every transition of 2024–2027, at and between the quarter hours', () => {
    for (const tz of zones) {
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 6 * 3600_000) {
        const before = zoneOffsetMs(t, tz);
        const after = zoneOffsetMs(t + 6 * 3600_000, tz);
        if (before === after) continue;
        // A transition lies in these six hours: check each quarter hour, a second either side, and between.
        for (let u = t; u <= t + 6 * 3600_000; u += 15 * 60_000) {
          for (const x of [u, u - 1000, u + 999, u + 7 * 60_000 + 31_500]) expect([tz, x, wallClock(x, tz)]).toEqual([tz, x, intlWallClock(x, tz)]);
        }
      }
    }
  });

  it('equal Intl at random instants from 1980 to 2040', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const tz = zones[i % zones.length];
      const t = Math.floor(Date.UTC(1980, 0, 1) + random() * (Date.UTC(2040, 0, 1) - Date.UTC(1980, 0, 1)));
      expect([tz, t, wallClock(t, tz)]).toEqual([tz, t, intlWallClock(t, tz)]);
    }
  });

  it('Stockholm: +1 h in winter, +2 h in summer, switching at 01:00 UTC', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 0, 59, 59), 'Europe/Stockholm')).toBe(3600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 1, 0, 0), 'Europe/Stockholm')).toBe(7200_000);
    expect(wallClock(Date.UTC(2026, 11, 24, 23, 30), 'Europe/Stockholm')).toEqual({ y: 2026, m: 12, d: 25, h: 0, mi: 30, s: 0, weekday: 5 });
  });

  it('an unknown zone is refused', () => {
    expect(isValidTimezone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimezone('Europe/Helsinki')).toBe(true);
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

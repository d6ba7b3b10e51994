import { BusinessCalendar } from './business-calendar';

const cal = new BusinessCalendar();
/** Local Stockholm wall-clock time → instant (explicit offsets keep the test readable). */
const at = (s: string) => new Date(s);
const minutes = (a: string, b: string) => cal.businessMinutes(at(a), at(b));

describe('business time (08–17 Mon–Fri, Swedish holidays, Europe/Stockholm)', () => {
  it('counts time inside opening hours on the same day', () => {
    expect(minutes('2026-11-10T09:00:00+01:00', '2026-11-10T10:30:00+01:00')).toBe(90);
  });

  it('clips the parts before opening and after closing', () => {
    expect(minutes('2026-11-10T06:00:00+01:00', '2026-11-10T07:00:00+01:00')).toBe(0);
    expect(minutes('2026-11-10T07:00:00+01:00', '2026-11-10T09:00:00+01:00')).toBe(60);
    expect(minutes('2026-11-10T16:30:00+01:00', '2026-11-10T18:00:00+01:00')).toBe(30);
    expect(minutes('2026-11-10T18:00:00+01:00', '2026-11-11T08:00:00+01:00')).toBe(0);
  });

  it('skips the weekend', () => {
    expect(minutes('2026-11-13T16:00:00+01:00', '2026-11-16T09:00:00+01:00')).toBe(120);
    expect(minutes('2026-11-14T10:00:00+01:00', '2026-11-15T12:00:00+01:00')).toBe(0);
  });

  it('counts a whole week as five nine-hour days', () => {
    expect(minutes('2026-11-09T08:00:00+01:00', '2026-11-16T08:00:00+01:00')).toBe(5 * 9 * 60);
  });

  it('skips Easter (långfredagen, annandag påsk) but not skärtorsdagen', () => {
    expect(cal.isBusinessDay('2026-04-02')).toBe(true);
    expect(cal.isBusinessDay('2026-04-03')).toBe(false);
    expect(cal.isBusinessDay('2026-04-06')).toBe(false);
    expect(minutes('2026-04-02T16:00:00+02:00', '2026-04-07T09:00:00+02:00')).toBe(120);
  });

  it('closes on midsommarafton, julafton and nyårsafton as Swedish offices do', () => {
    expect(cal.isBusinessDay('2026-06-19')).toBe(false);
    expect(cal.isBusinessDay('2026-12-24')).toBe(false);
    expect(cal.isBusinessDay('2026-12-31')).toBe(false);
    expect(cal.isBusinessDay('2026-12-23')).toBe(true);
    expect(minutes('2026-12-23T16:00:00+01:00', '2026-12-28T09:00:00+01:00')).toBe(120);
  });

  it('handles a national day on a weekday and Ascension Day', () => {
    expect(cal.isBusinessDay('2025-06-06')).toBe(false); // Friday
    expect(cal.isBusinessDay('2026-05-14')).toBe(false); // Kristi himmelsfärdsdag
  });

  it('uses local time across the daylight-saving change', () => {
    // 2026-03-29 clocks go forward; Friday is +01:00, Monday +02:00.
    expect(minutes('2026-03-27T16:00:00+01:00', '2026-03-30T09:00:00+02:00')).toBe(120);
    expect(cal.instantAt('2026-03-30', 8).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(cal.instantAt('2026-03-27', 8).toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(cal.localDate(at('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('is zero when the end is not after the start', () => {
    expect(minutes('2026-11-10T10:00:00+01:00', '2026-11-10T10:00:00+01:00')).toBe(0);
    expect(minutes('2026-11-10T11:00:00+01:00', '2026-11-10T10:00:00+01:00')).toBe(0);
  });

  it('counts fractions of a minute exactly', () => {
    expect(cal.businessMs(at('2026-11-10T09:00:00+01:00'), at('2026-11-10T09:00:30+01:00'))).toBe(30_000);
  });
});

import { BusinessCalendar, DEFAULT_BUSINESS_HOURS, localToInstant } from './business-calendar';

const sweden = new BusinessCalendar({ hours: DEFAULT_BUSINESS_HOURS, timezone: 'Europe/Stockholm', holidays: 'SE' });
const at = (iso: string) => new Date(iso);

describe('business-time arithmetic (08–17 Mon–Fri, Europe/Stockholm, Swedish holidays)', () => {
  it('adds hours inside one working day', () => {
    // Tue 2026-03-10 09:00 CET = 08:00Z
    expect(sweden.addBusinessHours(at('2026-03-10T08:00:00Z'), 4).toISOString()).toBe('2026-03-10T12:00:00.000Z');
  });

  it('carries the rest over the night to the next opening', () => {
    // Tue 16:00 CET + 2 h → 1 h on Tuesday, 1 h from Wednesday 08:00 → Wed 09:00 CET
    expect(sweden.addBusinessHours(at('2026-03-10T15:00:00Z'), 2).toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });

  it('skips the weekend: Friday 16:00 + 8 h is Monday 15:00', () => {
    expect(sweden.addBusinessHours(at('2026-03-13T15:00:00Z'), 8).toISOString()).toBe('2026-03-16T14:00:00.000Z');
  });

  it('starts counting at the next opening when received out of hours', () => {
    // Saturday night → Monday 08:00 + 1 h
    expect(sweden.addBusinessHours(at('2026-03-14T22:00:00Z'), 1).toISOString()).toBe('2026-03-16T08:00:00.000Z');
    // before opening on a weekday
    expect(sweden.addBusinessHours(at('2026-03-10T05:00:00Z'), 0.5).toISOString()).toBe('2026-03-10T07:30:00.000Z');
  });

  it('skips Swedish public holidays and the closed eves (Good Friday, Easter Monday, midsummer eve, Christmas)', () => {
    // Thu 2026-04-02 16:00 CEST + 2 h: Fri 3 Apr (långfredag) and Mon 6 Apr (annandag påsk) closed → Tue 7 Apr 09:00 CEST
    expect(sweden.addBusinessHours(at('2026-04-02T14:00:00Z'), 2).toISOString()).toBe('2026-04-07T07:00:00.000Z');
    // Thu 2026-06-18 16:00 + 2 h: midsommarafton (Fri) closed → Mon 22 Jun 09:00 CEST
    expect(sweden.addBusinessHours(at('2026-06-18T14:00:00Z'), 2).toISOString()).toBe('2026-06-22T07:00:00.000Z');
    // Wed 2026-12-23 16:00 CET + 2 h: 24, 25 Dec closed, 26–27 weekend → Mon 28 Dec 09:00 CET
    expect(sweden.addBusinessHours(at('2026-12-23T15:00:00Z'), 2).toISOString()).toBe('2026-12-28T08:00:00.000Z');
  });

  it('keeps wall-clock opening hours across the daylight-saving change', () => {
    // Fri 2026-03-27 16:00 CET + 2 h → Mon 30 Mar 09:00 CEST (= 07:00Z, summer time since Sunday)
    expect(sweden.addBusinessHours(at('2026-03-27T15:00:00Z'), 2).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(new Date(localToInstant(2026, 3, 30, 8 * 60, 'Europe/Stockholm')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('counts a 24/7 calendar without holidays as plain time, and zero hours as "now" when open', () => {
    const always = new BusinessCalendar({ hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }, timezone: 'Europe/Stockholm', holidays: null });
    expect(always.addBusinessHours(at('2026-12-24T23:30:00Z'), 1.5).toISOString()).toBe('2026-12-25T01:00:00.000Z');
    expect(sweden.addBusinessHours(at('2026-03-10T10:00:00Z'), 0).toISOString()).toBe('2026-03-10T10:00:00.000Z');
  });

  it('spans many days for long SLAs (80 business hours = 2 working weeks)', () => {
    // Mon 2026-03-02 08:00 CET + 80 h (9 h a day) → 8 full days + 8 h → Thu 12 Mar 16:00 CET
    expect(sweden.addBusinessHours(at('2026-03-02T07:00:00Z'), 80).toISOString()).toBe('2026-03-12T15:00:00.000Z');
  });

  it('refuses impossible calendars and negative hours', () => {
    expect(() => new BusinessCalendar({ hours: { days: [1], opens: '17:00', closes: '08:00' }, timezone: 'Europe/Stockholm', holidays: null })).toThrow(/after opening/);
    expect(() => new BusinessCalendar({ hours: { days: [8], opens: '08:00', closes: '17:00' }, timezone: 'Europe/Stockholm', holidays: null })).toThrow(/weekdays/);
    expect(() => new BusinessCalendar({ hours: DEFAULT_BUSINESS_HOURS, timezone: 'Mars/Olympus', holidays: null })).toThrow(/time zone/);
    expect(() => sweden.addBusinessHours(new Date(), -1)).toThrow();
  });
});

import { BusinessCalendar } from './business-calendar';

const lunch = new BusinessCalendar({
  hours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00', breaks: [{ from: '12:00', to: '13:00' }] },
  timezone: 'Europe/Stockholm', holidays: 'SE',
});
const long = new BusinessCalendar({ hours: { days: [1, 2, 3, 4, 5], opens: '07:00', closes: '19:00' }, timezone: 'Europe/Stockholm', holidays: 'SE' });
const at = (iso: string) => new Date(iso);

describe('split days and long days', () => {
  it('adds hours around a lunch closure (08–12 and 13–17)', () => {
    // Fri 2026-11-20 16:00 CET + 8 h: 1 h Friday, Monday 08–12 and 13–16
    expect(lunch.addBusinessHours(at('2026-11-20T15:00:00Z'), 8).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    // A clock started during lunch runs from 13:00.
    expect(lunch.addBusinessHours(at('2026-11-23T11:30:00Z'), 1).toISOString()).toBe('2026-11-23T13:00:00.000Z');
  });

  it('counts business time back the same way, so a due time is exactly its hours away', () => {
    const start = at('2026-11-20T15:00:00Z');
    for (const cal of [lunch, long]) expect(cal.businessMinutes(start, cal.addBusinessHours(start, 8))).toBe(8 * 60);
    expect(lunch.businessMinutes(at('2026-11-23T10:00:00Z'), at('2026-11-23T13:00:00Z'))).toBe(120); // 11–12, 13–14 local
    expect(long.addBusinessHours(start, 8).toISOString()).toBe('2026-11-23T11:00:00.000Z'); // Fri 16–19, Mon 07–12 local
  });

  it('refuses breaks outside the day, overlapping or backwards', () => {
    const hours = (breaks: Array<{ from: string; to: string }>) => ({ hours: { days: [1], opens: '08:00', closes: '17:00', breaks }, timezone: 'Europe/Stockholm', holidays: null });
    expect(() => new BusinessCalendar(hours([{ from: '07:00', to: '09:00' }]))).toThrow(/between opening and closing/);
    expect(() => new BusinessCalendar(hours([{ from: '13:00', to: '12:00' }]))).toThrow(/end after/);
    expect(() => new BusinessCalendar(hours([{ from: '11:00', to: '13:00' }, { from: '12:00', to: '14:00' }]))).toThrow(/overlap/);
  });
});

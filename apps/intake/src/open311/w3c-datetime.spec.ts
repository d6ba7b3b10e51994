import { formatW3cDateTime, parseW3cDateTime } from './w3c-datetime';

describe('W3C datetimes', () => {
  it('parses Z and numeric offsets to the same instant', () => {
    expect(parseW3cDateTime('1994-11-05T13:15:30Z')!.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('1994-11-05T08:15:30-05:00')!.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('2026-03-01T10:00+01:00')!.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(parseW3cDateTime('2026-03-01T10:00:00.250Z')!.toISOString()).toBe('2026-03-01T10:00:00.250Z');
  });

  it('reads an unencoded + that a query string turned into a space', () => {
    expect(parseW3cDateTime('2026-03-01T10:00:00 01:00')!.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses datetimes without a zone and impossible dates', () => {
    for (const bad of ['2026-03-01T10:00:00', '2026-03-01', '2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z',
      '2026-01-01T10:00:00+25:00', 'yesterday', '', '2026-01-01T10:00:00ZZ', '0099-01-01T00:00:00Z']) {
      expect([bad, parseW3cDateTime(bad)]).toEqual([bad, undefined]);
    }
  });

  it('formats whole seconds with the offset the zone has at that instant', () => {
    expect(formatW3cDateTime(new Date('2026-01-15T12:34:56.789Z'), 'Europe/Stockholm')).toBe('2026-01-15T13:34:56+01:00');
    expect(formatW3cDateTime(new Date('2026-07-15T12:34:56.789Z'), 'Europe/Stockholm')).toBe('2026-07-15T14:34:56+02:00');
    expect(formatW3cDateTime(new Date('2026-07-15T23:59:59.999Z'), 'UTC')).toBe('2026-07-15T23:59:59Z');
    expect(formatW3cDateTime(new Date('2026-07-15T02:00:00Z'), 'America/St_Johns')).toBe('2026-07-14T23:30:00-02:30');
  });

  it('round-trips what it writes', () => {
    const at = new Date('2026-10-25T00:59:59Z'); // the night Stockholm leaves summer time
    expect(parseW3cDateTime(formatW3cDateTime(at, 'Europe/Stockholm'))!.getTime()).toBe(at.getTime());
  });
});

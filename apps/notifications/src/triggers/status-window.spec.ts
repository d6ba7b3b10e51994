import { statusUpdateAllowed } from './status-window';

describe('status update window', () => {
  const now = new Date('2026-11-23T10:10:00Z');
  const tenMinutes = 10 * 60 * 1000;

  it('allows the first status update', () => {
    expect(statusUpdateAllowed(null, now, tenMinutes)).toBe(true);
    expect(statusUpdateAllowed(undefined, now, tenMinutes)).toBe(true);
  });

  it('holds back updates inside the window and allows them from its end', () => {
    expect(statusUpdateAllowed(new Date('2026-11-23T10:05:00Z'), now, tenMinutes)).toBe(false);
    expect(statusUpdateAllowed(new Date('2026-11-23T10:00:00.001Z'), now, tenMinutes)).toBe(false);
    expect(statusUpdateAllowed(new Date('2026-11-23T10:00:00Z'), now, tenMinutes)).toBe(true);
    expect(statusUpdateAllowed(new Date('2026-11-23T09:00:00Z'), now, tenMinutes)).toBe(true);
  });

  it('with a zero window allows every update', () => {
    expect(statusUpdateAllowed(now, now, 0)).toBe(true);
  });
});

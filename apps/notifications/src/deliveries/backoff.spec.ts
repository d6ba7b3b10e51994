import { nextAttempt, retryDelayMs } from './backoff';

describe('retry backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000, maxAttempts: 5 };

  it('doubles per attempt from the base', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a, policy, noJitter))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('is capped at the maximum, also for absurd attempt counts', () => {
    expect(retryDelayMs(10, policy, () => 0)).toBe(60_000);
    expect(retryDelayMs(10_000, policy, () => 0)).toBe(60_000);
  });

  it('takes off at most a fifth as jitter', () => {
    expect(retryDelayMs(3, policy, () => 0.999999)).toBe(3200);
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(2, policy);
      expect(d).toBeGreaterThanOrEqual(1600);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });

  it('schedules the next attempt until the limit, then gives up', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(nextAttempt(1, policy, now, () => 0)).toEqual({ retryAt: new Date('2026-11-23T10:00:01Z') });
    expect(nextAttempt(4, policy, now, () => 0)).toEqual({ retryAt: new Date('2026-11-23T10:00:08Z') });
    expect(nextAttempt(5, policy, now)).toEqual({ giveUp: true });
  });
});

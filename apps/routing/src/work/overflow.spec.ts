import { sweepIntervalMs } from './overflow.service';

describe('overflow sweep interval', () => {
  it('is a tenth of the shorter wait, within the scheduler interval and 30 s', () => {
    expect(sweepIntervalMs({ overflowAfterSeconds: 900, supervisorAfterSeconds: 1800, schedulerIntervalMs: 1000 })).toBe(30_000);
    expect(sweepIntervalMs({ overflowAfterSeconds: 120, supervisorAfterSeconds: 60, schedulerIntervalMs: 1000 })).toBe(6_000);
    expect(sweepIntervalMs({ overflowAfterSeconds: 1, supervisorAfterSeconds: 2, schedulerIntervalMs: 100 })).toBe(100);
    expect(sweepIntervalMs({ overflowAfterSeconds: 1, supervisorAfterSeconds: 2, schedulerIntervalMs: 1000 })).toBe(1000);
  });
});

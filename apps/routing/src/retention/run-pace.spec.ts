import { pauseBeforeNextBatch } from './run-pace';

describe('the pace of a retention run', () => {
  it('waits until the inquiries published so far are on pace with the rate', () => {
    expect(pauseBeforeNextBatch(100, 200, 60, 0)).toBe(1467);
    expect(pauseBeforeNextBatch(600, 9_000, 60, 0)).toBe(1000);
  });

  it('never pauses less than the least pause, also when the run is behind its pace', () => {
    expect(pauseBeforeNextBatch(100, 5_000, 60, 100)).toBe(100);
    expect(pauseBeforeNextBatch(100, 5_000, 60, 0)).toBe(0);
  });
});

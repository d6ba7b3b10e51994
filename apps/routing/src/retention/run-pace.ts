/**
 * How long a retention run waits before its next batch. Each service removes what the run
 * publishes as fast as its consumers can, so the pace of publishing is the pace of the whole run:
 * held at `ratePerSecond`, the removals never pile up in the queues and then run at full speed
 * beside live traffic (intake's p99 stays low), and 1 M inquiries still go well within a night
 * (60/s is 4.6 h). `minPauseMs` is the least pause between two batches.
 */
export function pauseBeforeNextBatch(scheduled: number, elapsedMs: number, ratePerSecond: number, minPauseMs: number): number {
  const onPace = (scheduled * 1000) / ratePerSecond - elapsedMs;
  return Math.max(minPauseMs, Math.ceil(onPace));
}

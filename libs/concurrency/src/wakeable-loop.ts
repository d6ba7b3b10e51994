/**
 * What one step came to:
 * - `busy`: it did work and there may be more: the next step runs at once;
 * - `caught-up`: nothing more is known to be waiting: the loop sleeps until `wake()` or the poll;
 * - `waiting`: work is left but cannot go on yet (no room): the loop sleeps until `wake()`,
 *   `unblock()` or the poll.
 */
export type StepResult = 'busy' | 'caught-up' | 'waiting';

export interface WakeableLoopOptions {
  step: () => Promise<StepResult>;
  /** Sleep at most this long, then look again (work another process left behind). */
  pollMs: number;
  /** Pause after the n-th failed step in a row (n ≥ 1). */
  backoffMs: (failures: number) => number;
  /** Told of every failed step before the pause (log, drop a broken connection…). */
  onError?: (err: unknown, failures: number) => void | Promise<void>;
}

/**
 * Runs `step()` over and over while it finds work, and otherwise sleeps until woken or until the
 * poll interval has passed. A `wake()` that arrives while a step runs is not lost: that step's
 * `caught-up` does not put the loop to sleep (the step may have looked before the new work was
 * there). A failed step is retried after `backoffMs(failures)`. `stop()` ends a sleep or a pause
 * at once and resolves when the step in progress has finished.
 */
export class WakeableLoop {
  private running = false;
  private loop?: Promise<void>;
  /** Work may be waiting (a wake, the poll, or a step that was busy). */
  private due = true;
  /** Counts wakes, so one that arrives during a step is seen after it. */
  private wakes = 0;
  private interrupt?: (reason: 'wake' | 'unblock' | 'stop') => void;

  constructor(private readonly options: WakeableLoopOptions) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** True unless the last step was caught up and nothing woke the loop since. */
  get mayHaveWork(): boolean {
    return this.due;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.due = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.('stop');
    await this.loop;
  }

  /** New work may be waiting: step now (or right after the step in progress). */
  wake(): void {
    this.wakes++;
    this.due = true;
    this.interrupt?.('wake');
  }

  /** What a `waiting` step waited for has changed: step again, unless the loop is caught up. */
  unblock(): void {
    if (this.due) this.interrupt?.('unblock');
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      if (!this.due) {
        await this.sleep(this.options.pollMs, ['wake', 'stop']);
        this.due = true;
        continue;
      }
      const wakesBefore = this.wakes;
      let result: StepResult;
      try {
        result = await this.options.step();
        failures = 0;
      } catch (err) {
        failures++;
        try {
          await this.options.onError?.(err, failures);
        } catch {
          /* the pause below still applies */
        }
        await this.sleep(this.options.backoffMs(failures), ['stop']);
        continue;
      }
      if (result === 'busy') continue;
      const woken = this.wakes !== wakesBefore;
      if (result === 'caught-up') {
        // The step may have looked before the work a wake announced was there: then look again.
        if (!woken) this.due = false;
        continue;
      }
      if (!woken) await this.sleep(this.options.pollMs, ['wake', 'unblock', 'stop']);
    }
  }

  /** Sleeps `ms`, or less when one of `endsOn` happens (or the loop is stopped). */
  private sleep(ms: number, endsOn: Array<'wake' | 'unblock' | 'stop'>): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = (reason) => {
        if (endsOn.includes(reason)) done();
      };
    });
  }
}

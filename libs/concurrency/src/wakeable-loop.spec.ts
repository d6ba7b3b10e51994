import { StepResult, WakeableLoop } from './wakeable-loop';

/** Resolves once `check` holds, looking after every macrotask (no wall-clock assertion). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never happened: ${what}`);
}

const HOUR = 3600_000;

describe('WakeableLoop: steps while there is work, sleeps until woken', () => {
  const loops: WakeableLoop[] = [];
  afterEach(async () => {
    await Promise.all(loops.splice(0).map((l) => l.stop()));
  });
  const loop = (step: () => Promise<StepResult>, more: Partial<ConstructorParameters<typeof WakeableLoop>[0]> = {}) => {
    const l = new WakeableLoop({ step, pollMs: HOUR, backoffMs: () => HOUR, ...more });
    loops.push(l);
    return l;
  };

  it('steps at once on start, again while steps are busy, and sleeps once caught up until woken', async () => {
    const results: StepResult[] = ['busy', 'busy', 'caught-up', 'caught-up'];
    let steps = 0;
    const l = loop(async () => results[steps++] ?? 'caught-up');
    l.start();
    await until(() => steps === 3, 'three steps');
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toBe(3);
    expect(l.mayHaveWork).toBe(false);
    l.wake();
    await until(() => steps === 4, 'the step after a wake');
  });

  it('does not lose a wake that arrives while a step runs: it steps again', async () => {
    let steps = 0;
    let l!: WakeableLoop;
    l = loop(async () => {
      steps++;
      // New work arrives while this step looks: it may have looked too early.
      if (steps === 1) l.wake();
      return 'caught-up';
    });
    l.start();
    await until(() => steps === 2, 'a second step');
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toBe(2);
  });

  it('looks again after the poll interval without a wake', async () => {
    let steps = 0;
    const l = loop(async () => {
      steps++;
      return 'caught-up';
    }, { pollMs: 5 });
    l.start();
    await until(() => steps >= 3, 'steps on the poll');
  });

  it('a waiting step resumes on unblock, which does nothing to a caught-up loop', async () => {
    const results: StepResult[] = ['waiting', 'caught-up'];
    let steps = 0;
    const l = loop(async () => results[steps++] ?? 'caught-up');
    l.start();
    await until(() => steps === 1, 'the first step');
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toBe(1);
    expect(l.mayHaveWork).toBe(true);
    l.unblock();
    await until(() => steps === 2, 'the step after unblock');
    l.unblock();
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toBe(2);
  });

  it('pauses after a failed step by the backoff of its failures in a row, and tells onError', async () => {
    const errors: Array<[string, number]> = [];
    const pauses: number[] = [];
    let steps = 0;
    const l = loop(async () => {
      steps++;
      if (steps <= 3) throw new Error(`failure ${steps}`);
      return 'caught-up';
    }, {
      backoffMs: (failures) => {
        pauses.push(failures);
        return 1;
      },
      onError: (err, failures) => { errors.push([(err as Error).message, failures]); },
    });
    l.start();
    await until(() => steps === 4, 'the step after three failures');
    expect(errors).toEqual([['failure 1', 1], ['failure 2', 2], ['failure 3', 3]]);
    expect(pauses).toEqual([1, 2, 3]);
  });

  it('keeps stepping when onError itself throws', async () => {
    let steps = 0;
    const l = loop(async () => {
      steps++;
      if (steps === 1) throw new Error('step failed');
      return 'caught-up';
    }, { backoffMs: () => 1, onError: () => { throw new Error('logging failed'); } });
    l.start();
    await until(() => steps === 2, 'the step after the failure');
  });

  it('stop ends a sleep and a backoff pause at once, and waits for the step in progress', async () => {
    const sleeping = loop(async () => 'caught-up');
    sleeping.start();
    await new Promise((r) => setImmediate(r));
    await sleeping.stop();
    expect(sleeping.isRunning).toBe(false);

    const failing = loop(async () => { throw new Error('down'); });
    failing.start();
    await new Promise((r) => setImmediate(r));
    await failing.stop();

    let release!: () => void;
    let finished = false;
    const busy = loop(() => new Promise<StepResult>((resolve) => {
      release = () => {
        finished = true;
        resolve('busy');
      };
    }));
    busy.start();
    await until(() => release !== undefined, 'the step to start');
    let stopped = false;
    const stopping = busy.stop().then(() => { stopped = true; });
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
  });
});

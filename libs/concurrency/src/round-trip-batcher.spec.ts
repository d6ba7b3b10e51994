import { fulfilled, rejected, RoundTripBatcher } from './round-trip-batcher';

/** A round trip the test ends by hand, recording each batch it was given. */
function manualTrips<Req, Res>(answer: (req: Req) => Res | Error) {
  const batches: Req[][] = [];
  const ends: Array<() => void> = [];
  let open = 0;
  let mostOpen = 0;
  const roundTrip = (batch: Req[]) => {
    batches.push(batch);
    open++;
    mostOpen = Math.max(mostOpen, open);
    return new Promise<Array<PromiseSettledResult<Res>>>((resolve) => {
      ends.push(() => {
        open--;
        resolve(batch.map((r) => {
          const a = answer(r);
          return a instanceof Error ? rejected(a) : fulfilled(a);
        }));
      });
    });
  };
  const endNext = async () => {
    ends.shift()!();
    // Let the answers and the next round trip's start run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { roundTrip, batches, endNext, mostOpen: () => mostOpen };
}

describe('RoundTripBatcher: waiters share one round trip', () => {
  it('sends a request alone when nothing is on its way', async () => {
    const t = manualTrips((n: number) => n * 2);
    const b = new RoundTripBatcher(t.roundTrip, { maxBatch: 10 });
    const first = b.submit(1);
    expect(t.batches).toEqual([[1]]);
    await t.endNext();
    await expect(first).resolves.toBe(2);
    const second = b.submit(2);
    expect(t.batches).toEqual([[1], [2]]);
    await t.endNext();
    await expect(second).resolves.toBe(4);
  });

  it('queues the requests that arrive while a round trip is on its way and sends them together in the next, each with its own result', async () => {
    const t = manualTrips((n: number) => `r${n}`);
    const b = new RoundTripBatcher(t.roundTrip, { maxBatch: 10 });
    const results = [1, 2, 3, 4].map((n) => b.submit(n));
    expect(t.batches).toEqual([[1]]);
    expect(b.pending).toBe(4);
    await t.endNext();
    expect(t.batches).toEqual([[1], [2, 3, 4]]);
    await t.endNext();
    expect(await Promise.all(results)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(b.pending).toBe(0);
  });

  it('puts at most maxBatch requests in one round trip', async () => {
    const t = manualTrips((n: number) => n);
    const b = new RoundTripBatcher(t.roundTrip, { maxBatch: 3 });
    const results = Array.from({ length: 8 }, (_, i) => b.submit(i));
    while (b.pending) await t.endNext();
    await Promise.all(results);
    expect(t.batches).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it('keeps at most `concurrency` round trips on their way', async () => {
    const t = manualTrips((n: number) => n);
    const b = new RoundTripBatcher(t.roundTrip, { maxBatch: 2, concurrency: 2 });
    const results = Array.from({ length: 7 }, (_, i) => b.submit(i));
    expect(t.batches).toEqual([[0], [1]]);
    while (b.pending) await t.endNext();
    await Promise.all(results);
    expect(t.mostOpen()).toBe(2);
    expect(t.batches).toEqual([[0], [1], [2, 3], [4, 5], [6]]);
  });

  it('answers a request that failed on its own with its own error, the others of its batch with their results', async () => {
    const t = manualTrips((n: number) => (n === 3 ? new Error('three is refused') : n));
    const b = new RoundTripBatcher(t.roundTrip, { maxBatch: 10 });
    const results = [1, 2, 3, 4].map((n) => b.submit(n).then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    await t.endNext();
    await t.endNext();
    expect(await Promise.all(results)).toEqual([{ v: 1 }, { v: 2 }, { e: 'three is refused' }, { v: 4 }]);
  });

  it('fails every request of a round trip that threw, and sends the next requests in a new one', async () => {
    let fail = true;
    const seen: number[][] = [];
    const b = new RoundTripBatcher(async (batch: number[]) => {
      seen.push(batch);
      await new Promise((r) => setImmediate(r));
      if (fail) throw new Error('connection lost');
      return batch.map((n) => fulfilled(n));
    }, { maxBatch: 10 });
    const failed = [1, 2].map((n) => b.submit(n).catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost']);
    fail = false;
    await expect(b.submit(3)).resolves.toBe(3);
  });

  it('fails the batch when the round trip answers a different number of requests', async () => {
    const b = new RoundTripBatcher(async () => [fulfilled(1)], { maxBatch: 10 });
    const results = [b.submit(1), b.submit(2), b.submit(3)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(results)).toEqual([1, expect.stringMatching(/answered 1 of 2/), expect.stringMatching(/answered 1 of 2/)]);
  });

  it('is idle once every request queued or on its way is answered', async () => {
    const t = manualTrips((n: number) => n);
    const b = new RoundTripBatcher(t.roundTrip, { maxBatch: 10 });
    const answered: number[] = [];
    for (const n of [1, 2, 3]) void b.submit(n).then((v) => answered.push(v));
    let idle = false;
    const idling = b.idle().then(() => { idle = true; });
    await t.endNext();
    expect(idle).toBe(false);
    await t.endNext();
    await idling;
    expect(answered).toEqual([1, 2, 3]);
  });
});

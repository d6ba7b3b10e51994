/** What one request of a round trip came to: its own value or its own error. */
export type Settled<Res> = PromiseSettledResult<Res>;

export const fulfilled = <Res>(value: Res): Settled<Res> => ({ status: 'fulfilled', value });
export const rejected = (reason: unknown): Settled<never> => ({ status: 'rejected', reason });

/**
 * One round trip for a batch of requests: one settled result per request, in the batch's order.
 * Throwing fails every request of the batch with that error.
 */
export type RoundTrip<Req, Res> = (batch: Req[]) => Promise<ReadonlyArray<Settled<Res>>>;

export interface RoundTripOptions {
  /** Most requests in one round trip. */
  maxBatch: number;
  /** Round trips on their way at the same time (1: the next one starts when the last one ended). */
  concurrency?: number;
}

interface Waiting<Req, Res> {
  req: Req;
  resolve: (res: Res) => void;
  reject: (err: unknown) => void;
}

/**
 * Callers that share one round trip: while `concurrency` round trips are on their way, new
 * requests queue, and as soon as one ends the queued requests (at most `maxBatch`) go together
 * in the next. At low load nothing waits and every request goes alone; under load the batches
 * grow instead of the queue. Each caller gets the result or the error of its own request.
 */
export class RoundTripBatcher<Req, Res> {
  private readonly waiting: Array<Waiting<Req, Res>> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private sending = 0;

  constructor(private readonly roundTrip: RoundTrip<Req, Res>, private readonly options: RoundTripOptions) {
    if (!(options.maxBatch >= 1)) throw new Error('maxBatch must be at least 1');
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  submit(req: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.waiting.push({ req, resolve, reject });
      this.pump();
    });
  }

  /** Requests queued or on their way. */
  get pending(): number {
    return this.waiting.length + this.sending;
  }

  /** Resolves once nothing is queued or on its way (requests submitted meanwhile included). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    while (this.inFlight.size < this.concurrency && this.waiting.length) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.sending += batch.length;
      const trip: Promise<void> = this.run(batch).finally(() => {
        this.sending -= batch.length;
        this.inFlight.delete(trip);
        this.pump();
      });
      this.inFlight.add(trip);
    }
  }

  private async run(batch: Array<Waiting<Req, Res>>): Promise<void> {
    let results: ReadonlyArray<Settled<Res>>;
    try {
      results = await this.roundTrip(batch.map((w) => w.req));
      if (results.length !== batch.length) throw new Error(`round trip answered ${results.length} of ${batch.length} requests`);
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const r = results[i];
      if (r.status === 'fulfilled') w.resolve(r.value);
      else w.reject(r.reason);
    });
  }
}

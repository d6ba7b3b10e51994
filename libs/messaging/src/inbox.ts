import { EventEnvelope } from '@lotsen/contracts';
import { code, isDatabaseUnavailable, isTransientConflict, named, UnitOfWork } from '@lotsen/persistence';
import { batchCalls } from './event-batch';

export type BatchOutcome = 'handled' | 'duplicate' | Error;

/**
 * Exactly-once effect for at-least-once delivery: the event id is recorded in the same
 * transaction as the handler's effect; a redelivered event finds it and is skipped.
 */
export class Inbox {
  /**
   * `claims: false` is for consumers whose effects are idempotent by event id on their own (e.g.
   * an INSERT … ON CONFLICT (id) DO NOTHING of the event): no inbox row is written, and a batch
   * whose effects only collected writes goes to the database as ONE auto-committed statement
   * instead of START, the inbox row, the writes and COMMIT.
   */
  constructor(private readonly tx: UnitOfWork, private readonly schema: string, private readonly options: { claims: boolean } = { claims: true }) {}

  /**
   * Handles a batch of events in ONE transaction. The batch's inbox rows are claimed with one
   * statement and the effects run back to back: `effect` is called once per call of batchCalls
   * (the events of a batch handler together, `takesBatch`, every other event alone). If an effect
   * fails, that transaction is rolled back and the batch is run again with a savepoint per event,
   * each event alone (a batch handler gets a batch of one), so a failing handler rolls back only
   * its own effect and inbox row. Losing the database (or a deadlock) fails the whole batch, which
   * the caller retries; nothing is acked before commit.
   */
  async handleBatch(
    consumer: string, events: EventEnvelope[], effect: (events: EventEnvelope[]) => Promise<void>, takesBatch: (event: EventEnvelope) => boolean = () => false,
  ): Promise<BatchOutcome[]> {
    try {
      return await this.tx.run(async (m) => {
        const claimed: Array<{ event_id: string }> = this.options.claims
          ? await m.query(
            named`INSERT INTO "${code(this.schema)}".inbox (consumer, event_id, event_type)
             SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [consumer, events.map((e) => e.id), events.map((e) => e.type)],
          )
          : events.map((e) => ({ event_id: e.id }));
        // The same event twice in one batch (a redelivery) is handled at its first position.
        const fresh = new Set(claimed.map((r) => r.event_id));
        const outcomes: BatchOutcome[] = events.map((e) => (fresh.delete(e.id) ? 'handled' : 'duplicate'));
        const handled = events.filter((_, i) => outcomes[i] === 'handled');
        for (const call of batchCalls(handled, takesBatch)) await asEffect(() => effect(call));
        // Rows the effects collected (e.g. outbox rows) are written here; a failure is theirs too.
        // Without a claim they are left to the end of `run`, which sends them auto-committed
        // when no transaction was opened; a failure there is caught below like an effect's.
        if (this.options.claims) await asEffect(() => this.tx.flushCollected());
        return outcomes;
      });
    } catch (err) {
      if (isDatabaseUnavailable(err) || isTransientConflict(err)) throw err;
      if (this.options.claims && !(err instanceof EffectFailed)) throw err;
      const failure = err instanceof EffectFailed ? err.failure : err instanceof Error ? err : new Error(String(err));
      if (events.length === 1) return [failure];
      return this.handleEachUnderSavepoint(consumer, events, effect);
    }
  }

  private async handleEachUnderSavepoint(consumer: string, events: EventEnvelope[], effect: (events: EventEnvelope[]) => Promise<void>): Promise<BatchOutcome[]> {
    return this.tx.run(async (m) => {
      const outcomes: BatchOutcome[] = [];
      const handled = new Set<string>();
      for (let i = 0; i < events.length; i++) {
        await m.query('SAVEPOINT inbox_event');
        try {
          const rows: unknown[] = !this.options.claims ? (handled.has(events[i].id) ? [] : [1]) : await m.query(
            `INSERT INTO "${this.schema}".inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [consumer, events[i].id, events[i].type],
          );
          if (rows.length) await effect([events[i]]);
          await this.tx.flushCollected();
          await m.query('RELEASE SAVEPOINT inbox_event');
          handled.add(events[i].id);
          outcomes.push(rows.length ? 'handled' : 'duplicate');
        } catch (err) {
          if (isDatabaseUnavailable(err) || isTransientConflict(err)) throw err;
          this.tx.discardCollected();
          await m.query('ROLLBACK TO SAVEPOINT inbox_event');
          await m.query('RELEASE SAVEPOINT inbox_event');
          outcomes.push(err instanceof Error ? err : new Error(String(err)));
        }
      }
      return outcomes;
    });
  }
}

async function asEffect(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    throw isDatabaseUnavailable(err) || isTransientConflict(err) ? err : new EffectFailed(err instanceof Error ? err : new Error(String(err)));
  }
}

/** A handler's own failure (not the database's): the batch is retried event by event. */
class EffectFailed extends Error {
  constructor(readonly failure: Error) {
    super(failure.message);
  }
}

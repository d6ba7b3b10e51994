import { EventEnvelope } from '@lotsen/contracts';
import { isDatabaseUnavailable, isTransientConflict, TransactionContext } from '@lotsen/persistence';

export type BatchOutcome = 'handled' | 'duplicate' | Error;

/**
 * Exactly-once effect for at-least-once delivery: the event id is recorded in the same
 * transaction as the handler's effect; a redelivered event finds it and is skipped.
 */
export class Inbox {
  constructor(private readonly tx: TransactionContext, private readonly schema: string) {}

  /** Runs `effect` in a transaction unless `consumer` already handled `event`; true if it ran. */
  async handleOnce(consumer: string, event: EventEnvelope, effect: () => Promise<void>): Promise<boolean> {
    return this.tx.run(async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO "${this.schema}".inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [consumer, event.id, event.type],
      );
      if (rows.length === 0) return false;
      await effect();
      return true;
    });
  }

  /**
   * The same for a batch, in ONE transaction: each event runs under its own savepoint, so a
   * failing handler rolls back only its own effect and inbox row. Losing the database (or a
   * deadlock) fails the whole batch, which the caller retries; nothing is acked before commit.
   */
  async handleBatch(consumer: string, events: EventEnvelope[], effect: (event: EventEnvelope, index: number) => Promise<void>): Promise<BatchOutcome[]> {
    return this.tx.run(async (m) => {
      const outcomes: BatchOutcome[] = [];
      for (let i = 0; i < events.length; i++) {
        await m.query('SAVEPOINT inbox_event');
        try {
          const rows: unknown[] = await m.query(
            `INSERT INTO "${this.schema}".inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [consumer, events[i].id, events[i].type],
          );
          if (rows.length) await effect(events[i], i);
          await m.query('RELEASE SAVEPOINT inbox_event');
          outcomes.push(rows.length ? 'handled' : 'duplicate');
        } catch (err) {
          if (isDatabaseUnavailable(err) || isTransientConflict(err)) throw err;
          await m.query('ROLLBACK TO SAVEPOINT inbox_event');
          await m.query('RELEASE SAVEPOINT inbox_event');
          outcomes.push(err instanceof Error ? err : new Error(String(err)));
        }
      }
      return outcomes;
    });
  }
}

import { EventEnvelope } from '@lotsen/contracts';
import { TransactionContext } from '@lotsen/persistence';

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
}

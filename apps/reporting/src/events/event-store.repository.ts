import { Injectable } from '@nestjs/common';
import { EventEnvelope, redactForStorage } from '@lotsen/contracts';
import { TransactionContext } from '@lotsen/persistence';

@Injectable()
export class EventStoreRepository {
  constructor(private readonly tx: TransactionContext) {}

  /**
   * Keeps the event (redacted, with its topic words) once, and marks its stream for the
   * projector in the same statement; false if the event was already there.
   */
  async append(event: EventEnvelope, stream: string | undefined, terms: string[] | null): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.tx.manager.query(
      `WITH ins AS (
         INSERT INTO reporting.events (id, type, tenant_id, occurred_at, stream, terms, envelope) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO NOTHING RETURNING tenant_id, stream
       ), mark AS (
         INSERT INTO reporting.stream_dirty (tenant_id, stream) SELECT tenant_id, stream FROM ins WHERE stream IS NOT NULL
       )
       SELECT count(*)::int AS n FROM ins`,
      [event.id, event.type, event.tenantId, event.occurredAt, stream ?? null, terms, JSON.stringify(redactForStorage(event))],
    );
    return rows[0].n === 1;
  }
}

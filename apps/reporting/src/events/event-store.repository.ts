import { Injectable } from '@nestjs/common';
import { EventEnvelope, redactForStorage } from '@lotsen/contracts';
import { TransactionContext } from '@lotsen/persistence';

@Injectable()
export class EventStoreRepository {
  constructor(private readonly tx: TransactionContext) {}

  /** Keeps the event (redacted) once; false if it was already there. */
  async append(event: EventEnvelope): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO reporting.events (id, type, tenant_id, occurred_at, envelope) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING 1`,
      [event.id, event.type, event.tenantId, event.occurredAt, JSON.stringify(redactForStorage(event))],
    );
    return rows.length === 1;
  }
}

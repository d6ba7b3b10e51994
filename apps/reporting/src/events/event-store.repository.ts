import { Injectable } from '@nestjs/common';
import { EventEnvelope, redactForStorage } from '@lotsen/contracts';
import { UnitOfWork } from '@lotsen/persistence';

const EVENT_ROWS = Symbol('reporting event rows');
type EventRow = [id: string, type: string, tenantId: string, occurredAt: string, stream: string | null, terms: string | null, envelope: string];

@Injectable()
export class EventStoreRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /**
   * Keeps the event (redacted, with its topic words) once, and marks its stream for the
   * projector. The rows of one transaction (a consumer batch) are written together at commit,
   * in one statement; an event already stored is skipped there.
   */
  append(event: EventEnvelope, stream: string | undefined, terms: string[] | null): void {
    const row: EventRow = [event.id, event.type, event.tenantId, event.occurredAt, stream ?? null, terms && JSON.stringify(terms), JSON.stringify(redactForStorage(event))];
    this.tx.collect(EVENT_ROWS, row, (rows) => ({
      sql: `WITH ins AS (
         INSERT INTO reporting.events (id, type, tenant_id, occurred_at, stream, terms, envelope)
         SELECT e.id, e.type, e.tenant_id, e.occurred_at, e.stream,
           CASE WHEN e.terms IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(e.terms)) END, e.envelope
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[], $7::jsonb[])
           AS e(id, type, tenant_id, occurred_at, stream, terms, envelope)
         ON CONFLICT (id) DO NOTHING RETURNING tenant_id, stream
       )
       INSERT INTO reporting.stream_dirty (tenant_id, stream) SELECT tenant_id, stream FROM ins WHERE stream IS NOT NULL`,
      params: [0, 1, 2, 3, 4, 5, 6].map((c) => rows.map((r) => r[c])),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@lotsen/contracts';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

/** Events that arrived before the inquiry.received of their inquiry; replayed when it arrives. */
@Injectable()
export class DeferredTriggersRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async defer(inquiryId: string, event: EventEnvelope): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO notifications.deferred_triggers (event_id, inquiry_id, envelope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [event.id, inquiryId, JSON.stringify(event)],
    );
  }

  /** Removes and returns the deferred events of an inquiry, oldest first. */
  async take(inquiryId: string): Promise<EventEnvelope[]> {
    const rows: Array<{ envelope: EventEnvelope }> = returningRows(await this.tx.manager.query(
      `DELETE FROM notifications.deferred_triggers WHERE inquiry_id = $1 RETURNING envelope`,
      [inquiryId],
    ));
    return rows.map((r) => r.envelope).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }
}

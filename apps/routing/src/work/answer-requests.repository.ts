import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

export type AnswerRequestOutcome = 'first' | 'repeat' | 'conflict';

/** Without a key, the same text by the same person on the same item within this window is a repeat (a double click). */
export const REPEAT_WINDOW_SECONDS = 120;

/** The Idempotency-Key of each answer, written in the answer's own transaction. */
@Injectable()
export class AnswerRequestsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /**
   * Claims the key for this answer. A concurrent request with the same key waits on the primary
   * key until the first commits (then it is a repeat) or rolls back (then it is the first).
   * With `reclaimAfterSeconds`, a claim older than that is taken over as a new first.
   */
  async claim(r: { tenantId: string; key: string; inquiryId: string; actor: string; bodyHash: string }, reclaimAfterSeconds?: number): Promise<AnswerRequestOutcome> {
    // Without `reclaimAfterSeconds` ($6 NULL) the WHERE is never true: a plain DO NOTHING.
    const inserted: unknown[] = await this.tx.manager.query(
      `INSERT INTO routing.answer_requests (tenant_id, key, inquiry_id, actor, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, key) DO UPDATE SET created_at = now()
         WHERE routing.answer_requests.created_at < now() - make_interval(secs => $6::float8)
       RETURNING 1`,
      [r.tenantId, r.key, r.inquiryId, r.actor, r.bodyHash, reclaimAfterSeconds ?? null],
    );
    if (inserted.length) return 'first';
    const [earlier]: { inquiry_id: string; actor: string; body_hash: string }[] = await this.tx.manager.query(
      `SELECT inquiry_id, actor, body_hash FROM routing.answer_requests WHERE tenant_id = $1 AND key = $2`, [r.tenantId, r.key],
    );
    return earlier && earlier.inquiry_id === r.inquiryId && earlier.actor === r.actor && earlier.body_hash === r.bodyHash ? 'repeat' : 'conflict';
  }
}

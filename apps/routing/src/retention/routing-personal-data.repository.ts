import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';
import { PersonalDataEraser, removalsStatement } from '@lotsen/retention';

/** History details that carry no free text (codes, departments, ids); everything else goes. */
const NEUTRAL_HISTORY_KEYS = ['agentId', 'from', 'to', 'toAgentId', 'resolutionCode', 'messageId', 'department', 'queue', 'category'];

/** $1 the inquiry, $2 the neutral history keys. */
const ERASE = removalsStatement([
  `UPDATE routing.inquiries SET subject = NULL, body = '', location = NULL WHERE id = $1 AND (body <> '' OR subject IS NOT NULL OR location IS NOT NULL) RETURNING 1`,
  `UPDATE routing.decisions SET reasons = '[]',
     classification = CASE WHEN jsonb_typeof(classification) = 'object' THEN classification - 'explanation' ELSE classification END
   WHERE inquiry_id = $1 AND (reasons <> '[]' OR classification ? 'explanation') RETURNING 1`,
  `UPDATE routing.work_items SET suggestions = '[]' WHERE inquiry_id = $1 AND suggestions <> '[]' RETURNING 1`,
  `UPDATE routing.work_history SET details = (SELECT COALESCE(jsonb_object_agg(k, v), '{}') FROM jsonb_each(details) AS e(k, v) WHERE k = ANY($2::text[]))
   WHERE inquiry_id = $1 AND EXISTS (SELECT 1 FROM jsonb_object_keys(details) k WHERE k <> ALL($2::text[])) RETURNING 1`,
  // A draft is the answer to this citizen; a published entry was reviewed and stripped of personal data, and only loses its link.
  `DELETE FROM routing.knowledge WHERE inquiry_id = $1 AND kind = 'answered' AND status = 'draft' RETURNING 1`,
  `UPDATE routing.knowledge SET inquiry_id = NULL WHERE inquiry_id = $1 AND NOT (kind = 'answered' AND status = 'draft') RETURNING 1`,
]);

/**
 * Routing's copy of an inquiry's personal data: the citizen's text and location, the words the
 * decision cites (they come from that text), staff notes and reasons, knowledge suggestions, and
 * the answer it learned from the case. Codes, times and the decision itself stay: they are the
 * statistics and the record of who handled what.
 */
@Injectable()
export class RoutingPersonalDataRepository implements PersonalDataEraser {
  constructor(private readonly tx: UnitOfWork) {}

  async erase(_tenantId: string, inquiryId: string): Promise<number> {
    const [{ rows }] = returningRows<{ rows: number }>(await this.tx.manager.query(ERASE, [inquiryId, NEUTRAL_HISTORY_KEYS]));
    return rows;
  }
}

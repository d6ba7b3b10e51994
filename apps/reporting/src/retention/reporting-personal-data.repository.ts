import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';
import { PersonalDataEraser } from '@lotsen/retention';

/**
 * Free text that came with an inquiry's stored events, although redacted at ingestion: staff's
 * reasons (transfers, returns, reopening), a delivery's failure text, the decision's cited words,
 * the location, the external id; and the topic words taken from the citizen's text. None of it is
 * an input of a KPI, so every figure stays as it was. The stream is marked for the projector, which
 * folds the inquiry again: its facts lose the topic words, the word statistics with them.
 */
@Injectable()
export class ReportingPersonalDataRepository implements PersonalDataEraser {
  constructor(private readonly tx: UnitOfWork) {}

  async erase(tenantId: string, inquiryId: string): Promise<number> {
    const stream = `inquiry:${inquiryId}`;
    const changed = returningRows(await this.tx.manager.query(
      `UPDATE reporting.events SET terms = NULL,
         envelope = envelope #- '{payload,reason}' #- '{payload,reasons}' #- '{payload,location}' #- '{payload,externalId}'
       WHERE tenant_id = $1 AND stream = $2
         AND (terms IS NOT NULL OR envelope->'payload' ?| array['reason', 'reasons', 'location', 'externalId'])
       RETURNING 1`,
      [tenantId, stream],
    )).length;
    if (changed) await this.tx.manager.query(`INSERT INTO reporting.stream_dirty (tenant_id, stream) VALUES ($1, $2)`, [tenantId, stream]);
    return changed;
  }

  /** Reporting holds figures, and the topic words of each inquiry: that is what a person is shown. */
  async export(tenantId: string, inquiryIds: string[]) {
    const terms = await this.tx.manager.query(
      `SELECT substr(stream, 9)::uuid AS "inquiryId", terms FROM reporting.events
       WHERE tenant_id = $1 AND stream = ANY($2::text[]) AND terms IS NOT NULL AND cardinality(terms) > 0`,
      [tenantId, inquiryIds.map((id) => `inquiry:${id}`)],
    );
    return { terms };
  }
}

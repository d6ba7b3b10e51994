import { Injectable } from '@nestjs/common';
import { named, UnitOfWork } from '@lotsen/persistence';
import { Agreement } from '../catalogue/agreement';
import { toAgreement } from '../catalogue/catalogue.repository';

export interface RoutingInquiry {
  id: string;
  tenantId: string;
  reference: string;
  channel: string;
  subject: string | null;
  body: string;
  language: string;
  sensitive: boolean;
  location: unknown;
  receivedAt: Date;
}

@Injectable()
export class RoutingInquiriesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /**
   * Stores the inquiry (`fresh` false when it is known already: routed once, whatever the event
   * id) and, in the same round trip, reads the current agreement of `category` if one is given.
   */
  async insertAndReadAgreement(
    i: Omit<RoutingInquiry, 'receivedAt'> & { receivedAt: string }, category: string | null,
  ): Promise<{ fresh: boolean; agreement?: Agreement }> {
    const [row] = await this.tx.manager.query(
      named`WITH ins AS (
         INSERT INTO routing.inquiries (id, tenant_id, reference, channel, subject, body, language, sensitive, location, received_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id) DO NOTHING RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM ins) AS fresh,
         (SELECT to_jsonb(a) FROM routing.agreements a WHERE a.tenant_id = $2 AND a.category = $11 ORDER BY a.version DESC LIMIT 1) AS agreement`,
      [i.id, i.tenantId, i.reference, i.channel, i.subject, i.body, i.language, i.sensitive, i.location ? JSON.stringify(i.location) : null, i.receivedAt, category],
    );
    return { fresh: row.fresh, agreement: row.agreement ? toAgreement(row.agreement) : undefined };
  }

  /** insertAndReadAgreement() for many inquiries in one statement: `fresh` and agreement by inquiry id. */
  async insertManyAndReadAgreements(
    rows: Array<Omit<RoutingInquiry, 'receivedAt'> & { receivedAt: string; category: string | null }>,
  ): Promise<Map<string, { fresh: boolean; agreement?: Agreement }>> {
    if (rows.length === 1) { // the plainer statement
      const [{ category, ...inquiry }] = rows;
      return new Map([[inquiry.id, await this.insertAndReadAgreement(inquiry, category)]]);
    }
    const result: Array<{ id: string; fresh: boolean; agreement: Record<string, unknown> | null }> = await this.tx.manager.query(
      named`WITH v AS (
         SELECT * FROM json_to_recordset($1::json) AS v(id uuid, tenant_id text, reference text, channel text, subject text, body text,
           language text, sensitive boolean, location jsonb, received_at timestamptz, category text)
       ), ins AS (
         INSERT INTO routing.inquiries (id, tenant_id, reference, channel, subject, body, language, sensitive, location, received_at)
         SELECT id, tenant_id, reference, channel, subject, body, language, sensitive, location, received_at FROM v ORDER BY id
         ON CONFLICT (id) DO NOTHING RETURNING id
       )
       SELECT v.id, v.id IN (SELECT id FROM ins) AS fresh,
         (SELECT to_jsonb(a) FROM routing.agreements a WHERE a.tenant_id = v.tenant_id AND a.category = v.category ORDER BY a.version DESC LIMIT 1) AS agreement
       FROM v`,
      [JSON.stringify(rows.map((i) => ({
        id: i.id, tenant_id: i.tenantId, reference: i.reference, channel: i.channel, subject: i.subject, body: i.body, language: i.language,
        sensitive: i.sensitive, location: i.location, received_at: i.receivedAt, category: i.category,
      })))],
    );
    return new Map(result.map((r) => [r.id, { fresh: r.fresh, agreement: r.agreement ? toAgreement(r.agreement) : undefined }]));
  }

  async find(tenantId: string, id: string): Promise<RoutingInquiry | undefined> {
    const [r] = await this.tx.manager.query(`SELECT * FROM routing.inquiries WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
    return r ? { id: r.id, tenantId: r.tenant_id, reference: r.reference, channel: r.channel, subject: r.subject, body: r.body, language: r.language, sensitive: r.sensitive, location: r.location, receivedAt: r.received_at } : undefined;
  }

  /** The final outcome, a labelled example for the next training run. */
  async recordResolution(id: string, r: { department: string; type: string; firstContact: boolean }): Promise<void> {
    await this.tx.manager.query(
      `UPDATE routing.inquiries SET final_department = $2, final_type = $3, final_first_contact = $4, resolved_at = now() WHERE id = $1`,
      [id, r.department, r.type, r.firstContact],
    );
  }
}

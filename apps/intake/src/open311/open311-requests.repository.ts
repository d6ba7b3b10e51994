import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

/**
 * What Open311 may show of an inquiry. The citizen's contact data is deliberately not selected,
 * so no later change to the output can leak it.
 */
export interface PublicRequestRow {
  id: string;
  reference: string;
  channel: string;
  category: string | null;
  body: string;
  sensitive: boolean;
  address: string | null;
  lat: number | null;
  lon: number | null;
  attachments: Array<{ url?: unknown }>;
  /** Posted through Open311 (the column is NULL for other interfaces). */
  viaOpen311: boolean;
  status: string;
  statusNote: string | null;
  departmentName: string | null;
  receivedAt: Date;
  updatedAt: Date;
}

const COLUMNS = `i.id, i.reference, i.channel, i.category, i.body, i.sensitive, i.location->>'address' AS address, i.lat, i.lon,
  i.attachments, i.open311 IS NOT NULL AS "viaOpen311", i.status, COALESCE(i.department_name, i.department) AS "departmentName",
  i.received_at AS "receivedAt", GREATEST(i.updated_at, i.status_at) AS "updatedAt",
  (SELECT h.note FROM intake.status_history h WHERE h.inquiry_id = i.id AND h.note IS NOT NULL
    ORDER BY h.occurred_at DESC, h.id DESC LIMIT 1) AS "statusNote"`;

export interface RequestSearch {
  tenantId: string;
  from: Date;
  to: Date;
  serviceCodes?: string[];
  statuses?: string[];
  limit: number;
}

@Injectable()
export class Open311RequestsRepository {
  constructor(private readonly tx: TransactionContext) {}

  async byReferences(tenantId: string, references: string[]): Promise<PublicRequestRow[]> {
    return this.tx.manager.query(
      `SELECT ${COLUMNS} FROM intake.inquiries i WHERE i.tenant_id = $1 AND i.reference = ANY($2::text[]) ORDER BY i.received_at DESC, i.reference DESC`,
      [tenantId, references],
    );
  }

  /** Newest first; both ends of the window inclusive; filters on the time the request was made. */
  async search(q: RequestSearch): Promise<PublicRequestRow[]> {
    const params: unknown[] = [q.tenantId, q.from, q.to, q.limit];
    let where = `i.tenant_id = $1 AND i.received_at >= $2 AND i.received_at <= $3`;
    if (q.serviceCodes?.length) {
      params.push(q.serviceCodes);
      where += ` AND i.category = ANY($${params.length}::text[])`;
    }
    if (q.statuses?.length) {
      params.push(q.statuses);
      where += ` AND i.status = ANY($${params.length}::text[])`;
    }
    return this.tx.manager.query(`SELECT ${COLUMNS} FROM intake.inquiries i WHERE ${where} ORDER BY i.received_at DESC, i.reference DESC LIMIT $4`, params);
  }

  async referenceOf(tenantId: string, inquiryId: string): Promise<string | undefined> {
    const [row] = await this.tx.manager.query(`SELECT reference FROM intake.inquiries WHERE tenant_id = $1 AND id = $2`, [tenantId, inquiryId]);
    return row?.reference;
  }
}

import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

/**
 * What Open311 may show of an inquiry. The citizen's contact data, the thread and staff answers
 * are deliberately not selected, so no later change to the output can leak them.
 */
export interface PublicRequestRow {
  id: string;
  reference: string;
  channel: string;
  category: string | null;
  body: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  attachments: Array<{ url?: unknown }>;
  /** Posted through Open311 (the column is NULL for other interfaces). */
  viaOpen311: boolean;
  status: string;
  departmentName: string | null;
  receivedAt: Date;
  updatedAt: Date;
}

const COLUMNS = `i.id, i.reference, i.channel, i.category, i.body, i.location->>'address' AS address, i.lat, i.lon,
  i.attachments, i.open311 IS NOT NULL AS "viaOpen311", i.status, COALESCE(i.department_name, i.department) AS "departmentName",
  i.received_at AS "receivedAt", GREATEST(i.updated_at, i.status_at) AS "updatedAt"`;

/**
 * Public by nature: came in through Open311, or through a service the municipality marked public;
 * never a sensitive one. Every query here carries it, so nothing else exists for the public.
 */
const PUBLIC = `NOT i.sensitive AND (i.open311 IS NOT NULL OR EXISTS (
  SELECT 1 FROM intake.service_definitions sd WHERE sd.tenant_id = i.tenant_id AND sd.code = i.category AND sd.public))`;

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
  constructor(private readonly tx: UnitOfWork) {}

  async byReferences(tenantId: string, references: string[]): Promise<PublicRequestRow[]> {
    return this.tx.manager.query(
      `SELECT ${COLUMNS} FROM intake.inquiries i WHERE i.tenant_id = $1 AND i.reference = ANY($2::text[]) AND ${PUBLIC} ORDER BY i.received_at DESC, i.reference DESC`,
      [tenantId, references],
    );
  }

  /** Newest first; both ends of the window inclusive; filters on the time the request was made. */
  async search(q: RequestSearch): Promise<PublicRequestRow[]> {
    const params: unknown[] = [q.tenantId, q.from, q.to, q.limit];
    let where = `i.tenant_id = $1 AND i.received_at >= $2 AND i.received_at <= $3 AND ${PUBLIC}`;
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
    const [row] = await this.tx.manager.query(`SELECT i.reference FROM intake.inquiries i WHERE i.tenant_id = $1 AND i.id = $2 AND ${PUBLIC}`, [tenantId, inquiryId]);
    return row?.reference;
  }
}

import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

/** Where an inquiry stands for an erasure request: everything that may keep it. */
export interface ErasureStanding {
  inquiryId: string;
  reference: string;
  channel: string;
  resolved: boolean;
  held: string | null;
  rule: 'gallras' | 'bevaras' | null;
  started: boolean;
}

/** Routing's copy of a person's inquiries for an access request, and their standing for erasure. */
@Injectable()
export class ErasureRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async standing(tenantId: string, inquiryIds: string[]): Promise<ErasureStanding[]> {
    return this.tx.manager.query(
      `SELECT i.id AS "inquiryId", i.reference, i.channel, coalesce(w.status = 'resolved', false) AS resolved,
         (SELECT h.reason FROM routing.legal_holds h WHERE h.inquiry_id = i.id AND h.lifted_at IS NULL) AS held,
         coalesce(r.action, d.action) AS rule,
         EXISTS (SELECT 1 FROM routing.retention_cases c WHERE c.inquiry_id = i.id) AS started
       FROM routing.inquiries i
       LEFT JOIN routing.work_items w ON w.inquiry_id = i.id
       LEFT JOIN routing.retention_rules r ON r.tenant_id = i.tenant_id AND r.category = w.category
       LEFT JOIN routing.retention_rules d ON d.tenant_id = i.tenant_id AND d.category = '*'
       WHERE i.tenant_id = $1 AND i.id = ANY($2::uuid[])`,
      [tenantId, inquiryIds],
    );
  }

  async export(tenantId: string, inquiryIds: string[]) {
    const inquiries = await this.tx.manager.query(
      `SELECT i.id AS "inquiryId", i.reference, i.subject, i.body, i.location, d.department, d.category, d.type, d.reasons,
         w.status, w.department AS "handledBy", w.resolved_at AS "resolvedAt"
       FROM routing.inquiries i LEFT JOIN routing.decisions d ON d.inquiry_id = i.id LEFT JOIN routing.work_items w ON w.inquiry_id = i.id
       WHERE i.tenant_id = $1 AND i.id = ANY($2::uuid[]) ORDER BY i.received_at`,
      [tenantId, inquiryIds],
    );
    const history = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", action, actor, details, at FROM routing.work_history WHERE tenant_id = $1 AND inquiry_id = ANY($2::uuid[]) ORDER BY id`,
      [tenantId, inquiryIds],
    );
    const knowledge = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", kind, question, answer FROM routing.knowledge WHERE tenant_id = $1 AND inquiry_id = ANY($2::uuid[])`,
      [tenantId, inquiryIds],
    );
    return { inquiries, history, knowledge };
  }
}

import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { Decision } from './decision';

@Injectable()
export class DecisionsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Written at commit with the other decisions of the consumer batch (one statement). */
  insert(d: Decision & {
    inquiryId: string; tenantId: string; language: string; modelVersion: number | null; classification: unknown;
    firstResponseDueAt?: Date; resolutionDueAt?: Date;
  }): void {
    this.tx.insertAtCommit('routing.decisions', {
      inquiry_id: d.inquiryId, tenant_id: d.tenantId, department: d.department, queue: d.queue, category: d.category, type: d.type,
      topic_department: d.topicDepartment, priority: d.priority, urgent: d.urgent, first_contact_resolvable: d.firstContactResolvable,
      language: d.language, confidence: d.confidence, model_version: d.modelVersion, agreement_version: d.agreementVersion, reasons: d.reasons,
      classification: d.classification, first_response_due_at: d.firstResponseDueAt ?? null, resolution_due_at: d.resolutionDueAt ?? null,
    }, {
      // A decision without a classifier (no model yet) keeps a JSON null, as the column is NOT NULL.
      classification: `coalesce(classification, 'null'::jsonb)`,
    });
  }

  async find(tenantId: string, inquiryId: string): Promise<Record<string, any> | undefined> {
    const [r] = await this.tx.manager.query(`SELECT * FROM routing.decisions WHERE inquiry_id = $1 AND tenant_id = $2`, [inquiryId, tenantId]);
    return r;
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';
import { Decision } from './decision';

@Injectable()
export class DecisionsRepository {
  constructor(private readonly tx: TransactionContext) {}

  async insert(d: Decision & {
    inquiryId: string; tenantId: string; language: string; modelVersion: number | null; classification: unknown;
    firstResponseDueAt?: Date; resolutionDueAt?: Date;
  }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO routing.decisions (inquiry_id, tenant_id, department, queue, category, type, topic_department, priority, urgent,
         first_contact_resolvable, language, confidence, model_version, agreement_version, reasons, classification, first_response_due_at, resolution_due_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
      [d.inquiryId, d.tenantId, d.department, d.queue, d.category, d.type, d.topicDepartment, d.priority, d.urgent, d.firstContactResolvable,
        d.language, d.confidence, d.modelVersion, d.agreementVersion, JSON.stringify(d.reasons), JSON.stringify(d.classification),
        d.firstResponseDueAt ?? null, d.resolutionDueAt ?? null],
    );
  }

  async find(tenantId: string, inquiryId: string): Promise<Record<string, any> | undefined> {
    const [r] = await this.tx.manager.query(`SELECT * FROM routing.decisions WHERE inquiry_id = $1 AND tenant_id = $2`, [inquiryId, tenantId]);
    return r;
  }
}

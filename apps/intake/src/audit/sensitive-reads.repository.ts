import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';
import { Principal } from '@lotsen/platform';

/** The audit trail of staff reads of sensitive inquiries (personal identity numbers, health…). */
@Injectable()
export class SensitiveReadsRepository {
  constructor(private readonly tx: TransactionContext) {}

  async record(p: Principal, tenantId: string, inquiryId: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO intake.sensitive_reads (tenant_id, inquiry_id, key_id, role, subject_id) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, inquiryId, p.keyId, p.role ?? null, p.subjectId ?? null],
    );
  }

  async list(tenantId: string, inquiryId: string): Promise<Array<{ keyId: string; role: string | null; readAt: Date }>> {
    return this.tx.manager.query(
      `SELECT key_id AS "keyId", role, read_at AS "readAt" FROM intake.sensitive_reads WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY read_at`,
      [tenantId, inquiryId],
    );
  }
}

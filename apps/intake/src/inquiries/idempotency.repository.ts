import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

export interface IdempotencyRecord {
  requestHash: string;
  inquiryId: string;
  responseSealed: string;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: TransactionContext) {}

  async find(tenantId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT request_hash AS "requestHash", inquiry_id AS "inquiryId", response_sealed AS "responseSealed"
       FROM intake.idempotency_keys WHERE tenant_id = $1 AND key = $2`,
      [tenantId, key],
    );
    return row;
  }

  /** False when another request holds the key already (it waits for that one to commit first). */
  async claim(tenantId: string, key: string, rec: IdempotencyRecord): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO intake.idempotency_keys (tenant_id, key, request_hash, inquiry_id, response_sealed)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, key, rec.requestHash, rec.inquiryId, rec.responseSealed],
    );
    return rows.length === 1;
  }
}

import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

export interface IdempotencyRecord {
  requestHash: string;
  inquiryId: string;
  responseSealed: string;
}

/** The primary key of intake.idempotency_keys (tenant_id, key_id, key): a key is scoped to the API key that sent it. */
export const IDEMPOTENCY_KEY_CONSTRAINT = 'idempotency_keys_pkey';

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async find(tenantId: string, keyId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT request_hash AS "requestHash", inquiry_id AS "inquiryId", response_sealed AS "responseSealed"
       FROM intake.idempotency_keys WHERE tenant_id = $1 AND key_id = $2 AND key = $3`,
      [tenantId, keyId, key],
    );
    return row;
  }

  /**
   * Stores the key with the request's answer when the transaction commits. If another request
   * holds the key, the commit fails with a unique violation of IDEMPOTENCY_KEY_CONSTRAINT
   * (after waiting for that request to commit first).
   */
  claimAtCommit(tenantId: string, keyId: string, key: string, rec: IdempotencyRecord): void {
    this.tx.insertAtCommit('intake.idempotency_keys', {
      tenant_id: tenantId, key_id: keyId, key, request_hash: rec.requestHash, inquiry_id: rec.inquiryId, response_sealed: rec.responseSealed,
    });
  }
}

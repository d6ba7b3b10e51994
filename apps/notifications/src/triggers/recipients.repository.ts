import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

@Injectable()
export class RecipientsRepository {
  constructor(private readonly tx: TransactionContext) {}

  async upsert(r: { inquiryId: string; tenantId: string; reference: string; language: string; email?: string; phone?: string; notify: boolean }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO notifications.recipients (inquiry_id, tenant_id, reference, language, email, phone, notify)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (inquiry_id) DO NOTHING`,
      [r.inquiryId, r.tenantId, r.reference, r.language, r.email ?? null, r.phone ?? null, r.notify],
    );
  }
}

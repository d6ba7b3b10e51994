import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

@Injectable()
export class RoutingInquiriesRepository {
  constructor(private readonly tx: TransactionContext) {}

  async insert(i: { id: string; tenantId: string; reference: string; channel: string; language: string; receivedAt: string }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO routing.inquiries (id, tenant_id, reference, channel, language, received_at) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (id) DO NOTHING`,
      [i.id, i.tenantId, i.reference, i.channel, i.language, i.receivedAt],
    );
  }
}

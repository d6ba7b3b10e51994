import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

export interface LegalHold {
  id: string;
  inquiryId: string;
  reason: string;
  placedBy: string;
  placedAt: Date;
  liftedBy: string | null;
  liftedReason: string | null;
  liftedAt: Date | null;
}

const COLUMNS = `id, inquiry_id AS "inquiryId", reason, placed_by AS "placedBy", placed_at AS "placedAt",
  lifted_by AS "liftedBy", lifted_reason AS "liftedReason", lifted_at AS "liftedAt"`;

@Injectable()
export class LegalHoldsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Every hold of an inquiry, the active one (if any) first. */
  async history(tenantId: string, inquiryId: string): Promise<LegalHold[]> {
    return this.tx.manager.query(
      `SELECT ${COLUMNS} FROM routing.legal_holds WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY lifted_at IS NULL DESC, placed_at DESC`,
      [tenantId, inquiryId],
    );
  }

  /** Undefined when the inquiry already has an active hold (one at a time). */
  async place(tenantId: string, inquiryId: string, reason: string, by: string): Promise<LegalHold | undefined> {
    const rows = await this.tx.manager.query(
      `INSERT INTO routing.legal_holds (id, tenant_id, inquiry_id, reason, placed_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (inquiry_id) WHERE lifted_at IS NULL DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), tenantId, inquiryId, reason, by],
    );
    return returningRows<LegalHold>(rows)[0];
  }

  async lift(tenantId: string, inquiryId: string, reason: string, by: string): Promise<LegalHold | undefined> {
    const rows = await this.tx.manager.query(
      `UPDATE routing.legal_holds SET lifted_by = $3, lifted_reason = $4, lifted_at = now()
       WHERE tenant_id = $1 AND inquiry_id = $2 AND lifted_at IS NULL RETURNING ${COLUMNS}`,
      [tenantId, inquiryId, by, reason],
    );
    return returningRows<LegalHold>(rows)[0];
  }
}

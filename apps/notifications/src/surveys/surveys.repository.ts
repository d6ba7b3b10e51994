import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

export interface Survey {
  id: string;
  tenantId: string;
  inquiryId: string;
  reference: string;
  language: string;
  department?: string;
  channel?: string;
  expiresAt: Date;
  answeredAt?: Date;
}

function toSurvey(r: Record<string, any>): Survey {
  return {
    id: r.id, tenantId: r.tenant_id, inquiryId: r.inquiry_id, reference: r.reference, language: r.language, department: r.department ?? undefined,
    channel: r.channel ?? undefined, expiresAt: r.expires_at, answeredAt: r.answered_at ?? undefined,
  };
}

@Injectable()
export class SurveysRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** False when the inquiry has a survey already (one per inquiry, even if it is resolved again). */
  async insert(s: Omit<Survey, 'answeredAt'> & { tokenHash: string }): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO notifications.surveys (id, tenant_id, inquiry_id, reference, token_hash, language, department, channel, expires_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (inquiry_id) DO NOTHING RETURNING 1`,
      [s.id, s.tenantId, s.inquiryId, s.reference, s.tokenHash, s.language, s.department ?? null, s.channel ?? null, s.expiresAt],
    );
    return rows.length === 1;
  }

  async findByTokenHash(tokenHash: string): Promise<Survey | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT id, tenant_id, inquiry_id, reference, language, department, channel, expires_at, answered_at FROM notifications.surveys WHERE token_hash = $1`,
      [tokenHash],
    );
    return row ? toSurvey(row) : undefined;
  }

  /** Records the answer unless there is one already; the survey if this call recorded it. */
  async answer(tokenHash: string, score: number, comment: string | undefined): Promise<Survey | undefined> {
    const [row] = returningRows(await this.tx.manager.query(
      `UPDATE notifications.surveys SET answered_at = now(), score = $2, comment = $3
       WHERE token_hash = $1 AND answered_at IS NULL AND expires_at > now()
       RETURNING id, tenant_id, inquiry_id, reference, language, department, channel, expires_at, answered_at`,
      [tokenHash, score, comment ?? null],
    ));
    return row ? toSurvey(row) : undefined;
  }
}

import { Injectable } from '@nestjs/common';
import { CategoryChangedPayload, EventEnvelope } from '@lotsen/contracts';
import { UnitOfWork } from '@lotsen/persistence';

/**
 * Category names per language, reporting's own copy (seeded with the demo catalogue, then kept
 * from catalogue.category.changed), so the dashboard shows names, not codes.
 */
@Injectable()
export class CategoryNamesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** Keeps the announced names unless later ones are stored already (events may come out of order). */
  async learn(e: EventEnvelope<CategoryChangedPayload>): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO reporting.category_names (tenant_id, code, names, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, code) DO UPDATE SET names = EXCLUDED.names, changed_at = EXCLUDED.changed_at
       WHERE category_names.changed_at <= EXCLUDED.changed_at`,
      [e.tenantId, e.payload.code, JSON.stringify(e.payload.names), e.occurredAt],
    );
  }

  async names(tenantId: string, codes: string[]): Promise<Map<string, Record<string, string>>> {
    if (!codes.length) return new Map();
    const rows: Array<{ code: string; names: Record<string, string> }> = await this.tx.manager.query(
      `SELECT code, names FROM reporting.category_names WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [tenantId, codes],
    );
    return new Map(rows.map((r) => [r.code, r.names]));
  }
}

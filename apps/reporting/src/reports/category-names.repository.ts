import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

/** Category names per language, reporting's own copy (seeded with the catalogue), so the dashboard shows names, not codes. */
@Injectable()
export class CategoryNamesRepository {
  constructor(private readonly tx: TransactionContext) {}

  async names(tenantId: string, codes: string[]): Promise<Map<string, Record<string, string>>> {
    if (!codes.length) return new Map();
    const rows: Array<{ code: string; names: Record<string, string> }> = await this.tx.manager.query(
      `SELECT code, names FROM reporting.category_names WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [tenantId, codes],
    );
    return new Map(rows.map((r) => [r.code, r.names]));
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Hands out the numbers of a tenant's yearly reference series (KC-2026-000123) from one
 * Postgres sequence per tenant and year. A sequence never blocks concurrent registrations
 * (a counter row would serialise every commit behind one row lock); the price is a gap when a
 * registration fails after taking its number, which is rare and harmless for a reference.
 */
@Injectable()
export class ReferenceAllocator {
  private readonly known = new Set<string>();

  constructor(private readonly ds: DataSource) {}

  async next(tenantId: string, year: number): Promise<number> {
    const seq = `intake."ref_${tenantId.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${year}"`;
    if (!this.known.has(seq)) {
      await this.ds.query(`CREATE SEQUENCE IF NOT EXISTS ${seq} MINVALUE 1 NO CYCLE`).catch((err) => {
        // Two requests racing to create it (IF NOT EXISTS does not lock): the loser sees a unique
        // violation on the catalog or "relation already exists", depending on the interleaving.
        if (!['23505', '42P07'].includes((err as { code?: string }).code ?? '')) throw err;
      });
      this.known.add(seq);
    }
    const [row] = await this.ds.query(`SELECT nextval('${seq}') AS n`);
    return Number(row.n);
  }
}

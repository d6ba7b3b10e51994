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
      await this.ensureSequence(seq);
      this.known.add(seq);
    }
    const [row] = await this.ds.query(`SELECT nextval('${seq}') AS n`);
    return Number(row.n);
  }

  /**
   * Creates the series once, however many instances race for a tenant's first registration of
   * a year. Without the lock the losers of the race can see the winner's sequence as committed
   * a moment before Postgres has told the other backends' catalog caches about it (commit is
   * visible before its invalidations are sent), and a nextval right after then fails with
   * "relation does not exist". The lock is held until the creator's transaction has ended, by
   * when those invalidations are out, so a waiter finds the sequence and skips.
   */
  private async ensureSequence(seq: string): Promise<void> {
    await this.ds
      .transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('intake.reference:' || $1))`, [seq]);
        await m.query(`CREATE SEQUENCE IF NOT EXISTS ${seq} MINVALUE 1 NO CYCLE`);
      })
      .catch((err) => {
        // An instance of an earlier version, which creates without the lock, won the race:
        // the catalog's unique violation or "relation already exists" means the series exists.
        if (!['23505', '42P07'].includes((err as { code?: string }).code ?? '')) throw err;
      });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fulfilled, RoundTripBatcher } from '@lotsen/concurrency';

/** Most numbers drawn in one round trip. */
const MOST_PER_DRAW = 100;

/**
 * Hands out the numbers of a tenant's yearly reference series (KC-2026-000123) from one
 * Postgres sequence per tenant and year. A sequence never blocks concurrent registrations
 * (a counter row would serialise every commit behind one row lock); the price is a gap when a
 * registration fails after taking its number, which is rare and harmless for a reference.
 *
 * One round trip per draw, however many registrations wait: those that arrive while a draw is
 * on its way get their numbers together in the next one (a RoundTripBatcher per sequence). At
 * low load each draws alone.
 */
@Injectable()
export class ReferenceAllocator {
  private readonly known = new Set<string>();
  /** Per sequence: one draw on its way at a time, the registrations arriving meanwhile share the next. */
  private readonly draws = new Map<string, RoundTripBatcher<void, number>>();

  constructor(private readonly ds: DataSource) {}

  async next(tenantId: string, year: number): Promise<number> {
    const seq = `intake."ref_${tenantId.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${year}"`;
    if (!this.known.has(seq)) {
      await this.ensureSequence(seq);
      this.known.add(seq);
    }
    let draws = this.draws.get(seq);
    if (!draws) {
      draws = new RoundTripBatcher(async (batch) => {
        const rows: Array<{ n: string }> = await this.ds.query(`SELECT nextval('${seq}') AS n FROM generate_series(1, $1)`, [batch.length]);
        return rows.map((r) => fulfilled(Number(r.n)));
      }, { maxBatch: MOST_PER_DRAW });
      this.draws.set(seq, draws);
    }
    return draws.submit();
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

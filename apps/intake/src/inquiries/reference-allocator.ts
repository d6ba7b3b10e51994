import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface Waiter {
  resolve: (n: number) => void;
  reject: (err: unknown) => void;
}

/**
 * Hands out the numbers of a tenant's yearly reference series (KC-2026-000123) from one
 * Postgres sequence per tenant and year. A sequence never blocks concurrent registrations
 * (a counter row would serialise every commit behind one row lock); the price is a gap when a
 * registration fails after taking its number, which is rare and harmless for a reference.
 */
@Injectable()
export class ReferenceAllocator {
  private readonly known = new Set<string>();
  /** Per sequence: the registrations waiting for a number while one draw is on its way. */
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(private readonly ds: DataSource) {}

  async next(tenantId: string, year: number): Promise<number> {
    const seq = `intake."ref_${tenantId.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${year}"`;
    if (!this.known.has(seq)) {
      await this.ensureSequence(seq);
      this.known.add(seq);
    }
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(seq);
      if (queue) return queue.push({ resolve, reject });
      this.waiting.set(seq, [{ resolve, reject }]);
      void this.draw(seq);
    });
  }

  /**
   * One round trip per draw, however many registrations wait: those that arrive while a draw is
   * on its way get their numbers together in the next one. At low load each draws alone.
   */
  private async draw(seq: string): Promise<void> {
    for (let batch = this.take(seq); batch.length; batch = this.take(seq)) {
      try {
        const rows: Array<{ n: string }> = await this.ds.query(`SELECT nextval('${seq}') AS n FROM generate_series(1, $1)`, [batch.length]);
        batch.forEach((w, i) => w.resolve(Number(rows[i].n)));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.waiting.delete(seq);
  }

  private take(seq: string): Waiter[] {
    return this.waiting.get(seq)?.splice(0, 100) ?? [];
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

import { DataSource } from 'typeorm';
import { fulfilled, RoundTripBatcher, Settled } from '@lotsen/concurrency';
import { DeferredWrites, collectedStatements, runStatements } from './deferred-writes';

/** Writes of units of work that read nothing, at most this many going to the database at a time. */
export const WRITES_AT_ONCE = 2;
/** Most units in one statement. */
export const MOST_UNITS_PER_WRITE = 64;

type Collected = Map<symbol, DeferredWrites>;

/**
 * Group commit for units of work that only collected writes (an HTTP registration: its inquiry,
 * its outbox row). Such a unit is written as one auto-committed statement, so the units that
 * become ready while earlier writes are still on their way can share one (a RoundTripBatcher):
 * their rows merged per key, one statement, one commit and WAL flush. At low load nothing waits
 * and every unit goes alone, as before; under load the statements grow instead of queueing for
 * connections.
 *
 * A unit is answered only once its rows are committed. If a shared statement fails, the error
 * may be one unit's own (a unique key it reused), so each unit is then written alone and gets its
 * own answer.
 */
export class GroupCommit {
  private readonly groups: RoundTripBatcher<Collected, void>;

  constructor(private readonly ds: DataSource) {
    this.groups = new RoundTripBatcher((group) => this.writeGroup(group), { maxBatch: MOST_UNITS_PER_WRITE, concurrency: WRITES_AT_ONCE });
  }

  write(collected: Collected): Promise<void> {
    if (!collected.size) return Promise.resolve();
    return this.groups.submit(collected);
  }

  private async writeGroup(group: Collected[]): Promise<Array<Settled<void>>> {
    if (group.length > 1) {
      try {
        const statements = collectedStatements(merge(group));
        // Only plain inserts merge into one statement; anything else is written unit by unit.
        if (statements.length === 1 && !statements[0].onResult) {
          await this.ds.query(statements[0].sql, statements[0].params);
          return group.map(() => fulfilled(undefined));
        }
      } catch {
        /* each unit alone, below: one unit's rows may be what failed */
      }
    }
    return Promise.allSettled(group.map((collected) => writeAlone(this.ds, collected)));
  }
}

/** The units' rows under each key, in one map (the units' own maps stay as they were). */
function merge(units: Collected[]): Collected {
  const merged: Collected = new Map();
  for (const unit of units) {
    for (const [key, entry] of unit) {
      const into = merged.get(key);
      if (into) into.items.push(...entry.items);
      else merged.set(key, { ...entry, items: [...entry.items] });
    }
  }
  return merged;
}

/** One unit's writes: a single statement commits on its own, several in one transaction. */
async function writeAlone(ds: DataSource, collected: Collected): Promise<void> {
  const statements = collectedStatements(collected);
  if (statements.length === 1) await runStatements(ds.manager, statements);
  else await ds.transaction((m) => runStatements(m, statements));
}

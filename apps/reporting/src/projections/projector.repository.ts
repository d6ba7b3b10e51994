import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { named, UnitOfWork } from '@lotsen/persistence';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { applyFactDeltas, pruneEmptyRollups } from '../rollups/apply-fact-deltas';
import { projectCall } from './call-projection';
import { callFactRow, inquiryFactRow, upsertFacts } from './facts.repository';
import { projectInquiry } from './inquiry-projection';
import { StreamEvent } from './stream-event';
import { loadTenantCalendars } from '../calendars/tenant-calendars';

const PROJECTOR_LOCK = "hashtextextended('reporting.projector', 0)";

/**
 * Folds the marked streams into their facts and moves the rollups by each fact's change. One
 * batch is one transaction under an advisory lock (one projector at a time across instances).
 * Marks are read first; the events are read by a later statement, so every event committed with
 * a mark that was read is seen; marks committed meanwhile stay for the next batch. Folding all
 * of a stream's events makes the result independent of arrival order.
 */
@Injectable()
export class ProjectorRepository {
  constructor(private readonly tx: UnitOfWork, private readonly calendar: BusinessCalendar) {}

  /**
   * Projects up to `limit` streams that have been quiet for `settledMs` (no mark newer than that;
   * a stream marked for ten times as long is taken anyway); returns how many marks it consumed.
   */
  async catchUp(limit = 5000, settledMs = 0): Promise<number> {
    return this.tx.run(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${PROJECTOR_LOCK})`);
      const marks: Array<{ id: string; tenant_id: string; stream: string }> = await m.query(
        named`SELECT d.id, d.tenant_id, d.stream FROM reporting.stream_dirty d
         JOIN (SELECT tenant_id, stream FROM reporting.stream_dirty GROUP BY tenant_id, stream
               HAVING max(marked_at) <= now() - make_interval(secs => $2::double precision / 1000)
                   OR min(marked_at) <= now() - make_interval(secs => $2::double precision / 100)
               ORDER BY min(id) LIMIT $1) s USING (tenant_id, stream)`,
        [limit, settledMs],
      );
      if (marks.length === 0) return 0;
      const streams = new Map<string, { tenant: string; stream: string }>();
      for (const k of marks) streams.set(`${k.tenant_id}\u0000${k.stream}`, { tenant: k.tenant_id, stream: k.stream });
      await projectStreams(m, [...streams.values()], this.calendar);
      await m.query(named`DELETE FROM reporting.stream_dirty WHERE id = ANY($1::bigint[])`, [marks.map((k) => k.id)]);
      return marks.length;
    });
  }

  /** Removes rollup rows that fell to zero (see pruneEmptyRollups), under the projector's lock. */
  async prune(): Promise<number> {
    return this.tx.run(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${PROJECTOR_LOCK})`);
      return pruneEmptyRollups(m);
    });
  }

  /** True if a tenant has events not yet projected. */
  async hasPending(tenantId: string): Promise<boolean> {
    const rows = await this.tx.manager.query(`SELECT 1 FROM reporting.stream_dirty WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
    return rows.length > 0;
  }
}

/**
 * Reads the streams' events, folds them and writes the facts, moving the rollups by the change
 * unless `rollups: false` (a rebuild recomputes them afterwards). Business time is counted on each
 * tenant's own calendar; `calendar` is for tenants that never announced one.
 */
export async function projectStreams(
  m: EntityManager, streams: Array<{ tenant: string; stream: string }>, calendar: BusinessCalendar, o: { rollups?: boolean } = {},
): Promise<{ inquiries: number; calls: number; events: number }> {
  const rows: Array<{ tenant_id: string; stream: string; id: string; type: string; occurred_at: Date; payload: Record<string, unknown>; terms: string[] | null }> = await m.query(
    named`SELECT e.tenant_id, e.stream, e.id, e.type, e.occurred_at, e.envelope->'payload' AS payload, e.terms
     FROM reporting.events e JOIN unnest($1::text[], $2::text[]) AS s(t, st) ON e.tenant_id = s.t AND e.stream = s.st`,
    [streams.map((s) => s.tenant), streams.map((s) => s.stream)],
  );
  const byStream = new Map<string, { tenant: string; stream: string; events: StreamEvent[] }>();
  for (const r of rows) {
    const k = `${r.tenant_id}\u0000${r.stream}`;
    if (!byStream.has(k)) byStream.set(k, { tenant: r.tenant_id, stream: r.stream, events: [] });
    byStream.get(k)!.events.push({ id: r.id, type: r.type, occurredAt: r.occurred_at.toISOString(), payload: r.payload, terms: r.terms });
  }
  const calendarOf = await loadTenantCalendars(m, [...new Set(streams.map((s) => s.tenant))], calendar);
  const inquiries: Array<Record<string, unknown>> = [];
  const calls: Array<Record<string, unknown>> = [];
  for (const s of byStream.values()) {
    if (s.stream.startsWith('call:')) {
      const fact = projectCall(s.stream.slice(5), s.events, calendarOf(s.tenant));
      if (fact) calls.push(callFactRow(s.tenant, fact));
    } else {
      const fact = projectInquiry(s.stream.slice(8), s.events, calendarOf(s.tenant));
      inquiries.push(inquiryFactRow(s.tenant, fact));
    }
  }
  await upsertFacts(m, 'inquiry_facts', inquiries, o.rollups === false ? undefined : (json, count) => applyFactDeltas(m, json, count));
  await upsertFacts(m, 'call_facts', calls);
  return { inquiries: inquiries.length, calls: calls.length, events: rows.length };
}

import { DataSource } from 'typeorm';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { projectStreams } from '../projections/projector.repository';
import { recomputeDays } from '../rollups/recompute-days';

export interface RebuildResult {
  events: number;
  inquiries: number;
  calls: number;
  days: number;
  ms: number;
}

const STREAM_BATCH = 2000;

/**
 * Recomputes every projection from the event store with the projector's own fold, in one
 * transaction: readers see the old figures until it commits; events consumed meanwhile are
 * marked and projected on top afterwards.
 */
export async function rebuildProjections(ds: DataSource, calendar = new BusinessCalendar(), log: (line: string) => void = () => undefined): Promise<RebuildResult> {
  const started = Date.now();
  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('reporting.projector', 0))`);
    // Marks that exist now are covered by the rebuild; later ones are not visible to it and stay.
    await m.query(`DELETE FROM reporting.stream_dirty`);
    await m.query(`TRUNCATE reporting.inquiry_facts, reporting.call_facts, reporting.inquiry_daily, reporting.term_daily`);
    const result: RebuildResult = { events: 0, inquiries: 0, calls: 0, days: 0, ms: 0 };
    let after: [string, string] = ['', ''];
    for (;;) {
      const streams: Array<{ tenant_id: string; stream: string }> = await m.query(
        `SELECT DISTINCT tenant_id, stream FROM reporting.events WHERE stream IS NOT NULL AND (tenant_id, stream) > ($1, $2)
         ORDER BY tenant_id, stream LIMIT ${STREAM_BATCH}`,
        after,
      );
      if (streams.length === 0) break;
      after = [streams[streams.length - 1].tenant_id, streams[streams.length - 1].stream];
      const r = await projectStreams(m, streams.map((s) => ({ tenant: s.tenant_id, stream: s.stream })), calendar, { rollups: false });
      result.events += r.events;
      result.inquiries += r.inquiries;
      result.calls += r.calls;
      log(`projected ${result.inquiries} inquiries and ${result.calls} calls`);
    }
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM reporting.events WHERE stream IS NULL`);
    result.events += n;
    const days: Array<{ tenant_id: string; day: string }> = await m.query(
      `SELECT DISTINCT tenant_id, to_char(day, 'YYYY-MM-DD') AS day FROM reporting.inquiry_facts WHERE day IS NOT NULL`,
    );
    for (let i = 0; i < days.length; i += 500) {
      const chunk = days.slice(i, i + 500);
      await recomputeDays(m, chunk.map((d) => d.tenant_id), chunk.map((d) => d.day));
    }
    result.days = days.length;
    result.ms = Date.now() - started;
    return result;
  });
}

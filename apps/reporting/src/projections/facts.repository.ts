import { EntityManager } from 'typeorm';
import { code, named } from '@lotsen/persistence';
import { CallFact } from './call-projection';
import { InquiryFact } from './inquiry-projection';

export const INQUIRY_FACT_COLUMNS = [
  'tenant_id', 'inquiry_id', 'received_at', 'received_local', 'day', 'channel', 'language', 'category', 'type', 'department',
  'handled_by_center', 'answered_by_center', 'first_contact_resolved', 'first_response_at', 'first_response_bmin', 'resolved_at',
  'resolution_bmin', 'ever_resolved', 'reopen_count', 'sla_status', 'survey_sent', 'survey_score', 'terms', 'event_count',
];
export const CALL_FACT_COLUMNS = ['tenant_id', 'call_id', 'offered_at', 'offered_local', 'day', 'queue', 'outcome', 'wait_seconds'];

export function inquiryFactRow(tenantId: string, f: InquiryFact): Record<string, unknown> {
  return {
    tenant_id: tenantId, inquiry_id: f.inquiryId, received_at: f.receivedAt, received_local: f.receivedLocal, day: f.day,
    channel: f.channel, language: f.language, category: f.category, type: f.type, department: f.department,
    handled_by_center: f.handledByCenter, answered_by_center: f.answeredByCenter, first_contact_resolved: f.firstContactResolved,
    first_response_at: f.firstResponseAt, first_response_bmin: f.firstResponseBmin, resolved_at: f.resolvedAt,
    resolution_bmin: f.resolutionBmin, ever_resolved: f.everResolved, reopen_count: f.reopenCount, sla_status: f.slaStatus,
    survey_sent: f.surveySent, survey_score: f.surveyScore, terms: f.terms, event_count: f.eventCount,
  };
}

export function callFactRow(tenantId: string, f: CallFact): Record<string, unknown> {
  return {
    tenant_id: tenantId, call_id: f.callId, offered_at: f.offeredAt, offered_local: f.offeredLocal, day: f.day,
    queue: f.queue, outcome: f.outcome, wait_seconds: f.waitSeconds,
  };
}

/**
 * Writes fact rows in bulk (json_populate_recordset, 1000 a statement), replacing earlier
 * versions. `beforeWrite` sees each chunk while the earlier versions are still stored.
 */
export async function upsertFacts(
  m: EntityManager, table: 'inquiry_facts' | 'call_facts', rows: Array<Record<string, unknown>>,
  beforeWrite?: (json: string, count: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const json = JSON.stringify(chunk);
    await beforeWrite?.(json, chunk.length);
    await m.query(UPSERT_FACTS[table], [json]);
  }
}

function upsertStatement(table: string, columns: readonly string[], key: string): string {
  return named`INSERT INTO reporting.${code(table)} (${code(columns.join(', '))})
    SELECT ${code(columns.join(', '))} FROM json_populate_recordset(NULL::reporting.${code(table)}, $1::json)
    ON CONFLICT (tenant_id, ${code(key)}) DO UPDATE SET ${code(columns.slice(2).map((c) => `${c} = EXCLUDED.${c}`).join(', '))}`;
}

/** Built once: the same text every call is what makes them prepared statements. */
const UPSERT_FACTS = {
  inquiry_facts: upsertStatement('inquiry_facts', INQUIRY_FACT_COLUMNS, 'inquiry_id'),
  call_facts: upsertStatement('call_facts', CALL_FACT_COLUMNS, 'call_id'),
};

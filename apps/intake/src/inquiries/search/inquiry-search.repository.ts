import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { CONTACT_CENTER } from '@lotsen/identity';
import { ownCasesSql } from '../../data-subjects/data-subjects.repository';

/** One inquiry a search found, with no more of its text than a hit may show. */
export interface SearchHit {
  id: string;
  tenantId: string;
  reference: string;
  status: string;
  department: string | null;
  category: string | null;
  channel: string;
  sensitive: boolean;
  receivedAt: Date;
  subject: string | null;
  /** The first 120 characters of the text. */
  summary: string;
}

/** A word search reads at most this many of the newest inquiries in the caller's units. */
export const TEXT_SCAN_WINDOW = 50_000;

const COLUMNS = `i.id, i.tenant_id AS "tenantId", i.reference, i.status, i.department, i.category, i.channel, i.sensitive,
  i.received_at AS "receivedAt", i.subject, left(i.body, 120) AS summary`;
/** The unit an inquiry is with, as inquiryAccess sees it (none yet: the contact center). */
const UNIT = `coalesce(nullif(i.department, ''), '${CONTACT_CENTER}')`;

/** The statement behind InquirySearchRepository.byContact (its own function so that its plan can be checked). */
export function contactSearchStatement(tenantId: string, who: { email?: string; phoneKey?: string }, units: string[], limit: number): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${COLUMNS} FROM intake.inquiries i
       WHERE i.id IN (${ownCasesSql('$1', '$2', '$3')}) AND i.tenant_id = $1 AND ${UNIT} = ANY($4::text[])
       ORDER BY i.received_at DESC, i.id LIMIT $5`,
    params: [tenantId, who.email ?? null, who.phoneKey ?? null, units, limit],
  };
}

/** Intake's staff search: by reference, by the person's contact data, by words in the text. */
@Injectable()
export class InquirySearchRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** The inquiry with one of these references (a reference is unique per tenant). */
  async byReference(tenantId: string, references: string[]): Promise<SearchHit[]> {
    return this.tx.manager.query(
      `SELECT ${COLUMNS} FROM intake.inquiries i WHERE i.tenant_id = $1 AND i.reference = ANY($2::text[]) LIMIT 1`,
      [tenantId, references],
    );
  }

  /** The person's inquiries (the citizen's-rights look-up: contact data or mail sender) in these units, newest first. */
  async byContact(tenantId: string, who: { email?: string; phoneKey?: string }, units: string[], limit: number): Promise<SearchHit[]> {
    const { sql, params } = contactSearchStatement(tenantId, who, units, limit);
    return this.tx.manager.query(sql, params);
  }

  /** Inquiries in these units whose subject or text holds every pattern (ILIKE), newest first, among the newest TEXT_SCAN_WINDOW. */
  async byWords(tenantId: string, patterns: string[], units: string[], limit: number): Promise<SearchHit[]> {
    return this.tx.manager.query(
      `SELECT ${COLUMNS} FROM (
         SELECT * FROM intake.inquiries i WHERE i.tenant_id = $1 AND ${UNIT} = ANY($2::text[]) ORDER BY i.received_at DESC LIMIT $5
       ) i
       WHERE (coalesce(i.subject, '') || ' ' || i.body) ILIKE ALL ($3::text[])
       ORDER BY i.received_at DESC, i.id LIMIT $4`,
      [tenantId, units, patterns, limit, TEXT_SCAN_WINDOW],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { AuditTrail, inquiryAccess, unitsReadableInFull } from '@lotsen/identity';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal, ProblemException } from '@lotsen/platform';
import { phoneKey } from '../../data-subjects/data-subject';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { InquiriesRepository } from '../inquiries.repository';
import { SEARCH_LIMIT_DEFAULT, SearchInquiriesQuery } from './search-inquiries.dto';
import { InquirySearchRepository, SearchHit } from './inquiry-search.repository';
import { containsPattern, maskedQuery, parseSearch, SearchKind, SearchQuery } from './search-query';

export interface SearchResultItem {
  id: string;
  reference: string;
  status: string;
  department: string | null;
  category: string | null;
  receivedAt: Date;
  channel?: string;
  subject?: string | null;
  summary?: string;
  sensitive?: boolean;
  redacted: boolean;
}

/**
 * Staff search, within need-to-know. A search by e-mail address, phone number or words lists only
 * inquiries the caller may read in full: anything else would tell them that a person has a case in
 * a unit they do not serve, or that a text they may not read holds those words. A reference names
 * one case, and the answer is what GET /v1/inquiries/:id shows: in full, or only that it exists.
 * A hit shows no contact data, and a sensitive one no text: opening the inquiry is the audited read.
 * Every search is in the audit trail, with its kind and the query masked.
 */
@Injectable()
export class InquirySearchService {
  constructor(
    private readonly tx: UnitOfWork,
    private readonly repo: InquirySearchRepository,
    private readonly tenants: TenantsRepository,
    private readonly audit: AuditTrail,
    private readonly inquiries: InquiriesRepository,
  ) {}

  /**
   * The same citizen's other inquiries (by the contact data of this one), for the staff who may
   * read this one: like a contact search, only those the reader may read in full, newest first.
   * Audited as `inquiry.earlier` on this inquiry, with the number of hits.
   */
  async earlier(p: Principal, id: string): Promise<{ items: SearchResultItem[] }> {
    const shown = await this.tx.run(async () => {
      const row = await this.inquiries.findById(p.tenantId, id);
      if (!row) return 'missing' as const;
      const access = inquiryAccess(p, { tenantId: row.tenantId, department: row.department, sensitive: row.sensitive });
      if (!access.full) {
        // Recorded, then refused outside the transaction, so the refusal stays in the trail.
        await this.audit.record(p, { action: 'inquiry.earlier', inquiryId: row.id, outcome: 'redacted', basis: access.because });
        return 'refused' as const;
      }
      const email = row.citizen?.email?.trim().toLowerCase() || undefined;
      const phone = row.citizen?.phone ? phoneKey(row.citizen.phone) : undefined;
      const units = unitsReadableInFull(p);
      const hits = (email || phone) && units.length ? await this.repo.byContact(p.tenantId, { email, phoneKey: phone }, units, SEARCH_LIMIT_DEFAULT + 1) : [];
      const items = hits.filter((h) => h.id !== row.id).slice(0, SEARCH_LIMIT_DEFAULT).map((h) => this.shown(p, h)).filter((i) => !i.redacted);
      await this.audit.record(p, { action: 'inquiry.earlier', inquiryId: row.id, target: `${items.length} ${items.length === 1 ? 'hit' : 'hits'}`, outcome: 'full', basis: access.because });
      return { items };
    });
    if (shown === 'missing') throw ProblemException.of(404, 'not-found', 'No such inquiry.');
    if (shown === 'refused') throw ProblemException.of(403, 'need-to-know', 'This inquiry is not in your work: you may see that it exists, not what it says.');
    return shown;
  }

  async search(p: Principal, dto: SearchInquiriesQuery): Promise<{ kind: SearchKind; items: SearchResultItem[] }> {
    if (dto.q.trim().length < 2) throw ProblemException.of(400, 'validation', 'q must be 2–200 characters besides spaces.');
    const query = parseSearch(dto.q);
    const limit = dto.limit ?? SEARCH_LIMIT_DEFAULT;
    return this.tx.run(async () => {
      const items = await this.find(p, query, limit);
      const full = items.filter((i) => !i.redacted).length;
      await this.audit.record(p, {
        action: 'inquiry.search',
        target: `${maskedQuery(query)}; ${items.length} ${items.length === 1 ? 'hit' : 'hits'} (${full} full, ${items.length - full} redacted)`,
        outcome: full ? 'full' : 'redacted',
        basis: query.kind,
      });
      return { kind: query.kind, items };
    });
  }

  private async find(p: Principal, query: SearchQuery, limit: number): Promise<SearchResultItem[]> {
    if (query.kind === 'reference') {
      const tenant = await this.tenants.findById(p.tenantId);
      const own = tenant && tenant.referencePrefix.toUpperCase() === query.prefix.toUpperCase() ? tenant.referencePrefix : query.prefix.toUpperCase();
      const hits = await this.repo.byReference(p.tenantId, [...new Set([`${own}-${query.rest}`, `${query.prefix}-${query.rest}`])]);
      return hits.map((h) => this.shown(p, h));
    }
    const units = unitsReadableInFull(p);
    if (!units.length) return [];
    const hits = query.kind === 'text'
      ? await this.repo.byWords(p.tenantId, query.words.map(containsPattern), units, limit)
      : await this.repo.byContact(p.tenantId, query.kind === 'email' ? { email: query.email } : { phoneKey: query.phoneKey }, units, limit);
    // The units narrowed the search; inquiryAccess has the last word on each hit.
    return hits.map((h) => this.shown(p, h)).filter((i) => !i.redacted);
  }

  private shown(p: Principal, h: SearchHit): SearchResultItem {
    const exists = { id: h.id, reference: h.reference, status: h.status, department: h.department, category: h.category, receivedAt: h.receivedAt };
    if (!inquiryAccess(p, { tenantId: h.tenantId, department: h.department, sensitive: h.sensitive }).full) return { ...exists, redacted: true };
    if (h.sensitive) return { ...exists, channel: h.channel, sensitive: true, redacted: false };
    return { ...exists, channel: h.channel, subject: h.subject, summary: h.summary, sensitive: false, redacted: false };
  }
}

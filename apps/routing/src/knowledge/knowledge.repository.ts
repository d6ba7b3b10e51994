import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

/** Postgres text search configuration per language; 'simple' keeps every other word as it is. */
export function searchConfig(language: string): string {
  return ({ sv: 'swedish', en: 'english', fi: 'finnish', ar: 'arabic' } as Record<string, string>)[language] ?? 'simple';
}

export type KnowledgeStatus = 'draft' | 'published';

export interface KnowledgeHit {
  id: string;
  kind: 'answered' | 'curated';
  question: string;
  answer: string;
  language: string;
  category: string | null;
  department: string | null;
  score: number;
}

export interface KnowledgeDraft {
  id: string;
  inquiryId: string | null;
  question: string;
  answer: string;
  language: string;
  category: string | null;
  department: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublishedEntry extends Omit<KnowledgeDraft, 'createdAt' | 'updatedAt'> {
  status: 'published';
  publishedBy: string;
  publishedAt: Date;
}

// The query as OR of its stemmed words in Swedish, English and as written: long inquiry texts
// and short search-box queries both find partial matches, ranked by ts_rank.
const OR_QUERY = `(
  COALESCE(NULLIF(replace(plainto_tsquery('swedish', $2)::text, ' & ', ' | '), '')::tsquery, ''::tsquery) ||
  COALESCE(NULLIF(replace(plainto_tsquery('english', $2)::text, ' & ', ' | '), '')::tsquery, ''::tsquery) ||
  COALESCE(NULLIF(replace(plainto_tsquery('simple', $2)::text, ' & ', ' | '), '')::tsquery, ''::tsquery))`;

/** The weighted document of an entry: question stemmed (A) and as written (B), answer stemmed (C). */
const SEARCH_VECTOR = (cfg: string, question: string, answer: string) =>
  `setweight(to_tsvector(${cfg}::regconfig, ${question}), 'A') || setweight(to_tsvector('simple', ${question}), 'B') || setweight(to_tsvector(${cfg}::regconfig, ${answer}), 'C')`;

const DRAFT_COLUMNS = `id, inquiry_id AS "inquiryId", question, answer, language, category, department, created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class KnowledgeRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /**
   * A curated answer (published as written by staff), or a draft learned from a case. An inquiry
   * answered again refreshes its draft; an entry already published is not changed by it.
   */
  async add(k: { tenantId: string; kind: 'answered' | 'curated'; status: KnowledgeStatus; inquiryId?: string; question: string; answer: string; language: string; category?: string | null; department?: string | null; id?: string; publishedBy?: string }): Promise<void> {
    const cfg = searchConfig(k.language);
    await this.tx.manager.query(
      `INSERT INTO routing.knowledge (id, tenant_id, kind, status, inquiry_id, question, answer, language, category, department, published_by, published_at, search)
       VALUES ($1,$2,$3,$11,$4,$5,$6,$7,$8,$9,$12, CASE WHEN $11 = 'published' THEN now() END, ${SEARCH_VECTOR('$10', '$5', '$6')})
       ON CONFLICT (inquiry_id) DO UPDATE SET question = EXCLUDED.question, answer = EXCLUDED.answer, search = EXCLUDED.search, updated_at = now()
         WHERE routing.knowledge.status = 'draft'`,
      [k.id ?? randomUUID(), k.tenantId, k.kind, k.inquiryId ?? null, k.question, k.answer, k.language, k.category ?? null, k.department ?? null, cfg, k.status, k.publishedBy ?? null],
    );
  }

  /** Full-text match (stemmed, any of the words) plus trigram similarity for misspellings; published entries only. */
  async search(tenantId: string, text: string, limit: number, excludeInquiry?: string): Promise<KnowledgeHit[]> {
    const rows = await this.tx.manager.query(
      `WITH q AS (SELECT ${OR_QUERY} AS tsq)
       SELECT k.id, k.kind, k.question, k.answer, k.language, k.category, k.department,
         ts_rank(k.search, q.tsq) + word_similarity($2, k.question) AS score
       FROM routing.knowledge k, q
       WHERE k.tenant_id = $1 AND k.status = 'published' AND (k.search @@ q.tsq OR $2 <% k.question)
         AND ($4::uuid IS NULL OR k.inquiry_id IS DISTINCT FROM $4::uuid)
       ORDER BY score DESC, k.created_at DESC
       LIMIT $3`,
      [tenantId, text, limit, excludeInquiry ?? null],
    );
    return rows.map((r: Record<string, any>) => ({ ...r, score: Math.round(Number(r.score) * 1000) / 1000 }));
  }

  drafts(tenantId: string, limit: number): Promise<KnowledgeDraft[]> {
    return this.tx.manager.query(
      `SELECT ${DRAFT_COLUMNS} FROM routing.knowledge WHERE tenant_id = $1 AND status = 'draft' ORDER BY created_at DESC, id LIMIT $2`,
      [tenantId, limit],
    );
  }

  async draft(tenantId: string, id: string, lock = false): Promise<KnowledgeDraft | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT ${DRAFT_COLUMNS} FROM routing.knowledge WHERE tenant_id = $1 AND id = $2 AND status = 'draft'${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return row;
  }

  /** New text for a draft (the search document follows it). */
  async editDraft(tenantId: string, id: string, text: { question: string; answer: string }): Promise<KnowledgeDraft | undefined> {
    const language = (await this.draft(tenantId, id))?.language;
    if (!language) return undefined;
    const result = await this.tx.manager.query(
      `UPDATE routing.knowledge SET question = $3, answer = $4, updated_at = now(), search = ${SEARCH_VECTOR('$5', '$3', '$4')}
       WHERE tenant_id = $1 AND id = $2 AND status = 'draft'
       RETURNING ${DRAFT_COLUMNS}`,
      [tenantId, id, text.question, text.answer, searchConfig(language)],
    );
    return returningRows<KnowledgeDraft>(result)[0];
  }

  async publish(tenantId: string, id: string, by: string): Promise<PublishedEntry | undefined> {
    const result = await this.tx.manager.query(
      `UPDATE routing.knowledge SET status = 'published', published_by = $3, published_at = now(), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'draft'
       RETURNING id, inquiry_id AS "inquiryId", question, answer, language, category, department, status, published_by AS "publishedBy", published_at AS "publishedAt"`,
      [tenantId, id, by],
    );
    return returningRows<PublishedEntry>(result)[0];
  }

  /** A discarded draft is deleted: its text came from a citizen's case and is kept nowhere else here. */
  async discard(tenantId: string, id: string): Promise<boolean> {
    const result = await this.tx.manager.query(`DELETE FROM routing.knowledge WHERE tenant_id = $1 AND id = $2 AND status = 'draft' RETURNING id`, [tenantId, id]);
    return returningRows(result).length > 0;
  }
}

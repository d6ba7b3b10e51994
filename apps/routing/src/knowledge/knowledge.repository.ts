import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { TransactionContext } from '@lotsen/persistence';

/** Postgres text search configuration per language; 'simple' keeps every other word as it is. */
export function searchConfig(language: string): string {
  return ({ sv: 'swedish', en: 'english', fi: 'finnish', ar: 'arabic' } as Record<string, string>)[language] ?? 'simple';
}

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

// The query as OR of its stemmed words in Swedish, English and as written: long inquiry texts
// and short search-box queries both find partial matches, ranked by ts_rank.
const OR_QUERY = `(
  COALESCE(NULLIF(replace(plainto_tsquery('swedish', $2)::text, ' & ', ' | '), '')::tsquery, ''::tsquery) ||
  COALESCE(NULLIF(replace(plainto_tsquery('english', $2)::text, ' & ', ' | '), '')::tsquery, ''::tsquery) ||
  COALESCE(NULLIF(replace(plainto_tsquery('simple', $2)::text, ' & ', ' | '), '')::tsquery, ''::tsquery))`;

@Injectable()
export class KnowledgeRepository {
  constructor(private readonly tx: TransactionContext) {}

  async add(k: { tenantId: string; kind: 'answered' | 'curated'; inquiryId?: string; question: string; answer: string; language: string; category?: string | null; department?: string | null; id?: string }): Promise<void> {
    const cfg = searchConfig(k.language);
    await this.tx.manager.query(
      `INSERT INTO routing.knowledge (id, tenant_id, kind, inquiry_id, question, answer, language, category, department, search)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,
         setweight(to_tsvector($10::regconfig, $5), 'A') || setweight(to_tsvector('simple', $5), 'B') || setweight(to_tsvector($10::regconfig, $6), 'C'))
       ON CONFLICT (inquiry_id) DO UPDATE SET answer = EXCLUDED.answer, search = EXCLUDED.search`,
      [k.id ?? randomUUID(), k.tenantId, k.kind, k.inquiryId ?? null, k.question, k.answer, k.language, k.category ?? null, k.department ?? null, cfg],
    );
  }

  /** Full-text match (stemmed, any of the words) plus trigram similarity for misspellings. */
  async search(tenantId: string, text: string, limit: number, excludeInquiry?: string): Promise<KnowledgeHit[]> {
    const rows = await this.tx.manager.query(
      `WITH q AS (SELECT ${OR_QUERY} AS tsq)
       SELECT k.id, k.kind, k.question, k.answer, k.language, k.category, k.department,
         ts_rank(k.search, q.tsq) + word_similarity($2, k.question) AS score
       FROM routing.knowledge k, q
       WHERE k.tenant_id = $1 AND (k.search @@ q.tsq OR $2 <% k.question)
         AND ($4::uuid IS NULL OR k.inquiry_id IS DISTINCT FROM $4::uuid)
       ORDER BY score DESC, k.created_at DESC
       LIMIT $3`,
      [tenantId, text, limit, excludeInquiry ?? null],
    );
    return rows.map((r: Record<string, any>) => ({ ...r, score: Math.round(Number(r.score) * 1000) / 1000 }));
  }
}

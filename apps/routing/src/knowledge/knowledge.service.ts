import { Injectable } from '@nestjs/common';
import { departmentsOf, maskPii, Principal, rolesOf } from '@lotsen/platform';
import { KnowledgeHit, KnowledgeRepository } from './knowledge.repository';

const MAX_QUERY = 2000;

/** Earlier answered questions and curated answers: search, suggestions, and learning from answers. */
@Injectable()
export class KnowledgeService {
  constructor(private readonly repo: KnowledgeRepository) {}

  /**
   * Search as a person may: contact-center staff across the municipality; a department (its key or
   * caseworkers) only its own answers and the curated ones meant for everyone.
   */
  async searchFor(p: Principal, q: string): Promise<KnowledgeHit[]> {
    const roles = rolesOf(p);
    if (!roles.every((r) => r === 'department')) return this.search(p.tenantId, q);
    const own = departmentsOf(p);
    return (await this.search(p.tenantId, q, 50)).filter((h) => (h.department ? own.includes(h.department) : h.kind === 'curated')).slice(0, 10);
  }

  search(tenantId: string, q: string, limit = 10): Promise<KnowledgeHit[]> {
    return this.repo.search(tenantId, q.slice(0, MAX_QUERY), limit);
  }

  /** The top 3 similar earlier answers for a new item. */
  async suggest(tenantId: string, subject: string | null | undefined, body: string, inquiryId?: string) {
    const hits = await this.repo.search(tenantId, `${subject ?? ''} ${body}`.slice(0, MAX_QUERY), 3, inquiryId);
    return hits.map((h) => ({ id: h.id, kind: h.kind, question: h.question, answer: h.answer, score: h.score }));
  }

  /** An answer given to a citizen becomes searchable (personal data masked; sensitive cases never). */
  async learn(a: { tenantId: string; inquiryId: string; subject: string | null; body: string; answer: string; language: string; category: string | null; department: string; sensitive: boolean }) {
    if (a.sensitive) return;
    const question = maskPii([a.subject, a.body].filter(Boolean).join(' — ')).slice(0, 4000);
    await this.repo.add({ tenantId: a.tenantId, kind: 'answered', inquiryId: a.inquiryId, question, answer: maskPii(a.answer).slice(0, 8000), language: a.language, category: a.category, department: a.department });
  }

  curated(c: { tenantId: string; question: string; answer: string; language: string; category?: string; department?: string }) {
    return this.repo.add({ ...c, kind: 'curated' });
  }
}

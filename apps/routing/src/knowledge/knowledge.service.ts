import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { departmentsOf, maskPii, Principal, ProblemException, rolesOf } from '@lotsen/platform';
import { KnowledgeDraft, KnowledgeHit, KnowledgeRepository, PublishedEntry } from './knowledge.repository';

const MAX_QUERY = 2000;

export interface DraftText {
  question?: string;
  answer?: string;
}

/**
 * Curated answers and answers staff published: search and suggestions. An answer given to a
 * citizen is only a draft here until a supervisor has reviewed it, removed what identifies the
 * citizen, and published it: until then no other case and no search sees it.
 */
@Injectable()
export class KnowledgeService {
  constructor(private readonly repo: KnowledgeRepository, private readonly tx: UnitOfWork) {}

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

  /** The top 3 similar published answers for a new item. */
  async suggest(tenantId: string, subject: string | null | undefined, body: string, inquiryId?: string) {
    const hits = await this.repo.search(tenantId, `${subject ?? ''} ${body}`.slice(0, MAX_QUERY), 3, inquiryId);
    return hits.map((h) => ({ id: h.id, kind: h.kind, question: h.question, answer: h.answer, score: h.score }));
  }

  /** An answer given to a citizen becomes a draft for review (contact details masked already; sensitive cases never). */
  async learn(a: { tenantId: string; inquiryId: string; subject: string | null; body: string; answer: string; language: string; category: string | null; department: string; sensitive: boolean }) {
    if (a.sensitive) return;
    const question = maskPii([a.subject, a.body].filter(Boolean).join(' — ')).slice(0, 4000);
    await this.repo.add({
      tenantId: a.tenantId, kind: 'answered', status: 'draft', inquiryId: a.inquiryId, question, answer: maskPii(a.answer).slice(0, 8000),
      language: a.language, category: a.category, department: a.department,
    });
  }

  /** Written by staff for everyone: published as it is. */
  curated(c: { tenantId: string; question: string; answer: string; language: string; category?: string; department?: string; by: string }) {
    const { by, ...entry } = c;
    return this.repo.add({ ...entry, kind: 'curated', status: 'published', publishedBy: by });
  }

  drafts(tenantId: string, limit: number): Promise<KnowledgeDraft[]> {
    return this.repo.drafts(tenantId, limit);
  }

  async editDraft(tenantId: string, id: string, text: DraftText): Promise<KnowledgeDraft> {
    return this.tx.run(async () => {
      const draft = await this.existingDraft(tenantId, id);
      return (await this.repo.editDraft(tenantId, id, { question: text.question ?? draft.question, answer: text.answer ?? draft.answer }))!;
    });
  }

  /** Publishes a draft, with the reviewer's final text if given. */
  async publish(tenantId: string, id: string, by: string, text: DraftText): Promise<PublishedEntry> {
    return this.tx.run(async () => {
      const draft = await this.existingDraft(tenantId, id);
      const question = text.question ?? draft.question;
      // The citizen's own words are where their contact details are; the answer may rightly name the municipality's.
      if (maskPii(question) !== question) {
        throw ProblemException.of(422, 'personal-data', 'question: still holds an e-mail address, phone number or personnummer; remove it before publishing.');
      }
      if (text.question !== undefined || text.answer !== undefined) await this.repo.editDraft(tenantId, id, { question, answer: text.answer ?? draft.answer });
      return (await this.repo.publish(tenantId, id, by))!;
    });
  }

  async discard(tenantId: string, id: string): Promise<void> {
    if (!(await this.repo.discard(tenantId, id))) throw notFound();
  }

  private async existingDraft(tenantId: string, id: string): Promise<KnowledgeDraft> {
    const draft = await this.repo.draft(tenantId, id, true);
    if (!draft) throw notFound();
    return draft;
  }
}

function notFound(): ProblemException {
  return ProblemException.of(404, 'not-found', 'No such draft (it may have been published or discarded already).');
}

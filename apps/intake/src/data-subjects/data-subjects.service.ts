import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@lotsen/identity';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal, ProblemException } from '@lotsen/platform';
import { maskedSubject, personnummerPattern, phoneKey } from './data-subject';
import { DataSubjectsRepository, SubjectInquiry } from './data-subjects.repository';
import { DataSubjectDto } from './data-subjects.dto';

/** Said instead of the case when the person is only named in someone else's secret inquiry. */
export const WITHHELD_REASON = 'Secrecy (sekretess, OSL) applies to inquiries in which the person is named by someone else; they are not disclosed here.';

/**
 * The citizen's rights, intake's part: everything intake holds about a person (the cases they
 * wrote, the cases that name their personnummer), for an access request (registerutdrag) or to
 * find what an erasure covers. Every look-up is recorded with who asked (and about whom, masked).
 */
@Injectable()
export class DataSubjectsService {
  private readonly log = new Logger('DataSubjects');

  constructor(private readonly tx: UnitOfWork, private readonly repo: DataSubjectsRepository, private readonly audit: AuditTrail) {}

  async find(p: Principal, dto: DataSubjectDto) {
    if (!dto.email && !dto.phone && !dto.personnummer) throw ProblemException.of(400, 'validation', 'Give an e-mail address, a phone number or a personnummer.');
    const who = { email: dto.email, phoneKey: dto.phone ? phoneKey(dto.phone) : undefined, pnrPattern: dto.personnummer ? personnummerPattern(dto.personnummer) : undefined };
    return this.tx.run(async () => {
      const found = await this.repo.inquiries(p.tenantId, who);
      // Named in a secret case someone else wrote: it exists, and that is all the requester learns.
      const disclosed = found.filter((i) => i.ownCase || !i.sensitive);
      const withheld = found.length - disclosed.length;
      const ids = disclosed.map((i) => i.id);
      const thread = await this.repo.thread(ids);
      const mail = await this.repo.mail(ids);
      const attachments = await this.repo.attachments(ids);
      const requestedBy = p.subjectId ?? `key:${p.keyId}`;
      const requestId = await this.repo.record({
        tenantId: p.tenantId, kind: dto.purpose, subjectMasked: maskedSubject(dto), requestedBy, inquiries: disclosed.length, outcome: { withheld },
      });
      for (const inquiryId of ids) await this.audit.record(p, { action: 'data-subject.search', inquiryId, target: `request ${requestId}`, outcome: 'full', basis: `${dto.purpose} request` });
      this.log.log(`${dto.purpose} request ${requestId} by ${requestedBy}: ${disclosed.length} inquiries, ${withheld} withheld`);
      const of = <T extends { inquiryId: string }>(rows: T[], id: string) => rows.filter((r) => r.inquiryId === id).map(({ inquiryId: _, ...r }) => r);
      return {
        requestId,
        inquiries: disclosed.map((i: SubjectInquiry) => ({
          ...i, thread: of(thread, i.id), mail: of(mail, i.id), attachments: of(attachments, i.id),
        })),
        withheld: withheld ? { count: withheld, reason: WITHHELD_REASON } : null,
      };
    });
  }

  requests(p: Principal) {
    return this.tx.run(() => this.repo.requests(p.tenantId));
  }
}

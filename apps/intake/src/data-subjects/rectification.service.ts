import { Injectable, Logger } from '@nestjs/common';
import { EventTypes } from '@lotsen/contracts';
import { AuditTrail } from '@lotsen/identity';
import { EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal, ProblemException } from '@lotsen/platform';
import { maskedSubject, phoneKey } from './data-subject';
import { DataSubjectsRepository } from './data-subjects.repository';
import { RectificationDto } from './data-subjects.dto';

/**
 * Rectification of contact data (GDPR art. 16): the person's inquiries (those whose contact data is
 * theirs) get the corrected name, address or number, and every service holding a copy is told in
 * the same transaction (inquiry.contact.rectified), so later messages reach the right address.
 * What the person wrote, and mail as it was received, are records and stay as they are.
 */
@Injectable()
export class RectificationService {
  private readonly log = new Logger('Rectification');

  constructor(private readonly tx: UnitOfWork, private readonly repo: DataSubjectsRepository, private readonly events: EventPublisher, private readonly audit: AuditTrail) {}

  async rectify(p: Principal, dto: RectificationDto) {
    if (!dto.email && !dto.phone) throw ProblemException.of(400, 'validation', 'Give the e-mail address or phone number the inquiries carry now.');
    const correction = Object.fromEntries(Object.entries({ name: dto.correct.name, email: dto.correct.email, phone: dto.correct.phone }).filter(([, v]) => v !== undefined));
    const fields = Object.keys(correction);
    if (!fields.length) throw ProblemException.of(400, 'validation', 'Give at least one corrected value: name, email or phone.');
    const who = { email: dto.email, phoneKey: dto.phone ? phoneKey(dto.phone) : undefined };
    if (dto.phone && !who.phoneKey) throw ProblemException.of(400, 'validation', 'The phone number has too few digits.');
    return this.tx.run(async () => {
      const inquiries = await this.repo.ownByContact(p.tenantId, who);
      if (inquiries.length) {
        await this.repo.correctContact(inquiries.map((i) => i.id), correction);
        for (const i of inquiries) await this.events.publish(EventTypes.InquiryContactRectified, { inquiryId: i.id, ...correction }, { tenantId: p.tenantId, correlationId: i.id });
      }
      const requestedBy = p.subjectId ?? `key:${p.keyId}`;
      const requestId = await this.repo.record({
        tenantId: p.tenantId, kind: 'rectification', subjectMasked: maskedSubject(who.email ? { email: dto.email } : { phone: dto.phone }),
        requestedBy, inquiries: inquiries.length, outcome: { fields, reason: dto.reason },
      });
      for (const i of inquiries) await this.audit.record(p, { action: 'data-subject.rectify', inquiryId: i.id, target: `request ${requestId}: ${fields.join(', ')}`, outcome: 'changed', basis: 'rectification request' });
      this.log.log(`rectification ${requestId} by ${requestedBy}: ${inquiries.length} inquiries, fields ${fields.join(', ')}`);
      return { requestId, fields, inquiries: inquiries.map((i) => i.reference) };
    });
  }
}

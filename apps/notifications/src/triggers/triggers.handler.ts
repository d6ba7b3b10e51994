import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryReceivedPayload } from '@lotsen/contracts';
import { RecipientsRepository } from './recipients.repository';

@Controller()
export class TriggersHandler {
  constructor(private readonly recipients: RecipientsRepository) {}

  @EventPattern(EventTypes.InquiryReceived)
  received(@Payload() e: EventEnvelope<InquiryReceivedPayload>) {
    const p = e.payload;
    return this.recipients.upsert({
      inquiryId: p.inquiryId, tenantId: e.tenantId, reference: p.reference, language: p.citizen?.preferredLanguage ?? p.language,
      email: p.citizen?.email, phone: p.citizen?.phone, notify: p.citizen?.notify ?? false,
    });
  }
}

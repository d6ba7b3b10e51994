import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryReceivedPayload } from '@lotsen/contracts';
import { RoutingInquiriesRepository } from './inquiries.repository';

@Controller()
export class InquiriesHandler {
  constructor(private readonly inquiries: RoutingInquiriesRepository) {}

  @EventPattern(EventTypes.InquiryReceived)
  received(@Payload() e: EventEnvelope<InquiryReceivedPayload>) {
    const p = e.payload;
    return this.inquiries.insert({ id: p.inquiryId, tenantId: e.tenantId, reference: p.reference, channel: p.channel, language: p.language, receivedAt: p.receivedAt });
  }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryMessageAddedPayload, InquiryReceivedPayload } from '@lotsen/contracts';
import { WorkService } from '../work/work.service';
import { RoutingService } from './routing.service';

/** Routing's consumer (queue routing.inquiries): one use-case per event. */
@Controller()
export class RoutingHandler {
  constructor(private readonly routing: RoutingService, private readonly work: WorkService) {}

  @EventPattern(EventTypes.InquiryReceived)
  received(@Payload() e: EventEnvelope<InquiryReceivedPayload>) {
    return this.routing.route(e);
  }

  @EventPattern(EventTypes.InquiryMessageAdded)
  messageAdded(@Payload() e: EventEnvelope<InquiryMessageAddedPayload>) {
    return this.work.citizenFollowUp(e);
  }
}

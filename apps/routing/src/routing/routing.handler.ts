import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryMessageAddedPayload, InquiryReceivedPayload } from '@lotsen/contracts';
import { EventBatchPattern } from '@lotsen/messaging';
import { WorkService } from '../work/work.service';
import { RoutingService } from './routing.service';

/** Routing's consumer (queue routing.inquiries): one use-case per event type (inquiry.received in batches). */
@Controller()
export class RoutingHandler {
  constructor(private readonly routing: RoutingService, private readonly work: WorkService) {}

  @EventBatchPattern(EventTypes.InquiryReceived)
  received(@Payload() events: Array<EventEnvelope<InquiryReceivedPayload>>) {
    return this.routing.route(events);
  }

  @EventPattern(EventTypes.InquiryMessageAdded)
  messageAdded(@Payload() e: EventEnvelope<InquiryMessageAddedPayload>) {
    return this.work.citizenFollowUp(e);
  }
}

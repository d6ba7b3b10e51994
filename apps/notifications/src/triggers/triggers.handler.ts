import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope, EventTypes, InquiryAnsweredPayload, InquiryAssignedPayload, InquiryCitizenAskedPayload, InquiryMessageAddedPayload, InquiryReceivedPayload,
  InquiryResolvedPayload, InquiryRoutedPayload, InquiryTransferredPayload, SlaPayload,
} from '@lotsen/contracts';
import { EventBatchPattern } from '@lotsen/messaging';
import { TriggersService } from './triggers.service';

/** Consumed events (queue notifications.triggers); each calls one use-case (receipts and routings in batches). */
@Controller()
export class TriggersHandler {
  constructor(private readonly triggers: TriggersService) {}

  @EventBatchPattern(EventTypes.InquiryReceived)
  received(@Payload() events: Array<EventEnvelope<InquiryReceivedPayload>>) {
    return this.triggers.received(events);
  }

  @EventBatchPattern(EventTypes.InquiryRouted)
  routed(@Payload() events: Array<EventEnvelope<InquiryRoutedPayload>>) {
    return this.triggers.routed(events);
  }

  @EventPattern(EventTypes.InquiryAssigned)
  assigned(@Payload() e: EventEnvelope<InquiryAssignedPayload>) {
    return this.triggers.assigned(e);
  }

  @EventPattern(EventTypes.InquiryTransferred)
  transferred(@Payload() e: EventEnvelope<InquiryTransferredPayload>) {
    return this.triggers.transferred(e);
  }

  @EventPattern(EventTypes.InquiryAnswered)
  answered(@Payload() e: EventEnvelope<InquiryAnsweredPayload>) {
    return this.triggers.answered(e);
  }

  @EventPattern(EventTypes.InquiryMessageAdded)
  messageAdded(@Payload() e: EventEnvelope<InquiryMessageAddedPayload>) {
    return this.triggers.messageAdded(e);
  }

  @EventPattern(EventTypes.InquiryCitizenAsked)
  citizenAsked(@Payload() e: EventEnvelope<InquiryCitizenAskedPayload>) {
    return this.triggers.citizenAsked(e);
  }

  @EventPattern(EventTypes.InquiryResolved)
  resolved(@Payload() e: EventEnvelope<InquiryResolvedPayload>) {
    return this.triggers.resolved(e);
  }

  @EventPattern(EventTypes.SlaBreached)
  slaBreached(@Payload() e: EventEnvelope<SlaPayload>) {
    return this.triggers.slaBreached(e);
  }
}

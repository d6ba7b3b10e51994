import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes } from '@lotsen/contracts';
import { StatusProjectionService } from './status-projection.service';

/** Thin: each routing event is one call into the status projection. */
@Controller()
export class StatusHandler {
  constructor(private readonly status: StatusProjectionService) {}

  @EventPattern(EventTypes.InquiryRouted) routed(@Payload() e: EventEnvelope<never>) { return this.status.routed(e); }
  @EventPattern(EventTypes.InquiryAssigned) assigned(@Payload() e: EventEnvelope<never>) { return this.status.assigned(e); }
  @EventPattern(EventTypes.InquiryTransferred) transferred(@Payload() e: EventEnvelope<never>) { return this.status.transferred(e); }
  @EventPattern(EventTypes.InquiryReturned) returned(@Payload() e: EventEnvelope<never>) { return this.status.returned(e); }
  @EventPattern(EventTypes.InquiryAnswered) answered(@Payload() e: EventEnvelope<never>) { return this.status.answered(e); }
  @EventPattern(EventTypes.InquiryCitizenAsked) citizenAsked(@Payload() e: EventEnvelope<never>) { return this.status.citizenAsked(e); }
  @EventPattern(EventTypes.InquiryCaseNumberRecorded) caseNumberRecorded(@Payload() e: EventEnvelope<never>) { return this.status.caseNumberRecorded(e); }
  @EventPattern(EventTypes.InquiryResolved) resolved(@Payload() e: EventEnvelope<never>) { return this.status.resolved(e); }
  @EventPattern(EventTypes.InquiryReopened) reopened(@Payload() e: EventEnvelope<never>) { return this.status.reopened(e); }
  @EventPattern(EventTypes.NotificationSent) notificationSent(@Payload() e: EventEnvelope<never>) { return this.status.notificationSent(e); }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryRetentionDonePayload } from '@lotsen/contracts';
import { RetentionService } from './retention.service';

/** Each service's confirmation of a retention step, kept so a run's progress can be followed. */
@Controller()
export class RetentionProgressHandler {
  constructor(private readonly retention: RetentionService) {}

  @EventPattern(EventTypes.InquiryRetentionDone)
  done(@Payload() e: EventEnvelope<InquiryRetentionDonePayload>) {
    return this.retention.recordStep(e);
  }
}

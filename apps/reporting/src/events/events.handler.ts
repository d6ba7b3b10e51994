import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ALL_EVENT_TYPES, EventEnvelope, EventTypes } from '@lotsen/contracts';
import { IngestService } from '../projections/ingest.service';

/**
 * Retention events change what is kept, they are no figures of their own (see retention/); a
 * rectification is only corrected contact data, which reporting never keeps; a question to the
 * citizen is staff's free text and no figure of its own, and neither is a department's case number.
 */
const NOT_RECORDED: string[] = [
  EventTypes.InquiryRetentionDue, EventTypes.InquiryRetentionDone, EventTypes.InquiryContactRectified, EventTypes.InquiryCitizenAsked,
  EventTypes.InquiryCaseNumberRecorded,
];
const RECORDED_EVENT_TYPES = ALL_EVENT_TYPES.filter((t) => !NOT_RECORDED.includes(t));

/** Reporting keeps every event type that is a fact about an inquiry or a call. */
@Controller()
export class EventsHandler {
  constructor(private readonly ingest: IngestService) {}

  @EventPattern(RECORDED_EVENT_TYPES)
  record(@Payload() event: EventEnvelope) {
    return this.ingest.record(event);
  }
}

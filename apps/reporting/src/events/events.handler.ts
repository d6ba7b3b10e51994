import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ALL_EVENT_TYPES, EventEnvelope } from '@lotsen/contracts';
import { IngestService } from '../projections/ingest.service';

/** Reporting keeps every event type. */
@Controller()
export class EventsHandler {
  constructor(private readonly ingest: IngestService) {}

  @EventPattern(ALL_EVENT_TYPES)
  record(@Payload() event: EventEnvelope) {
    return this.ingest.record(event);
  }
}

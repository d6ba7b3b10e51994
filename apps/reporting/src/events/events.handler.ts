import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ALL_EVENT_TYPES, EventEnvelope } from '@lotsen/contracts';
import { KpisService } from '../kpis/kpis.service';

/** Reporting keeps every event type. */
@Controller()
export class EventsHandler {
  constructor(private readonly kpis: KpisService) {}

  @EventPattern(ALL_EVENT_TYPES)
  record(@Payload() event: EventEnvelope) {
    return this.kpis.record(event);
  }
}

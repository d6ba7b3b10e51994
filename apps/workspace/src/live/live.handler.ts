import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes } from '@lotsen/contracts';
import { LiveHub } from './live-hub';

/** The events that change what a queue, an inquiry view or the supervisor's board shows. */
export const LIVE_EVENT_TYPES = [
  EventTypes.InquiryReceived, EventTypes.InquiryMessageAdded, EventTypes.InquiryRouted, EventTypes.InquiryAssigned,
  EventTypes.InquiryTransferred, EventTypes.InquiryReturned, EventTypes.InquiryAnswered, EventTypes.InquiryResolved,
  EventTypes.InquiryReopened, EventTypes.SlaWarning, EventTypes.SlaBreached, EventTypes.InquiryCaseNumberRecorded,
];

/** The workspace's own queue on lotsen.events (workspace.live): each event goes to the open browsers of its tenant. */
@Controller()
export class LiveHandler {
  constructor(private readonly hub: LiveHub) {}

  @EventPattern(LIVE_EVENT_TYPES)
  forward(@Payload() event: EventEnvelope) {
    this.hub.publish(event);
  }
}

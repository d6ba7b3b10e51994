import { Controller, Inject, Injectable, Provider, Type } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryRetentionDonePayload, InquiryRetentionDuePayload, RetentionService } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { DataSubjectExport } from './data-subject-export';

/** What a service holds of one inquiry's personal data, removed or anonymised; returns the rows touched. */
export interface PersonalDataEraser {
  erase(tenantId: string, inquiryId: string): Promise<number>;
}

export const PERSONAL_DATA_ERASER = Symbol('PERSONAL_DATA_ERASER');
const PARTICIPANT = Symbol('RETENTION_PARTICIPANT');

/**
 * Every service's part of a retention run: on `inquiry.retention.due` it removes its own copy in
 * the consumer's transaction (with its inbox row, so a redelivery removes nothing twice) and
 * confirms with `inquiry.retention.done` in the same transaction. Erasers are idempotent, so a
 * service without an inbox (reporting) may see the event twice: the second confirmation is a
 * no-op where progress is recorded.
 */
@Injectable()
export class RetentionParticipantService {
  constructor(
    @Inject(PARTICIPANT) private readonly service: RetentionService,
    @Inject(PERSONAL_DATA_ERASER) private readonly eraser: PersonalDataEraser,
    private readonly events: EventPublisher,
  ) {}

  async eraseOwnCopy(e: EventEnvelope<InquiryRetentionDuePayload>): Promise<void> {
    const rows = await this.eraser.erase(e.tenantId, e.payload.inquiryId);
    const done: InquiryRetentionDonePayload = { inquiryId: e.payload.inquiryId, runId: e.payload.runId, service: this.service, rows };
    await this.events.publish(EventTypes.InquiryRetentionDone, done, { tenantId: e.tenantId });
  }
}

@Controller()
export class RetentionDueHandler {
  constructor(private readonly participant: RetentionParticipantService) {}

  @EventPattern(EventTypes.InquiryRetentionDue)
  due(@Payload() e: EventEnvelope<InquiryRetentionDuePayload>) {
    return this.participant.eraseOwnCopy(e);
  }
}

/** Controllers and providers that make a service take part in retention runs with its eraser, and in access requests. */
export function retentionParticipant(service: RetentionService, eraser: Type<PersonalDataEraser>): { controllers: Type[]; providers: Provider[] } {
  return {
    controllers: [RetentionDueHandler],
    providers: [{ provide: PARTICIPANT, useValue: service }, eraser, { provide: PERSONAL_DATA_ERASER, useExisting: eraser }, RetentionParticipantService, DataSubjectExport],
  };
}

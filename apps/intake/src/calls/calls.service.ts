import { Injectable, Logger } from '@nestjs/common';
import { CallPayload, EventTypes } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal, ProblemException } from '@lotsen/platform';
import { CallEventDto } from './call-event.dto';
import { CallsRepository } from './calls.repository';

const TYPES = { offered: EventTypes.CallOffered, answered: EventTypes.CallAnswered, abandoned: EventTypes.CallAbandoned } as const;

/** Telephony events become call.* events for reporting, once per call and event. */
@Injectable()
export class CallsService {
  private readonly logger = new Logger('Calls');

  constructor(private readonly tx: UnitOfWork, private readonly calls: CallsRepository, private readonly events: EventPublisher) {}

  async record(principal: Principal, dto: CallEventDto): Promise<{ callId: string; event: string; status: 'recorded' | 'duplicate' }> {
    const at = dto.at ? new Date(dto.at) : new Date();
    if (at.getTime() > Date.now() + 5 * 60_000) throw ProblemException.of(400, 'validation', 'at lies in the future.');
    const recorded = await this.tx.run(async () => {
      const fresh = await this.calls.record({ tenantId: principal.tenantId, callId: dto.callId, event: dto.event, queue: dto.queue, waitSeconds: dto.waitSeconds, agentId: dto.agentId, at });
      if (!fresh) return false;
      const payload: CallPayload = { callId: dto.callId, queue: dto.queue, waitSeconds: dto.waitSeconds, agentId: dto.agentId, at: at.toISOString() };
      await this.events.publish(TYPES[dto.event], payload, { tenantId: principal.tenantId, occurredAt: at });
      return true;
    });
    if (recorded) this.logger.log(`call ${dto.event} in queue ${dto.queue}`);
    return { callId: dto.callId, event: dto.event, status: recorded ? 'recorded' : 'duplicate' };
  }
}

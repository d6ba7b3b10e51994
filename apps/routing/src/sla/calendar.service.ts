import { Injectable } from '@nestjs/common';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { EventTypes, TenantCalendarChangedPayload } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { ProblemException } from '@lotsen/platform';
import { UpdateCalendarDto } from './calendar.dto';
import { CalendarRepository, TenantSettings } from './calendar.repository';
import { SlaService } from './sla.service';

/** The tenant's calendar: stored here, and announced so reporting counts business time the same way. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly tx: UnitOfWork,
    private readonly settings: CalendarRepository,
    private readonly sla: SlaService,
    private readonly events: EventPublisher,
  ) {}

  get(tenantId: string): Promise<TenantSettings> {
    return this.settings.get(tenantId);
  }

  async change(tenantId: string, dto: UpdateCalendarDto): Promise<TenantSettings> {
    const current = await this.settings.get(tenantId);
    const next: TenantSettings = {
      tenantId,
      timezone: dto.timezone ?? current.timezone,
      businessHours: dto.businessHours ?? current.businessHours,
      holidays: dto.holidays === undefined ? current.holidays : dto.holidays || null,
      defaultFirstResponseHours: dto.defaultFirstResponseHours ?? current.defaultFirstResponseHours,
      defaultResolutionHours: dto.defaultResolutionHours ?? current.defaultResolutionHours,
    };
    try {
      const cal = new BusinessCalendar({ hours: next.businessHours, timezone: next.timezone, holidays: next.holidays });
      cal.addBusinessHours(new Date(), 1);
    } catch (err) {
      throw ProblemException.of(422, 'invalid-calendar', (err as Error).message);
    }
    await this.tx.run(async () => {
      await this.settings.put(next);
      await this.events.publish(EventTypes.TenantCalendarChanged, calendarChanged(next), { tenantId });
    });
    this.sla.invalidate(tenantId);
    return next;
  }
}

/** The event's payload: the calendar alone (the SLA hours are routing's own business). */
export function calendarChanged(s: Pick<TenantSettings, 'timezone' | 'businessHours' | 'holidays'>): TenantCalendarChangedPayload {
  const { days, opens, closes, breaks } = s.businessHours;
  return { timezone: s.timezone, hours: { days, opens, closes, ...(breaks?.length ? { breaks } : {}) }, holidays: s.holidays };
}

import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { BusinessCalendar } from './business-calendar';
import { CalendarRepository, TenantSettings } from './calendar.repository';
import { UpdateCalendarDto } from './calendar.dto';
import { SlaService } from './sla.service';

@ApiTags('sla')
@ApiSecurity('api-key')
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly settings: CalendarRepository, private readonly sla: SlaService) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: "The tenant's opening hours, holiday calendar and default SLA hours" })
  get(@CurrentPrincipal() p: Principal) {
    return this.settings.get(p.tenantId);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Change opening hours (applies to SLA clocks started from now on)' })
  async put(@CurrentPrincipal() p: Principal, @Body() dto: UpdateCalendarDto) {
    const current = await this.settings.get(p.tenantId);
    const next: TenantSettings = {
      tenantId: p.tenantId,
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
    await this.settings.put(next);
    this.sla.invalidate(p.tenantId);
    return next;
  }
}

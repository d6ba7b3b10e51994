import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { UpdateCalendarDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('sla')
@ApiSecurity('api-key')
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: "The tenant's opening hours, holiday calendar and default SLA hours" })
  get(@CurrentPrincipal() p: Principal) {
    return this.calendar.get(p.tenantId);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Change opening hours (split days with `breaks`); applies to SLA clocks started from now on and to reporting\'s business-time figures' })
  put(@CurrentPrincipal() p: Principal, @Body() dto: UpdateCalendarDto) {
    return this.calendar.change(p.tenantId, dto);
  }
}

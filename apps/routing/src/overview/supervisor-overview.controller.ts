import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { SupervisorOverviewService } from './supervisor-overview.service';

@ApiTags('work')
@ApiSecurity('api-key')
@Controller('v1/supervisor')
export class SupervisorOverviewController {
  constructor(private readonly overview: SupervisorOverviewService) {}

  @Get('overview') @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Per queue: waiting count, oldest wait, SLA at risk (due within the hour); triage and overflow; active agents with presence, load and current items; open items to reassign. Lists are the oldest 50 with their totals',
  })
  get(@CurrentPrincipal() p: Principal) {
    return this.overview.overviewOf(p.tenantId);
  }
}
